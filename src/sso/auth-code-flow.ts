import { CreateTokenCommand, RegisterClientCommand, type SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import type { MiddlewareStack } from '@smithy/types';
import { CliError } from '../errors.js';
import type { Messages } from '../ui/messages/index.js';
import type { ClientRegistration } from './cache.js';
import type { CallbackServer } from './callback-server.js';
import { describeServiceError } from '../service-errors.js';
import { tokenGrant, type TokenGrant } from './token-grant.js';
import { authorizeUrl, codeChallenge, createCodeVerifier, createState } from './pkce.js';

/** What the user needs to approve an authorization-code sign-in. */
export interface BrowserAuthorization {
  /** The /authorize URL to open. */
  url: string;
  /** The loopback port the browser comes back to. */
  port: number;
}

export interface AuthCodeFlowInput {
  /** The texts, in the user's language. */
  messages: Messages;
  oidc: SSOOIDCClient;
  registration: ClientRegistration;
  /** The scopes for /authorize (configured, or sso:account:access). */
  scopes: readonly string[];
  /** The loopback server, already listening; the caller closes it. */
  server: CallbackServer;
  timeoutMs: number;
  /** Shows the URL (and opens the browser): called once the server is listening. */
  onAuthorization(authorization: BrowserAuthorization): Promise<void> | void;
}

/**
 * OAuth 2.0 authorization code with PKCE against IAM Identity Center: with the loopback
 * server listening, the browser is sent to /authorize, and the code it brings back is
 * exchanged with CreateToken (grant authorization_code, redirect URI with the port, verifier).
 */
export async function runAuthCodeFlow(input: AuthCodeFlowInput): Promise<TokenGrant> {
  const { oidc, registration, server } = input;
  const verifier = createCodeVerifier();
  const state = createState();
  const url = authorizeUrl(await oidcBaseUrl(oidc), {
    clientId: registration.clientId,
    redirectUri: server.redirectUri,
    state,
    scopes: input.scopes,
    codeChallenge: codeChallenge(verifier),
  });
  // Waiting (for this state) starts before the browser opens: a fast browser may answer at once.
  const answer = server.waitForCode(state, input.timeoutMs);
  answer.catch(() => undefined); // handled below; not unhandled while the browser is being opened
  await input.onAuthorization({ url, port: server.port });
  const code = await answer;
  let token;
  try {
    token = await oidc.send(
      withAuthCodeUserAgent(new CreateTokenCommand({
        clientId: registration.clientId,
        clientSecret: registration.clientSecret,
        grantType: 'authorization_code',
        code,
        redirectUri: server.redirectUri,
        codeVerifier: verifier,
      })),
    );
  } catch (error) {
    throw new CliError(input.messages.signIn.signInFailed(describeServiceError(error, input.messages)));
  }
  return tokenGrant(token, input.messages);
}

/** What the AWS CLI adds to the user agent of the PKCE flow's requests (`md/sso#auth`). */
export const AUTH_CODE_USER_AGENT = 'md/sso#auth';

/** A command whose request carries AUTH_CODE_USER_AGENT in both user-agent headers, as the AWS CLI's PKCE requests do. */
export function withAuthCodeUserAgent<C extends { middlewareStack: unknown }>(command: C): C {
  (command.middlewareStack as Pick<MiddlewareStack<object, object>, 'add'>).add(
    (next) => async (args) => {
      const { headers } = args.request as { headers: Record<string, string> };
      for (const name of ['user-agent', 'x-amz-user-agent']) {
        if (headers[name] && !headers[name].includes(AUTH_CODE_USER_AGENT)) headers[name] += ` ${AUTH_CODE_USER_AGENT}`;
      }
      return next(args);
    },
    { step: 'finalizeRequest', name: 'sso-setup-auth-code-user-agent', priority: 'low' },
  );
  return command;
}

class EndpointCaptured extends Error {
  constructor(readonly base: string) {
    super('endpoint captured');
  }
}

/**
 * The OIDC endpoint the client sends requests to, with every override the SDK honours
 * (AWS_ENDPOINT_URL_SSO_OIDC, AWS_ENDPOINT_URL, the config file's services section, an
 * explicit endpoint): a RegisterClient request is built and stopped before it is sent, as
 * the AWS CLI does, and its URL read.
 */
export async function oidcBaseUrl(oidc: SSOOIDCClient): Promise<string> {
  const command = new RegisterClientCommand({ clientName: 'endpoint-probe', clientType: 'public' });
  command.middlewareStack.add(
    () => async (args) => {
      const request = args.request as { protocol: string; hostname: string; port?: number; path: string };
      const base = request.path.replace(/\/client\/register$/, '');
      throw new EndpointCaptured(`${request.protocol}//${request.hostname}${request.port ? `:${request.port}` : ''}${base}`);
    },
    { step: 'build', priority: 'low', name: 'sso-setup-endpoint-probe' },
  );
  try {
    await oidc.send(command);
  } catch (error) {
    if (error instanceof EndpointCaptured) return error.base;
    throw error;
  }
  throw new Error('The endpoint probe was sent.');
}
