import type { Context } from '../context.js';
import { CliError, ExitCode } from '../errors.js';
import { readAwsConfig } from '../config/read.js';
import { mapWithConcurrency } from '../portal/rate-limit.js';
import { describeServiceError } from '../service-errors.js';
import type { Messages } from '../ui/messages/index.js';
import { printable } from '../ui/terminal-text.js';
import { Answers } from './answers.js';
import { ASSIGNMENT_CONCURRENCY, IdentityCenter, TIMED_OUT } from './admin-identity-center.js';
import { validateAccountId, validateSsoRegion } from './validators.js';
import { loadPartitions } from './regions.js';
import {
  DEFAULT_SESSION_DURATION,
  managedPolicyArn,
  PERMISSION_SET_NAME,
  USER_NAME,
  validateEmail,
  validatePolicyName,
  validateSessionDuration,
} from './admin-validators.js';

/** Answers given as flags: those prompts are not shown. */
export interface AdminPreset {
  region?: string;
  userName?: string;
  email?: string;
  givenName?: string;
  familyName?: string;
  displayName?: string;
  group?: string;
  permissionSet?: string;
  description?: string;
  sessionDuration?: string;
  managedPolicies?: string[];
  accountIds?: string[];
}

export interface AdminOptions {
  /** --profile / AWS_PROFILE / AWS_DEFAULT_PROFILE; undefined: the SDK's default chain. */
  profile?: string;
  preset: AdminPreset;
  /** --yes: take the default of every value not given, ask nothing that has one. */
  acceptDefaults?: boolean;
  /** False when there is no terminal: nothing is asked, missing values are an error. */
  interactive?: boolean;
  /** --dry-run: print the plan, change nothing. */
  dryRun?: boolean;
}

export interface AdminResult {
  startUrl: string;
  ssoRegion: string;
  accountIds: string[];
  permissionSet: string;
  /** Whether anything was (or, with --dry-run, would have been) changed. */
  changed: boolean;
}

/** Server text shown without control characters (names from Organizations, failure reasons). */
const clean = (text: string) => printable(text);

interface Step {
  text: string;
  /** False for what exists already and stays as it is. */
  change: boolean;
  /** Makes the change (assignments are made together at the end, so they have none). */
  apply?: () => Promise<void>;
}

/**
 * `sso-setup admin`: the IAM Identity Center console's steps for one user (the guide's
 * section 1) in one run. Everything is asked and read first; the plan lists what exists and
 * what will be created; conflicts stop the run before any change; `--dry-run` stops after the
 * plan. Existing objects are never modified, only added to (a missing policy, membership or
 * assignment), so a second run with the same answers changes nothing.
 */
export async function admin(ctx: Context, options: AdminOptions): Promise<AdminResult> {
  const m = ctx.messages;
  const a = m.admin;
  const preset = options.preset;
  const interactive = options.interactive ?? ctx.interactive;
  const answers = new Answers(interactive ? await ctx.prompter() : undefined, options.acceptDefaults ?? false, m);
  const out = (text: string) => ctx.stdout.write(text);

  // Where Identity Center is: --region, else the environment's or the profile's region.
  const partitions = await loadPartitions();
  const configured = await defaultRegion(ctx, options.profile);
  const region = await answers.text('region', preset.region, {
    message: a.regionPrompt(configured),
    default: configured,
    validate: (v) => validateSsoRegion(m, partitions, v),
  });
  answers.assertComplete();

  const clients = await ctx.clients.admin(region, options.profile);
  const ic = new IdentityCenter(clients, ctx.clock);
  const instance = (await ic.instances()).find((i) => i.Status === undefined || i.Status === 'ACTIVE');
  if (!instance?.InstanceArn || !instance.IdentityStoreId) throw new CliError(a.noInstance(region));
  const instanceArn = instance.InstanceArn;
  const storeId = instance.IdentityStoreId;
  out(a.usingInstance(instanceArn, storeId, region));

  // The answers, all before anything is read or changed.
  const userName = await answers.text('user-name', preset.userName, {
    message: a.userNamePrompt(),
    validate: (v) => (USER_NAME.test(v) ? true : a.invalidUserName(v)),
  });
  const email = await answers.text('email', preset.email, { message: a.emailPrompt(), validate: (v) => validateEmail(m, v) });
  const nonEmpty = (v: string) => (v === '' ? m.validate.valueRequired : true);
  const givenName = await answers.text('given-name', preset.givenName, { message: a.givenNamePrompt(userName), default: userName, validate: nonEmpty });
  const familyName = await answers.text('family-name', preset.familyName, { message: a.familyNamePrompt(userName), default: userName, validate: nonEmpty });
  const fullName = `${givenName} ${familyName}`;
  const displayName = await answers.text('display-name', preset.displayName, { message: a.displayNamePrompt(fullName), default: fullName, validate: nonEmpty });
  const group = await answers.text('group', preset.group, { message: a.groupPrompt, default: '' });
  const setName = await answers.text('permission-set', preset.permissionSet, {
    message: a.permissionSetPrompt(),
    validate: (v) => (PERMISSION_SET_NAME.test(v) ? true : a.invalidPermissionSetName(v)),
  });
  const description = await answers.text('description', preset.description, { message: a.descriptionPrompt, default: '' });
  const sessionDuration = await answers.text('session-duration', preset.sessionDuration, {
    message: a.sessionDurationPrompt(DEFAULT_SESSION_DURATION),
    default: DEFAULT_SESSION_DURATION,
    validate: (v) => validateSessionDuration(m, v),
  });
  const policyNames = preset.managedPolicies
    ? preset.managedPolicies.map((p) => p.trim()).filter(Boolean)
    : splitList(await answers.text('managed-policy', undefined, { message: a.managedPoliciesPrompt, default: '' }));
  for (const name of policyNames) {
    const verdict = validatePolicyName(m, name);
    if (verdict !== true) throw new CliError(m.common.invalidFlag('managed-policy', verdict), ExitCode.usage);
  }
  for (const id of preset.accountIds ?? []) {
    const verdict = validateAccountId(m, id.trim());
    if (verdict !== true) throw new CliError(m.common.invalidFlag('account-id', verdict), ExitCode.usage);
  }
  answers.assertComplete();
  const accountIds = preset.accountIds?.length ? [...new Set(preset.accountIds.map((id) => id.trim()))] : [await pickAccount(ctx, ic, answers)];

  // Unknown policy names stop the run before anything changes.
  const partition = instanceArn.split(':')[1] ?? 'aws';
  const policyArns = new Map(policyNames.map((name) => [name, managedPolicyArn(name, partition)]));
  const unknown = await ic.unknownManagedPolicies(policyArns);
  if (unknown.length > 0) throw new CliError(a.unknownPolicies(unknown), ExitCode.usage);

  // What exists: the plan, and the conflicts that stop the run.
  const steps: Step[] = [];
  const conflicts: string[] = [];
  const user = await ic.findUser(storeId, userName);
  let userId = user?.UserId;
  if (user) {
    const has = user.Emails?.find((e) => e.Primary)?.Value ?? user.Emails?.[0]?.Value ?? '';
    if (has.toLowerCase() !== email.toLowerCase()) conflicts.push(a.conflict.email(userName, clean(has), email));
    const names: Array<[string, string | undefined, string, string | undefined]> = [
      [a.field.givenName, user.Name?.GivenName, givenName, preset.givenName],
      [a.field.familyName, user.Name?.FamilyName, familyName, preset.familyName],
      [a.field.displayName, user.DisplayName, displayName, preset.displayName],
    ];
    for (const [field, current, asked, given] of names) {
      if (given !== undefined && current !== undefined && current !== asked) out(a.nameDiffers(userName, field, clean(current), asked));
    }
    steps.push({ text: a.plan.userExists(userName), change: false });
  } else {
    steps.push({
      text: a.plan.createUser(userName, email),
      change: true,
      apply: async () => {
        userId = await ic.createUser(storeId, { userName, email, givenName, familyName, displayName });
      },
    });
  }

  if (group) {
    let groupId = await ic.findGroupId(storeId, group);
    if (groupId) steps.push({ text: a.plan.groupExists(group), change: false });
    else
      steps.push({
        text: a.plan.createGroup(group),
        change: true,
        apply: async () => {
          groupId = await ic.createGroup(storeId, group);
        },
      });
    if (groupId && userId && (await ic.isMember(storeId, groupId, userId))) steps.push({ text: a.plan.memberExists(userName, group), change: false });
    else steps.push({ text: a.plan.addMember(userName, group), change: true, apply: () => ic.addMember(storeId, groupId!, userId!) });
  }

  const set = await ic.findPermissionSet(instanceArn, setName);
  let setArn = set?.PermissionSetArn;
  let setChanged = false;
  if (set) {
    if (preset.description !== undefined && description !== (set.Description ?? ''))
      conflicts.push(a.conflict.description(setName, clean(set.Description ?? ''), description));
    if ((set.SessionDuration ?? DEFAULT_SESSION_DURATION) !== sessionDuration)
      conflicts.push(a.conflict.duration(setName, clean(set.SessionDuration ?? DEFAULT_SESSION_DURATION), sessionDuration));
    steps.push({ text: a.plan.permissionSetExists(setName), change: false });
  } else {
    setChanged = true;
    steps.push({
      text: a.plan.createPermissionSet(setName, sessionDuration),
      change: true,
      apply: async () => {
        setArn = await ic.createPermissionSet(instanceArn, { name: setName, description, sessionDuration });
      },
    });
  }
  const attached = setArn ? await ic.managedPolicyArns(instanceArn, setArn) : new Set<string>();
  for (const [name, arn] of policyArns) {
    if (attached.has(arn)) steps.push({ text: a.plan.policyAttached(name), change: false });
    else {
      setChanged = true;
      steps.push({ text: a.plan.attachPolicy(name, setName), change: true, apply: () => ic.attachManagedPolicy(instanceArn, setArn!, arn) });
    }
  }

  const provision = async (accountId: string) => {
    const reason = await ic.provision(instanceArn, setArn!, accountId);
    if (reason) throw new CliError(a.provisioningFailed(accountId, reason === TIMED_OUT ? a.stillInProgress : clean(reason)));
  };
  const toAssign: string[] = [];
  for (const accountId of accountIds) {
    if (setChanged) steps.push({ text: a.plan.provision(setName, accountId), change: true, apply: () => provision(accountId) });
    if (userId && setArn && (await ic.isAssigned(instanceArn, setArn, accountId, userId))) steps.push({ text: a.plan.assigned(userName, setName, accountId), change: false });
    else {
      toAssign.push(accountId);
      steps.push({ text: a.plan.assign(userName, setName, accountId), change: true });
    }
  }

  out(`${a.planHeading}\n${steps.map((s) => `  ${s.change ? '+' : '='} ${s.text}\n`).join('')}`);
  if (conflicts.length > 0) throw new CliError(a.conflicts(conflicts));

  const changes = steps.filter((s) => s.change).length;
  const startUrl = `https://${storeId}.awsapps.com/start`;
  const result: AdminResult = { startUrl, ssoRegion: region, accountIds, permissionSet: setName, changed: changes > 0 };
  if (options.dryRun) {
    out(a.dryRun);
    return result;
  }
  if (changes === 0) out(a.nothingToChange);

  for (const step of steps) {
    if (!step.apply) continue;
    await step.apply();
    out(a.done(step.text));
  }

  // Assignments: at most 15 outstanding, each waited on; failures reported together.
  const failures: string[] = [];
  let finished = 0;
  await mapWithConcurrency(toAssign, ASSIGNMENT_CONCURRENCY, async (accountId) => {
    let reason: string | undefined;
    try {
      reason = await ic.assign(instanceArn, setArn!, accountId, userId!);
    } catch (error) {
      reason = describeServiceError(error, m);
    }
    finished++;
    if (reason) failures.push(a.assignmentFailed(accountId, reason === TIMED_OUT ? a.stillInProgress : clean(reason)));
    else out(a.done(a.plan.assign(userName, setName, accountId)));
    if (toAssign.length > 1) out(a.assigning(finished, toAssign.length));
  });

  out(a.handoverHeading);
  out(a.portalUrl(startUrl));
  out(a.ssoRegion(region));
  out(a.aliasNote);
  out(a.configureCommand);
  for (const accountId of accountIds) {
    out(`  sso-setup configure --start-url ${startUrl} --sso-region ${region} --account-id ${accountId} --role-name ${setName}\n`);
  }
  if (!user) out(a.passwordNote(userName));
  if (failures.length > 0) throw new CliError(a.assignmentsFailed(failures));
  return result;
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/** The region to offer: AWS_REGION, AWS_DEFAULT_REGION, else the profile's `region`. */
async function defaultRegion(ctx: Context, profile: string | undefined): Promise<string | undefined> {
  const fromEnv = ctx.env.AWS_REGION || ctx.env.AWS_DEFAULT_REGION;
  if (fromEnv) return fromEnv;
  const config = await readAwsConfig(ctx.paths, ctx.messages);
  return config.profiles[profile ?? 'default']?.region || undefined;
}

/** The account to assign: picked from the organization's accounts (type to search above 10). */
async function pickAccount(ctx: Context, ic: IdentityCenter, answers: Answers): Promise<string> {
  const a = ctx.messages.admin;
  let accounts;
  try {
    accounts = (await ic.accounts()).filter((acc) => acc.Id && (acc.Status === undefined || acc.Status === 'ACTIVE'));
  } catch (error) {
    throw new CliError(a.noAccountsListed(describeServiceError(error, ctx.messages)), ExitCode.usage);
  }
  if (accounts.length === 0) throw new CliError(a.noAccounts);
  accounts.sort((x, y) => (x.Name ?? '').localeCompare(y.Name ?? '') || x.Id!.localeCompare(y.Id!));
  if (accounts.length > 1) ctx.stdout.write(a.accountCount(accounts.length));
  const chosen = await answers.choose(
    'account-id',
    undefined,
    accounts,
    (acc) => acc.Id!,
    { message: a.selectAccount, choices: accounts.map((acc) => ({ name: `${clean(acc.Name ?? '')} (${acc.Id}) ${clean(acc.Email ?? '')}`.trim(), value: acc })) },
    () => '',
  );
  return chosen.Id!;
}
