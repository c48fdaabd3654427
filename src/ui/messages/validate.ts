/** Why a typed or flag value is refused (start URL, regions, scopes, output, names, account ID). */
import { quote } from '../text.js';

/** What a name validator checks: the kind of name, as the messages call it. */
export type NameKind = 'profile name' | 'session name';

export const en = {
  invalidStartUrl: (value: string, reason: string) =>
    `Not a valid Start URL: ${quote(value)} ${reason}. ` +
    'Expected https://d-xxxxxxxxxx.awsapps.com/start (or your custom https://NAME.awsapps.com/start). ' +
    'Find it in the AWS access portal (Access keys → "SSO start URL"), or in the IAM Identity Center console → Dashboard → "AWS access portal URL".',
  startUrlRequired:
    'A value is required. Enter the AWS access portal URL, e.g. https://d-xxxxxxxxxx.awsapps.com/start ' +
    '(IAM Identity Center console → Dashboard → "AWS access portal URL").',
  valueRequired: 'A value is required',
  ssoRegionRequired:
    'A value is required. Enter the region where IAM Identity Center runs, e.g. us-east-1 ' +
    '(IAM Identity Center console → Settings → "Region"; the access portal shows it as "SSO Region").',
  invalidSsoRegion: (value: string, suggestion?: string) =>
    `Not a valid SSO region: ${quote(value)}.${suggestion ? ` Did you mean ${suggestion}?` : ''} ` +
    'Use the region where IAM Identity Center runs, as shown in the IAM Identity Center console → Settings, e.g. us-east-1 or ap-northeast-1.',
  invalidScopes: (value: string) =>
    `Scope values must be separated by commas: ${quote(value)}. Expected e.g. sso:account:access or "sso:account:access, codewhisperer:completions".`,
  invalidRegion: (value: string, suggestion?: string) =>
    `Not a valid region name: ${quote(value)}.${suggestion ? ` Did you mean ${suggestion}?` : ''} Expected a region such as us-east-1 or ap-northeast-1.`,
  unknownRegion: (value: string) =>
    `Warning: ${quote(value)} is not a region this version of sso-setup knows (from the AWS SDK's partition data); using it as given.\n`,
  invalidOutput: (value: string, allowed: readonly string[]) =>
    `Not a valid output format: ${quote(value)}. Expected one of: ${allowed.join(', ')}.`,
  invalidName: (kind: NameKind, value: string, reason: string) =>
    `Not a valid ${kind}: ${quote(value)} ${reason}. Use letters, digits and - _ . @ + % : / only, as the AWS SDKs require.`,
  invalidAccountId: (value: string) => `Not a valid AWS account ID: ${quote(value)}. Expected 12 digits.`,
  /** Why a value is not valid; they follow the quoted value ("x" is not a URL). */
  reason: {
    tooLong: (max: number) => `is longer than ${max} characters`,
    spacesOrControl: 'contains spaces or control characters',
    notUrl: 'is not a URL',
    notHttps: 'must start with https://',
    noHost: 'has no valid host name',
    noHostAfterScheme: 'has no host name right after https://',
    hostNotAsTyped: (host: string) => `would be read as host ${quote(host)}, which is not the host name typed`,
    userInfo: 'must not contain a user name or password',
    control: 'contains control characters',
    spaces: 'contains spaces',
    reserved: 'is reserved',
    unreadable: 'contains characters the AWS SDKs cannot read',
  },
};
