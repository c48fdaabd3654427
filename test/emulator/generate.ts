/**
 * Large, awkward organisations for scale tests: deterministic from a seed, with account
 * names that a profile-name sanitiser has to work for (spaces, slashes, quotes, unicode,
 * very long names, duplicates differing only in case, `__proto__`, `constructor`).
 *
 * The real AWS Organizations API limits account names to 50 printable ASCII characters and
 * permission sets to [\w+=,.@-]; some names here go beyond that on purpose.
 */
import { DEFAULT_ORG } from './org.js';
import type { OrgAccount, Organisation } from './types.js';

export interface GenerateOptions {
  accounts: number;
  /** Default 1. */
  minRoles?: number;
  /** Default 5 (at least minRoles). */
  maxRoles?: number;
  /** Default 1; the same seed gives the same organisation. */
  seed?: number;
  /** Default: the default organisation's. */
  startUrl?: string;
  /** Default: the default organisation's. */
  region?: string;
}

/** Permission sets seen in real organisations, AWS-managed and custom. */
export const ROLE_POOL: readonly string[] = [
  'AdministratorAccess',
  'ReadOnlyAccess',
  'PowerUserAccess',
  'Billing',
  'ViewOnlyAccess',
  'Data Scientist',
  'DatabaseAdministrator',
  'NetworkAdministrator',
  'SecurityAudit',
  'SupportUser',
  'SystemAdministrator',
  'AWSAdministratorAccess',
  'AWSReadOnlyAccess',
  'Developer',
  'platform-engineer',
];

/** Names every organisation of this size or more contains once each, at seeded positions. */
export const AWKWARD_NAMES: readonly string[] = [
  '本番 (Prod)/Team A',
  "O'Brien's Sandbox",
  'Shared Services',
  'shared services',
  'Data Lake',
  'DATA LAKE',
  'Données – Équipe Analytics',
  'Платёжный шлюз (staging)',
  '🚀 Launchpad',
  'Customer Experience Platform - Personalisation and Recommendation Engines - Production (eu-west-1, eu-central-1)',
  'dev/ml/experiments',
  'payments.prod.eu-west-1',
  'Team "Quotes" & <Angles>',
  '  Padded Name  ',
  'R&D: 研究開発',
  'default',
  '[Prod] #1; Team=X',
  // Keys of every JavaScript object: a profile named like this must never be written.
  '__proto__',
  'constructor',
  'prototype',
];

/** The account named `__proto__` (in organisations of 18+ accounts) has this as its first role. */
export const AWKWARD_ROLE = 'constructor';

const TEAMS = ['payments', 'data platform', 'identity', 'search', 'mobile', 'ml', 'billing', 'networking', 'security', 'analytics', 'web', 'checkout', 'logistics', 'hr systems', 'Zahlungsverkehr', 'ストア'];
const ENVIRONMENTS = ['prod', 'production', 'staging', 'dev', 'test', 'sandbox', 'qa', 'uat', 'shared'];

type Random = () => number;

/** mulberry32: a small, fast, seeded PRNG with values in [0, 1). */
function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const oneOf = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const title = (text: string) => text.replace(/(^|\s)(\p{Ll})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
const kebab = (text: string) => text.replace(/\s+/g, '-');

function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

const NAME_STYLES: ReadonlyArray<(team: string, env: string, n: number) => string> = [
  (team, env) => `${title(team)} ${title(env)}`,
  (team, env) => `${kebab(team)}-${env}`,
  (team, env, n) => `${kebab(team)}-${env}-${String(n).padStart(3, '0')}`,
  (team, env) => `${env.toUpperCase()} - ${title(team)}`,
  (team, env) => `${team}/${env}`,
  (team, env, n) => `${title(team)} (${env}) #${n}`,
];

function generatedName(random: Random): string {
  const style = oneOf(random, NAME_STYLES);
  return style(oneOf(random, TEAMS), oneOf(random, ENVIRONMENTS), between(random, 1, 999));
}

/** `count` names: the awkward ones first (as many as fit), then generated, in seeded order. */
function accountNames(random: Random, count: number): string[] {
  const names = AWKWARD_NAMES.slice(0, count);
  while (names.length < count) names.push(generatedName(random));
  return shuffle(random, names);
}

/** 12 digits, leading zeros included, unique within `taken`. */
function accountId(random: Random, taken: Set<string>): string {
  for (;;) {
    const id = String(Math.floor(random() * 1e12)).padStart(12, '0');
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

function roles(random: Random, min: number, max: number): string[] {
  const chosen = new Set(shuffle(random, [...ROLE_POOL]).slice(0, between(random, min, max)));
  return ROLE_POOL.filter((role) => chosen.has(role));
}

function roleRange(options: GenerateOptions): { min: number; max: number } {
  const min = options.minRoles ?? 1;
  const max = options.maxRoles ?? Math.max(5, min);
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max < min || max > ROLE_POOL.length) {
    throw new Error(`generateOrganisation: need 1 <= minRoles <= maxRoles <= ${ROLE_POOL.length}`);
  }
  return { min, max };
}

export function generateOrganisation(options: GenerateOptions): Organisation {
  const { accounts: count, seed = 1 } = options;
  if (!Number.isInteger(count) || count < 0 || count > 1_000_000) throw new Error('generateOrganisation: accounts must be a whole number up to 1,000,000');
  if (!Number.isInteger(seed)) throw new Error('generateOrganisation: seed must be a whole number');
  const { min, max } = roleRange(options);
  const random = seededRandom(seed);
  const taken = new Set<string>();
  const accounts = accountNames(random, count).map((accountName): OrgAccount => {
    const id = accountId(random, taken);
    const granted = roles(random, min, max);
    if (accountName === '__proto__') granted[0] = AWKWARD_ROLE;
    return { accountId: id, accountName, emailAddress: `aws+${id}@example.com`, roles: granted };
  });
  return {
    startUrl: options.startUrl ?? DEFAULT_ORG.startUrl,
    region: options.region ?? DEFAULT_ORG.region,
    user: { ...DEFAULT_ORG.user },
    accounts,
  };
}
