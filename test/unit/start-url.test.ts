import { describe, expect, it } from 'vitest';
import { followRedirect, isAwsOwnedDomain, normalizeUrl, regionFromHostname, resolveStartUrl, type Probe } from '../../src/sso/start-url.js';
import { catalogue } from '../../src/ui/messages/index.js';

/** docs/compat.md §A6: the allowlist, region patterns and URL rules of aws-cli resolve.py (2.36.7). */
const m = catalogue('en');

describe('isAwsOwnedDomain', () => {
  it.each([
    'd-1234567890.awsapps.com',
    'awsapps.com',
    'D-1234567890.AWSAPPS.COM.',
    'ssoins-1.portal.us-east-1.app.aws',
    'x.us-east-1.portal.amazonaws.com',
    'x.cn-north-1.portal.amazonaws.com.cn',
    'x.portal.cn-northwest-1.app.amazonwebservices.com.cn',
    'x.eusc-de-east-1.portal.amazonaws.eu',
    'x.portal.eusc-de-east-1.api.amazonwebservices.eu',
    'd-1.awsapps.cn',
    'identitycenter.amazonaws.com',
    'identitycenter.amazonaws.com.cn',
    'identitycenter.amazonaws.eu',
    'identitycenter.us-gov.amazonaws.com',
  ])('%s is AWS-owned', (host) => expect(isAwsOwnedDomain(host)).toBe(true));

  it.each([
    'sso.example.com',
    'awsapps.com.example.com',
    'evilawsapps.com',
    'x.identitycenter.amazonaws.com',
    'amazonaws.com',
    'portal.amazonaws.com.evil',
    'app.aws.example',
    'identitycenter.us-gov-west-1.amazonaws.com',
  ])('%s is not', (host) => expect(isAwsOwnedDomain(host)).toBe(false));
});

describe('regionFromHostname', () => {
  it.each([
    ['ssoins-1.portal.us-east-1.app.aws', 'us-east-1'],
    ['SSOINS-1.PORTAL.AP-NORTHEAST-1.APP.AWS', 'ap-northeast-1'],
    ['x.eu-west-1.portal.amazonaws.com', 'eu-west-1'],
    ['x.cn-north-1.portal.amazonaws.com.cn', 'cn-north-1'],
    ['x.portal.cn-northwest-1.app.amazonwebservices.com.cn', 'cn-northwest-1'],
    ['x.eusc-de-east-1.portal.amazonaws.eu', 'eusc-de-east-1'],
    ['x.portal.eusc-de-east-1.api.amazonwebservices.eu', 'eusc-de-east-1'],
  ])('%s → %s', (host, region) => expect(regionFromHostname(host)).toBe(region));

  it.each(['d-1234567890.awsapps.com', 'identitycenter.amazonaws.com', 'a.b.portal.us-east-1.app.aws', 'portal.us-east-1.app.aws'])(
    '%s has none',
    (host) => expect(regionFromHostname(host)).toBeUndefined(),
  );
});

describe('normalizeUrl', () => {
  it('keeps scheme, host, a non-default port and the path without trailing slashes', () => {
    expect(normalizeUrl('https://X.portal.us-east-1.app.aws:443/start//?a=1#f')).toBe('https://x.portal.us-east-1.app.aws/start');
    expect(normalizeUrl('https://x.awsapps.com:8443/start/')).toBe('https://x.awsapps.com:8443/start');
    expect(normalizeUrl('https://x.awsapps.com/')).toBe('https://x.awsapps.com');
  });
});

describe('followRedirect and resolveStartUrl', () => {
  const probeOf =
    (answers: Record<string, { status: number; location?: string }>, seen: string[] = []): Probe =>
    async (url, method) => {
      seen.push(`${method} ${url}`);
      const answer = answers[method];
      if (!answer) throw new Error('connect ECONNREFUSED');
      return answer;
    };

  it('one HEAD; the Location is joined to the URL and never requested', async () => {
    const seen: string[] = [];
    const url = await followRedirect('https://sso.example.com/start', probeOf({ HEAD: { status: 302, location: '/other' } }, seen), m);
    expect(url).toBe('https://sso.example.com/other');
    expect(seen).toEqual(['HEAD https://sso.example.com/start']);
  });

  it.each([405, 501])('GET after HEAD answers %i', async (status) => {
    const seen: string[] = [];
    const probe = probeOf({ HEAD: { status }, GET: { status: 301, location: 'https://x.portal.us-west-2.app.aws/start/' } }, seen);
    expect(await resolveStartUrl('https://sso.example.com/start', undefined, probe, m)).toEqual({
      url: 'https://x.portal.us-west-2.app.aws/start',
      region: 'us-west-2',
      resolved: true,
    });
    expect(seen).toEqual(['HEAD https://sso.example.com/start', 'GET https://sso.example.com/start']);
  });

  it('the AWS CLI\'s errors', async () => {
    await expect(followRedirect('https://a.example/s', probeOf({ HEAD: { status: 302 } }), m)).rejects.toThrow('Redirect response missing Location header.');
    await expect(followRedirect('https://a.example/s', probeOf({ HEAD: { status: 404 } }), m)).rejects.toThrow('Failed to resolve start URL: HTTP 404');
    await expect(followRedirect('https://a.example/s', probeOf({}), m)).rejects.toThrow('Failed to resolve start URL: connect ECONNREFUSED');
    await expect(resolveStartUrl('https://a.example/s', undefined, probeOf({ HEAD: { status: 200 } }), m)).rejects.toThrow(
      "Could not resolve start URL 'https://a.example/s' to an AWS-owned endpoint. Final URL: 'https://a.example/s'",
    );
    await expect(resolveStartUrl('https://a.example/s', undefined, probeOf({ HEAD: { status: 302, location: 'https://d-1.awsapps.com/start' } }), m)).rejects.toThrow(
      "Cannot determine region from start URL 'https://a.example/s'. Please provide sso_region in your configuration.",
    );
    await expect(resolveStartUrl('http://d-1.awsapps.com/start', 'us-east-1', probeOf({}), m)).rejects.toThrow('The sso_start_url must use the https scheme.');
  });

  it('an AWS-owned start URL is used as typed, with the configured region, without a request', async () => {
    const seen: string[] = [];
    expect(await resolveStartUrl('https://d-1.awsapps.com/start/', 'eu-west-1', probeOf({}, seen), m)).toEqual({
      url: 'https://d-1.awsapps.com/start/',
      region: 'eu-west-1',
      resolved: false,
    });
    expect(seen).toEqual([]);
  });

  it('the configured region stands in when the resolved host has none', async () => {
    const probe = probeOf({ HEAD: { status: 307, location: 'https://identitycenter.amazonaws.com/ssoins-1' } });
    expect((await resolveStartUrl('https://a.example/s', 'ca-central-1', probe, m)).region).toBe('ca-central-1');
  });

  it('control characters from the server are not echoed', async () => {
    const probe = probeOf({ HEAD: { status: 302, location: 'https://evil.example/\u001b[31mred' } });
    const error = await resolveStartUrl('https://a.example/s', undefined, probe, m).catch((e: Error) => e);
    expect((error as Error).message).not.toContain('\u001b');
  });
});
