/** The public types of the emulator; server.ts re-exports them. */

export interface OrgAccount {
  accountId: string;
  accountName?: string;
  emailAddress?: string;
  roles: string[];
  /**
   * Roles listed by ListAccountRoles whose GetRoleCredentials is refused with 403
   * ForbiddenException "No access" (a permission set assigned but not usable).
   */
  deniedRoles?: string[];
}

export interface Organisation {
  startUrl: string;
  region: string;
  user: { userName: string };
  accounts: OrgAccount[];
}

export interface EmulatorOptions {
  /** Default: the embedded default organisation (org.ts). */
  org?: Organisation;
  /** Default 0 (a random free port); always bound to 127.0.0.1. */
  port?: number;
  /** Most items per ListAccounts/ListAccountRoles page: min(max_result, pageSize). Default 2. */
  pageSize?: number;
  /** Device-flow polling interval in seconds, as returned by StartDeviceAuthorization. Default 1. */
  interval?: number;
  /** Default 600. */
  deviceCodeTtlSeconds?: number;
  /** Default 28800 (8 hours). */
  accessTokenTtlSeconds?: number;
  /** Default 90 days. */
  registrationTtlSeconds?: number;
  /** Default 3600. */
  roleCredentialTtlSeconds?: number;
  /** Device codes and /authorize requests are approved without anyone clicking Allow. */
  autoApprove?: boolean;
  /** The clock in milliseconds; default Date.now. Used for every expiry and for SlowDown. */
  now?: () => number;
  /** Called after every answered request (for `npm run emulator`'s log). Addition to the brief. */
  onCall?: (call: CallRecord) => void;
  /** Rate limiting like IAM Identity Center's (about 20 requests per second); default none. */
  throttle?: ThrottleOptions;
  /**
   * The organisation's custom domain (docs/compat.md §A6): `HEAD /start` (and `GET /start`)
   * answer 302 with this Location, which StartDeviceAuthorization then accepts as the start
   * URL. Default: `https://ssoins-7907a2c1d4e5f6a7.portal.{org.region}.app.aws/start`.
   */
  customDomain?: {
    location?: string;
    /** The status HEAD answers instead of the redirect (405 or 501 makes the client send GET). */
    headStatus?: number;
  };
}

/**
 * A token bucket per operation, on the emulator's `now()` clock: `burst` calls at once, then
 * `ratePerSecond`. An empty bucket answers 429 TooManyRequestsException "Rate exceeded" with a
 * `Retry-After` header (whole seconds until the next token, at least 1).
 */
export interface ThrottleOptions {
  ratePerSecond: number;
  /** The bucket's size; default ceil(ratePerSecond). */
  burst?: number;
  /** The throttled operations; default ListAccounts, ListAccountRoles, GetRoleCredentials. */
  operations?: string[];
}

export interface CallRecord {
  op: string;
  /** 0 when the connection was reset instead of answered. */
  status: number;
  errorType?: string;
  /** Set when an injected reset or delay fault shaped this call. */
  fault?: 'reset' | 'delay';
}

/** How often an injected fault strikes: `count` matching calls (default 1), or every one while `always`. */
export interface FaultRepeat {
  count?: number;
  /** Until clearFaults(); excludes `count`. */
  always?: boolean;
}

/** The call is answered with this error instead of being handled. */
export interface ErrorFault extends FaultRepeat {
  kind?: 'error';
  /** Default: the type's usual status (429 TooManyRequestsException, 500 InternalServerException, 503 ServiceUnavailableException…). */
  status?: number;
  errorType: string;
  message?: string;
  /** Sent as the `Retry-After` header: seconds, or an HTTP date. */
  retryAfter?: number | string;
}

/** The connection is reset (TCP RST) without an answer; the call is not handled. */
export interface ResetFault extends FaultRepeat {
  kind: 'reset';
}

/** The call is handled at once, but its answer is sent `ms` milliseconds (real time) later. */
export interface DelayFault extends FaultRepeat {
  kind: 'delay';
  ms: number;
}

export type Fault = ErrorFault | ResetFault | DelayFault;

/** An operation name as in CallRecord, or '*' for every AWS API operation (not the HTML pages). */
export type FaultTarget = string;

export interface EmulatorStats {
  /** Calls per operation, answered or reset. */
  requests: Record<string, number>;
  /** 429 answers per operation, from the throttle or injected. */
  throttled: Record<string, number>;
}

export interface Emulator {
  /** 'http://127.0.0.1:PORT' */
  url: string;
  port: number;
  org: Organisation;
  /** Every request in order of its answer. */
  calls: CallRecord[];
  /** Every clientSecret, deviceCode, accessToken, refreshToken, secretAccessKey and sessionToken issued so far. */
  issuedSecrets(): string[];
  /** Like clicking Allow on the device page. Throws for a user code never issued. */
  approve(userCode: string): void;
  /** Like clicking Deny on the device page. Throws for a user code never issued. */
  deny(userCode: string): void;
  /**
   * Injects a fault into the next matching calls (see Fault, FaultRepeat). Faults strike in
   * the order they were injected; '*' matches every AWS API operation. Throws for an unknown
   * operation or an invalid fault.
   */
  injectFault(op: FaultTarget, fault: Fault): void;
  /** The same as injectFault (its original name). */
  failNext(op: FaultTarget, fault: Fault): void;
  /** Removes the faults injected for `op` (exactly that target, '*' included), or all of them. */
  clearFaults(op?: FaultTarget): void;
  /**
   * Ends the sign-in behind an access token, as an administrator revoking a session does: its
   * access and refresh tokens stop working (401 / InvalidGrant). Without a token, every
   * sign-in so far. Throws for a token never issued.
   */
  revoke(accessToken?: string): void;
  /** Counts of calls and 429s per operation. */
  stats(): EmulatorStats;
  /** Closes the server and every socket, keep-alive ones too. */
  close(): Promise<void>;
}
