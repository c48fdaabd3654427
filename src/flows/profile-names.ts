import type { Messages } from '../ui/messages/index.js';
import type { Account } from '../portal/accounts.js';

/** The fields a `populate` name template may use. */
export interface NameFields {
  account_id: string;
  account_name: string;
  role_name: string;
  email: string;
  session: string;
}

export const DEFAULT_TEMPLATE = '{account_name}-{role_name}';
const FIELDS: ReadonlyArray<keyof NameFields> = ['account_id', 'account_name', 'role_name', 'email', 'session'];

/** Throws on an unknown `{field}`, naming it and the known ones. */
export function checkTemplate(m: Messages, template: string): void {
  // Each `{…}` up to the next `}`, as `/\{([^}]*)\}/g` would find them, in one pass (that
  // regex rescans the rest of the text from every `{` that has no `}` after it).
  for (let open = template.indexOf('{'); open >= 0; ) {
    const close = template.indexOf('}', open + 1);
    if (close < 0) break;
    const field = template.slice(open + 1, close);
    if (!(FIELDS as readonly string[]).includes(field)) {
      throw new Error(m.populate.unknownTemplateField(field, template, FIELDS.map((f) => `{${f}}`).join(' ')));
    }
    open = template.indexOf('{', close + 1);
  }
}

export function renderTemplate(template: string, fields: NameFields): string {
  return template.replace(/\{(\w+)\}/g, (_m, field: keyof NameFields) => fields[field] ?? '');
}

/**
 * A name every AWS tool reads the same: letters, digits and `- _ . @ +` only; anything else
 * (spaces, slashes, brackets, non-ASCII) becomes `-`, runs collapse, ends are trimmed.
 */
export function sanitiseProfileName(raw: string): string {
  const cleaned = raw
    .normalize('NFKC')
    .replace(/[^A-Za-z0-9_.@+-]+/g, '-')
    .replace(/-{2,}/g, '-');
  return trimChars(cleaned, '-.');
}

/** `text` without leading and trailing characters from `chars`; unlike `/[-.]+$/`, linear. */
function trimChars(text: string, chars: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && chars.includes(text[start]!)) start++;
  while (end > start && chars.includes(text[end - 1]!)) end--;
  return text.slice(start, end);
}

export interface GeneratedProfile {
  name: string;
  account: Account;
  roleName: string;
}

/**
 * One profile name per account × role, from the template, sanitised and made unique:
 * when two come out the same, each gets its account ID (and then a counter) appended, so
 * the result does not depend on listing order.
 */
export function nameProfiles(
  access: ReadonlyArray<{ account: Account; roles: readonly string[] }>,
  options: { template: string; prefix?: string; session: string },
): GeneratedProfile[] {
  const drafts = access.flatMap(({ account, roles }) =>
    roles.map((roleName) => {
      const fields: NameFields = {
        account_id: account.accountId,
        account_name: account.accountName ?? account.accountId,
        role_name: roleName,
        email: account.emailAddress ?? '',
        session: options.session,
      };
      const base = sanitiseProfileName(`${options.prefix ?? ''}${renderTemplate(options.template, fields)}`);
      return { base: base || account.accountId, account, roleName };
    }),
  );
  const counts = new Map<string, number>();
  for (const d of drafts) counts.set(d.base.toLowerCase(), (counts.get(d.base.toLowerCase()) ?? 0) + 1);
  const used = new Set<string>();
  const profiles = drafts.map((d) => {
    let name = counts.get(d.base.toLowerCase())! > 1 ? `${d.base}-${d.account.accountId}` : d.base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${d.base}-${d.account.accountId}-${n}`;
    used.add(name.toLowerCase());
    return { name, account: d.account, roleName: d.roleName };
  });
  return profiles.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
