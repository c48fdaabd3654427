import { CreateTokenCommand, StartDeviceAuthorizationCommand, type SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import type { Clock } from '../ports.js';
import { CliError } from '../errors.js';
import type { Messages } from '../ui/messages/index.js';
import { describeServiceError, errorName } from '../service-errors.js';
import type { ClientRegistration } from './cache.js';
import { tokenGrant, type TokenGrant } from './token-grant.js';

/** What the user needs to approve a device authorization. */
export interface DeviceAuthorization {
  verificationUri: string;
  verificationUriComplete: string;
  userCode: string;
  expiresAt: Date;
}

export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const DEFAULT_INTERVAL_SECONDS = 5;
const SLOW_DOWN_SECONDS = 5;
/**
 * Bounds on the numbers StartDeviceAuthorization sends, which we sleep on: IAM Identity Center
 * sends `interval` 1 and `expiresIn` 600. A huge value must not leave the user waiting for
 * hours (the poll is also never put off past the code's expiry); zero, a negative number or
 * NaN must not make us poll in a tight loop or expire at once: those get the defaults.
 */
const MAX_INTERVAL_SECONDS = 60;
const DEFAULT_CODE_LIFETIME_SECONDS = 600;
const MAX_CODE_LIFETIME_SECONDS = 3600;

/** `value` when it is a positive finite number, at most `max`; `fallback` otherwise. */
function bounded(value: number | undefined, fallback: number, max: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.min(value, max) : fallback;
}

export interface DeviceFlowInput {
  /** The texts, in the user's language. */
  messages: Messages;
  oidc: SSOOIDCClient;
  registration: ClientRegistration;
  startUrl: string;
  /** The SSO region the client was created for: named when IAM Identity Center says it is likely wrong. */
  region: string;
  clock: Clock;
  /** Gives up after this long even if the code is still valid (`--timeout`). */
  timeoutMs?: number;
  /** Shows the URL and code to the user (and opens the browser). */
  onAuthorization(authorization: DeviceAuthorization): Promise<void> | void;
}

/**
 * OAuth 2.0 device authorization (RFC 8628) against IAM Identity Center:
 * StartDeviceAuthorization, then CreateToken polled every `interval` seconds (5 more after
 * each SlowDown) until the user approves, denies, or the device code expires.
 */
export async function runDeviceFlow(input: DeviceFlowInput): Promise<TokenGrant> {
  const { oidc, registration, clock } = input;
  let started;
  try {
    started = await oidc.send(
      new StartDeviceAuthorizationCommand({
        clientId: registration.clientId,
        clientSecret: registration.clientSecret,
        startUrl: input.startUrl,
      }),
    );
  } catch (error) {
    throw new CliError(withRegionHint(input.messages.signIn.startSignInFailed(input.startUrl, describeServiceError(error, input.messages)), error, input));
  }
  if (!started.deviceCode || !started.userCode || !started.verificationUri) {
    throw new CliError(input.messages.signIn.incompleteDeviceAuthorization);
  }
  const codeLifetimeMs = bounded(started.expiresIn, DEFAULT_CODE_LIFETIME_SECONDS, MAX_CODE_LIFETIME_SECONDS) * 1000;
  const expiresAt = new Date(clock.now() + Math.min(codeLifetimeMs, input.timeoutMs ?? codeLifetimeMs));
  let intervalMs = bounded(started.interval, DEFAULT_INTERVAL_SECONDS, MAX_INTERVAL_SECONDS) * 1000;
  await input.onAuthorization({
    verificationUri: started.verificationUri,
    verificationUriComplete: started.verificationUriComplete ?? started.verificationUri,
    userCode: started.userCode,
    expiresAt,
  });

  for (;;) {
    // Never sleep past the expiry: then say so at once rather than after a long interval.
    await clock.sleep(Math.max(0, Math.min(intervalMs, expiresAt.getTime() - clock.now())));
    if (clock.now() >= expiresAt.getTime()) throw expired(input.messages);
    try {
      return tokenGrant(
        await oidc.send(
          new CreateTokenCommand({
            clientId: registration.clientId,
            clientSecret: registration.clientSecret,
            grantType: DEVICE_CODE_GRANT,
            deviceCode: started.deviceCode,
          }),
        ),
        input.messages,
      );
    } catch (error) {
      switch (errorName(error)) {
        case 'AuthorizationPendingException':
          continue;
        case 'SlowDownException':
          intervalMs = Math.min(intervalMs + SLOW_DOWN_SECONDS * 1000, MAX_INTERVAL_SECONDS * 1000);
          continue;
        case 'ExpiredTokenException':
          throw expired(input.messages);
        case 'AccessDeniedException':
          throw new CliError(input.messages.signIn.signInDenied);
        default:
          // The SDK already retried this call with backoff; while the code is valid, a
          // passing fault (throttling, a 5xx, a reset connection) just means poll again.
          if (isTransient(error)) continue;
          if (error instanceof CliError) throw error;
          throw new CliError(withRegionHint(input.messages.signIn.signInFailed(describeServiceError(error, input.messages)), error, input));
      }
    }
  }
}

/**
 * IAM Identity Center answers invalid_grant when the start URL belongs to an instance in
 * another region: the most common cause of a cryptic sign-in failure (aws-cli #5058, #7129).
 */
function withRegionHint(message: string, error: unknown, input: Pick<DeviceFlowInput, 'region' | 'startUrl' | 'messages'>): string {
  return errorName(error) === 'InvalidGrantException' ? `${message}\n${input.messages.signIn.regionLikelyWrong(input.region, input.startUrl)}` : message;
}

const TRANSIENT_NAMES = new Set([
  'InternalServerException',
  'ServiceUnavailableException',
  'TooManyRequestsException',
  'ThrottlingException',
  'TimeoutError',
  'RequestTimeout',
]);
const TRANSIENT_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

/** A failure worth another poll: throttling, a server error, a network error. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, $metadata } = error as Error & { code?: string; $metadata?: { httpStatusCode?: number } };
  const status = $metadata?.httpStatusCode;
  return TRANSIENT_NAMES.has(error.name) || TRANSIENT_CODES.has(code ?? '') || status === 429 || (status !== undefined && status >= 500);
}

function expired(m: Messages): CliError {
  return new CliError(m.signIn.signInExpired);
}
