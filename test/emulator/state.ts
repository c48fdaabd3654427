import { indexOrganisation, type OrganisationIndex } from './org.js';
import type { ThrottleSettings } from './throttle.js';
import type { CallRecord, Organisation } from './types.js';

/** EmulatorOptions with every default applied. */
export interface Settings {
  org: Organisation;
  pageSize: number;
  interval: number;
  deviceCodeTtlSeconds: number;
  accessTokenTtlSeconds: number;
  registrationTtlSeconds: number;
  roleCredentialTtlSeconds: number;
  autoApprove: boolean;
  now: () => number;
  onCall?: (call: CallRecord) => void;
  throttle?: ThrottleSettings;
  customDomain: { location: string; headStatus?: number };
}

export interface Registration {
  clientId: string;
  clientSecret: string;
  clientName: string;
  scopes?: string[];
  grantTypes?: string[];
  redirectUris?: string[];
  issuerUrl?: string;
  expiresAt: number;
}

export type DeviceStatus = 'pending' | 'approved' | 'denied' | 'used';

export interface DeviceGrant {
  deviceCode: string;
  userCode: string;
  clientId: string;
  expiresAt: number;
  /** Seconds; grows by 5 after every SlowDown (RFC 8628 §3.5). */
  interval: number;
  lastPollAt?: number;
  status: DeviceStatus;
}

/** The parameters of a valid GET /authorize request. */
export interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  state?: string;
  codeChallenge: string;
  scopes: string[];
}

/** A GET /authorize request waiting for Allow or Deny. */
export interface PendingAuthorization extends AuthorizationRequest {
  requestId: string;
  expiresAt: number;
}

export interface AuthorizationCode {
  code: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scopes: string[];
  expiresAt: number;
  used: boolean;
}

/**
 * One sign-in: every access and refresh token issued from one grant, through all its
 * refreshes, belongs to it. Logout ends the whole sign-in.
 */
export interface SignInSession {
  clientId: string;
  scopes: string[];
  revoked: boolean;
}

export interface AccessGrant {
  session: SignInSession;
  expiresAt: number;
}

export interface RefreshGrant {
  session: SignInSession;
  used: boolean;
}

export interface RoleCredential {
  accountId: string;
  roleName: string;
  userName: string;
  secretAccessKey: string;
  sessionToken: string;
  expiresAt: number;
}

/** A console sign-in token from getSigninToken: single-use, valid for 15 minutes. */
export interface SigninTokenGrant {
  accessKeyId: string;
  expiresAt: number;
  used: boolean;
}

/** Where the next page of one listing starts. */
export interface PageCursor {
  listing: string;
  offset: number;
}

/** Everything the emulator remembers, in memory. */
export class Store {
  readonly registrations = new Map<string, Registration>();
  readonly deviceGrants = new Map<string, DeviceGrant>();
  /** user code → device code */
  readonly userCodes = new Map<string, string>();
  readonly pendingAuthorizations = new Map<string, PendingAuthorization>();
  readonly authorizationCodes = new Map<string, AuthorizationCode>();
  readonly accessTokens = new Map<string, AccessGrant>();
  readonly refreshTokens = new Map<string, RefreshGrant>();
  readonly roleCredentials = new Map<string, RoleCredential>();
  readonly signinTokens = new Map<string, SigninTokenGrant>();
  readonly pageCursors = new Map<string, PageCursor>();
  private readonly secrets: string[] = [];
  /** 'http://127.0.0.1:PORT', set once the server listens. */
  baseUrl = '';
  /** Lookups into settings.org, which never changes once the emulator runs. */
  readonly index: OrganisationIndex;

  constructor(readonly settings: Settings) {
    this.index = indexOrganisation(settings.org);
  }

  now(): number {
    return this.settings.now();
  }

  /** Records a secret for issuedSecrets() and returns it. */
  secret(value: string): string {
    this.secrets.push(value);
    return value;
  }

  issuedSecrets(): string[] {
    return [...this.secrets];
  }

  /** Ends the sign-in behind `accessToken`, or every sign-in; throws for a token never issued. */
  revoke(accessToken?: string): void {
    if (accessToken === undefined) {
      for (const grant of this.accessTokens.values()) grant.session.revoked = true;
      return;
    }
    const grant = this.accessTokens.get(accessToken);
    if (!grant) throw new Error('revoke: no such access token was issued');
    grant.session.revoked = true;
  }

  /** The device grant behind a user code, in any spelling; undefined when never issued. */
  deviceGrantByUserCode(userCode: string): DeviceGrant | undefined {
    const deviceCode = this.userCodes.get(userCode);
    return deviceCode === undefined ? undefined : this.deviceGrants.get(deviceCode);
  }
}
