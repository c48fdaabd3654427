/** STS GetCallerIdentity (awsQuery): POST / with a form body; the caller is found by access key id. docs/compat.md B3. */
import { escapeXml, fail, formBody, xmlReply, type EmuRequest, type Reply } from './http.js';
import * as ids from './ids.js';
import type { RoleCredential, Store } from './state.js';

const CREDENTIAL = /Credential=([A-Z0-9]+)\//;

/** The access key id from `Authorization: AWS4-HMAC-SHA256 Credential=AKID/…`; the signature is not checked. */
function accessKeyIdOf(request: EmuRequest): string {
  const authorization = request.headers.authorization ?? '';
  const match = authorization.startsWith('AWS4-HMAC-SHA256 ') ? CREDENTIAL.exec(authorization) : null;
  if (!match?.[1]) fail('MissingAuthenticationToken', 'Request is missing Authentication Token');
  return match[1];
}

function callerCredential(request: EmuRequest, store: Store): RoleCredential {
  const credential = store.roleCredentials.get(accessKeyIdOf(request));
  if (!credential || request.headers['x-amz-security-token'] !== credential.sessionToken) {
    fail('InvalidClientTokenId', 'The security token included in the request is invalid.');
  }
  if (store.now() >= credential.expiresAt) fail('ExpiredToken', 'The security token included in the request is expired');
  return credential;
}

function identityXml(credential: RoleCredential, requestId: string): string {
  const { accountId, roleName, userName } = credential;
  const arn = `arn:aws:sts::${accountId}:assumed-role/AWSReservedSSO_${roleName}_${ids.permissionSetSuffix(roleName)}/${userName}`;
  return [
    '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">',
    '  <GetCallerIdentityResult>',
    `    <Arn>${escapeXml(arn)}</Arn>`,
    `    <UserId>${ids.roleId(accountId, roleName)}:${escapeXml(userName)}</UserId>`,
    `    <Account>${accountId}</Account>`,
    '  </GetCallerIdentityResult>',
    `  <ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>`,
    '</GetCallerIdentityResponse>',
    '',
  ].join('\n');
}

/** POST / Action=GetCallerIdentity&Version=2011-06-15 */
export function sts(request: EmuRequest, store: Store): Reply {
  const credential = callerCredential(request, store);
  const action = formBody(request).get('Action');
  if (action !== 'GetCallerIdentity') fail('InvalidAction', `Could not find operation ${action ?? '(none)'} for version 2011-06-15`);
  return xmlReply(identityXml(credential, request.requestId));
}
