/** The public types of the emulator; server.ts re-exports them. */

export interface OrgAccount {
  accountId: string;
  accountName?: string;
  emailAddress?: string;
  roles: string[];
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
}

export interface CallRecord {
  op: string;
  status: number;
  errorType?: string;
}

export interface Fault {
  status: number;
  errorType: string;
  message?: string;
  /** How many consecutive calls of the operation fail; default 1. */
  count?: number;
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
  /** The next `count` calls of `op` are answered with this error instead. */
  failNext(op: string, fault: Fault): void;
  /** Closes the server and every socket, keep-alive ones too. */
  close(): Promise<void>;
}
