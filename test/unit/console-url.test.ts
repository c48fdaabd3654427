import { describe, expect, it } from 'vitest';
import { partition } from '@aws-sdk/core/client';
import { consoleDestination, consoleHosts, isRegionName, portalConsoleUrl, signInUrl } from '../../src/portal/console-url.js';
import { createClientFactory, federationUrl } from '../../src/clients.js';
import { catalogue } from '../../src/ui/messages/index.js';

const m = catalogue('en');
const hostsOf = (region: string) => consoleHosts(m, partition(region).name, region);

describe('partitions (the SDK partition data)', () => {
  it.each([
    ['us-east-1', 'aws', 'signin.aws.amazon.com', 'console.aws.amazon.com'],
    ['ap-northeast-1', 'aws', 'signin.aws.amazon.com', 'console.aws.amazon.com'],
    ['cn-north-1', 'aws-cn', 'signin.amazonaws.cn', 'console.amazonaws.cn'],
    ['cn-northwest-1', 'aws-cn', 'signin.amazonaws.cn', 'console.amazonaws.cn'],
    ['us-gov-west-1', 'aws-us-gov', 'signin.amazonaws-us-gov.com', 'console.amazonaws-us-gov.com'],
    ['us-gov-east-1', 'aws-us-gov', 'signin.amazonaws-us-gov.com', 'console.amazonaws-us-gov.com'],
  ])('%s → %s', (region, name, signin, console) => {
    expect(hostsOf(region)).toEqual({ partition: name, signin, console });
  });

  it('refuses partitions without a federation sign-in', () => {
    expect(() => hostsOf('us-iso-east-1')).toThrow(/Region us-iso-east-1 is in aws-iso/);
    expect(() => consoleHosts(m, 'constructor', 'x')).toThrow(/partitions/);
  });

  it('knows a Region name', () => {
    for (const ok of ['us-east-1', 'us-gov-west-1', 'ap-southeast-7', 'eu-isoe-west-1']) expect(isRegionName(ok), ok).toBe(true);
    for (const bad of ['tokyo', 'us-east', 'US-EAST-1', 'us-east-1a', '-us-east-1', 'us--east-1', '']) expect(isRegionName(bad), bad).toBe(false);
  });
});

describe('destination', () => {
  const aws = hostsOf('eu-west-1');
  it('maps service names and the default to the console in the Region', () => {
    expect(consoleDestination(m, undefined, 'eu-west-1', aws)).toBe('https://console.aws.amazon.com/console/home?region=eu-west-1');
    expect(consoleDestination(m, 's3', 'eu-west-1', aws)).toBe('https://console.aws.amazon.com/s3/home?region=eu-west-1');
    expect(consoleDestination(m, 'cloudformation', 'eu-west-1', aws)).toBe('https://console.aws.amazon.com/cloudformation/home?region=eu-west-1');
    expect(consoleDestination(m, 'ec2', 'cn-north-1', hostsOf('cn-north-1'))).toBe('https://console.amazonaws.cn/ec2/home?region=cn-north-1');
    expect(consoleDestination(m, 'iam', 'us-gov-west-1', hostsOf('us-gov-west-1'))).toBe(
      'https://console.amazonaws-us-gov.com/iam/home?region=us-gov-west-1',
    );
  });

  it('keeps an https URL on the console host (or a Region subdomain of it)', () => {
    const url = 'https://console.aws.amazon.com/lambda/home?region=eu-west-1#/functions';
    expect(consoleDestination(m, url, 'eu-west-1', aws)).toBe(url);
    expect(consoleDestination(m, 'https://eu-west-1.console.aws.amazon.com/s3/', 'eu-west-1', aws)).toBe('https://eu-west-1.console.aws.amazon.com/s3/');
  });

  it.each([
    'http://console.aws.amazon.com/s3',
    'https://console.aws.amazon.com.evil.example/',
    'https://evilconsole.aws.amazon.com/',
    'https://user@console.aws.amazon.com/',
    'https://console.aws.amazon.com:8443/',
    'https://console.amazonaws.cn/',
    'javascript:alert(1)',
    'S3',
    's3 ',
    '../s3',
    'a'.repeat(80),
  ])('refuses %s', (value) => {
    expect(() => consoleDestination(m, value, 'eu-west-1', aws)).toThrow(/--destination must be/);
  });
});

describe('URLs', () => {
  it('the login URL carries the token and an encoded destination', () => {
    const url = signInUrl('https://signin.aws.amazon.com/federation', 'https://d-1.awsapps.com/start', 'https://console.aws.amazon.com/s3/home?region=x', 'a+b/c=');
    expect(url).toBe(
      'https://signin.aws.amazon.com/federation?Action=login&Issuer=https%3A%2F%2Fd-1.awsapps.com%2Fstart' +
        '&Destination=https%3A%2F%2Fconsole.aws.amazon.com%2Fs3%2Fhome%3Fregion%3Dx&SigninToken=a%2Bb%2Fc%3D',
    );
    expect(new URL(url).searchParams.get('SigninToken')).toBe('a+b/c=');
  });

  it('the portal link strips a trailing slash and fragment from the start URL', () => {
    for (const start of ['https://d-1.awsapps.com/start', 'https://d-1.awsapps.com/start/', 'https://d-1.awsapps.com/start/#/']) {
      expect(portalConsoleUrl(start, '111122223333', 'Admin Role', 'https://console.aws.amazon.com/console/home?region=x')).toBe(
        'https://d-1.awsapps.com/start/#/console?account_id=111122223333&role_name=Admin%20Role&destination=https%3A%2F%2Fconsole.aws.amazon.com%2Fconsole%2Fhome%3Fregion%3Dx',
      );
    }
  });

  it('the federation endpoint: explicit, AWS_ENDPOINT_URL_SIGNIN, AWS_ENDPOINT_URL, else the partition default', () => {
    const endpoint = (env: Record<string, string>, explicit?: string) =>
      createClientFactory({ env, messages: m, ...(explicit ? { endpoint: explicit } : {}) }).federationEndpoint('https://signin.aws.amazon.com/federation');
    expect(endpoint({})).toBe('https://signin.aws.amazon.com/federation');
    expect(endpoint({ AWS_ENDPOINT_URL: 'http://127.0.0.1:9' })).toBe('http://127.0.0.1:9/federation');
    expect(endpoint({ AWS_ENDPOINT_URL: 'http://a:1', AWS_ENDPOINT_URL_SIGNIN: 'http://b:2/base/' })).toBe('http://b:2/base/federation');
    expect(endpoint({ AWS_ENDPOINT_URL_SIGNIN: 'http://b:2/federation', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' })).toBe(
      'https://signin.aws.amazon.com/federation',
    );
    expect(endpoint({ AWS_ENDPOINT_URL_SIGNIN: 'http://b:2' }, 'http://c:3')).toBe('http://c:3/federation');
    expect(federationUrl('http://h/federation/?x=1#y')).toBe('http://h/federation');
  });
});
