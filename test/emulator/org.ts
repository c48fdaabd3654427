import type { OrgAccount, Organisation } from './types.js';

/** The organisation the emulator serves unless told otherwise (org.json holds the same, as an example seed file). */
export const DEFAULT_ORG: Organisation = {
  startUrl: 'https://d-9067c0ab12.awsapps.com/start',
  region: 'ap-northeast-1',
  user: { userName: 'taro.yamada' },
  accounts: [
    {
      accountId: '111122223333',
      accountName: 'Development',
      emailAddress: 'dev@example.com',
      roles: ['AdministratorAccess', 'ReadOnlyAccess'],
    },
    {
      accountId: '444455556666',
      accountName: 'Production',
      emailAddress: 'prod@example.com',
      roles: ['ReadOnlyAccess'],
    },
  ],
};

/** A deep copy, so an emulator never shares (or mutates) its caller's object. */
export function copyOrganisation(org: Organisation): Organisation {
  return structuredClone(org);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isString = (value: unknown): value is string => typeof value === 'string' && value !== '';

function parseAccount(value: unknown, where: string): OrgAccount {
  if (!isRecord(value)) throw new Error(`${where} must be an object`);
  const { accountId, accountName, emailAddress, roles, deniedRoles } = value;
  if (typeof accountId !== 'string' || !/^\d{12}$/.test(accountId)) throw new Error(`${where}.accountId must be 12 digits`);
  if (accountName !== undefined && typeof accountName !== 'string') throw new Error(`${where}.accountName must be a string`);
  if (emailAddress !== undefined && typeof emailAddress !== 'string') throw new Error(`${where}.emailAddress must be a string`);
  if (!Array.isArray(roles) || !roles.every(isString)) throw new Error(`${where}.roles must be a list of role names`);
  if (deniedRoles !== undefined && !(Array.isArray(deniedRoles) && deniedRoles.every(isString))) {
    throw new Error(`${where}.deniedRoles must be a list of role names`);
  }
  return {
    accountId,
    ...(accountName !== undefined ? { accountName } : {}),
    ...(emailAddress !== undefined ? { emailAddress } : {}),
    roles: [...roles],
    ...(deniedRoles !== undefined ? { deniedRoles: [...deniedRoles] } : {}),
  };
}

/** Checks a seed organisation read from JSON (for `npm run emulator -- --org file.json`). */
export function parseOrganisation(value: unknown, source = 'organisation'): Organisation {
  if (!isRecord(value)) throw new Error(`${source}: must be a JSON object`);
  const { startUrl, region, user, accounts } = value;
  if (!isString(startUrl) || !/^https?:\/\//.test(startUrl)) throw new Error(`${source}: startUrl must be a URL`);
  if (!isString(region)) throw new Error(`${source}: region is required`);
  if (!isRecord(user) || !isString(user.userName)) throw new Error(`${source}: user.userName is required`);
  if (!Array.isArray(accounts)) throw new Error(`${source}: accounts must be a list`);
  const parsed = accounts.map((a, i) => parseAccount(a, `${source}: accounts[${i}]`));
  const ids = new Set(parsed.map((a) => a.accountId));
  if (ids.size !== parsed.length) throw new Error(`${source}: an accountId appears twice`);
  return { startUrl, region, user: { userName: user.userName }, accounts: parsed };
}

// ---- lookups -------------------------------------------------------------------------------

export interface AccountSummary {
  accountId: string;
  accountName: string | undefined;
  emailAddress: string | undefined;
}

export interface IndexedAccount {
  accountId: string;
  /** ListAccountRoles' items, built once. */
  roleList: ReadonlyArray<{ roleName: string; accountId: string }>;
  roles: ReadonlySet<string>;
  deniedRoles: ReadonlySet<string>;
}

/** What the portal needs per call, precomputed so that a call costs O(1) or O(page), never O(accounts). */
export interface OrganisationIndex {
  /** ListAccounts' items, built once. */
  accountList: readonly AccountSummary[];
  accounts: ReadonlyMap<string, IndexedAccount>;
}

function indexAccount(account: OrgAccount): IndexedAccount {
  const { accountId, roles } = account;
  return {
    accountId,
    roleList: roles.map((roleName) => ({ roleName, accountId })),
    roles: new Set(roles),
    deniedRoles: new Set(account.deniedRoles ?? []),
  };
}

export function indexOrganisation(org: Organisation): OrganisationIndex {
  return {
    accountList: org.accounts.map(({ accountId, accountName, emailAddress }) => ({ accountId, accountName, emailAddress })),
    accounts: new Map([...org.accounts].reverse().map((account) => [account.accountId, indexAccount(account)])), // the first of duplicates wins
  };
}
