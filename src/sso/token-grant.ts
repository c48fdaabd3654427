import type { CreateTokenCommandOutput } from '@aws-sdk/client-sso-oidc';
import { CliError } from '../errors.js';
import type { Messages } from '../ui/messages/index.js';

/** A token as CreateToken returns it. */
export interface TokenGrant {
  accessToken: string;
  expiresIn: number;
  refreshToken?: string;
}

/**
 * The token in a CreateToken response, whatever the grant (device code, authorization code,
 * refresh token): a response without an access token or its lifetime is refused.
 */
export function tokenGrant(
  response: Pick<CreateTokenCommandOutput, 'accessToken' | 'expiresIn' | 'refreshToken'>,
  m: Messages,
): TokenGrant {
  if (!response.accessToken || response.expiresIn === undefined) throw new CliError(m.signIn.tokenWithoutAccessToken);
  return { accessToken: response.accessToken, expiresIn: response.expiresIn, refreshToken: response.refreshToken };
}
