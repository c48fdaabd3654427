import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { makeHome } from '../helpers/sandbox.js';
import { approveBrowser, childEnv, repoRoot, requireBuiltCli, runCli } from '../helpers/cli.js';

/**
 * AWS_CA_BUNDLE: the emulator behind an HTTPS proxy with a self-signed certificate (a
 * corporate TLS-inspecting proxy, in miniature). Without the bundle the sign-in fails on the
 * certificate; with it, it works.
 */
const START_URL = 'https://d-9067c0ab12.awsapps.com/start';
const fixture = (name: string) => path.join(repoRoot, 'test', 'fixtures', name);
let emulator: Emulator;
let proxy: https.Server;
let proxyUrl: string;
let home: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  requireBuiltCli();
  emulator = await startEmulator({ interval: 1 });
  const target = new URL(emulator.url);
  proxy = https.createServer({ key: readFileSync(fixture('loopback-test.key')), cert: readFileSync(fixture('loopback-test.pem')) }, (req, res) => {
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `https://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  ({ home, cleanup } = await makeHome());
  await writeFile(
    path.join(home, '.aws', 'config'),
    `[sso-session corp]\nsso_start_url = ${START_URL}\nsso_region = ap-northeast-1\nsso_registration_scopes = sso:account:access\n`,
  );
});
afterAll(async () => {
  proxy?.closeAllConnections();
  await new Promise((resolve) => proxy?.close(resolve));
  await emulator?.close();
  await cleanup?.();
});

describe('AWS_CA_BUNDLE', () => {
  it('without it, a self-signed endpoint is refused', async () => {
    const result = await runCli(['login', '--sso-session', 'corp'], childEnv(home, { AWS_ENDPOINT_URL: proxyUrl, BROWSER: approveBrowser }));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/self[- ]signed certificate/i);
    expect(result.stderr).toContain('set AWS_CA_BUNDLE to a PEM file with its CA certificate');
  });

  it('with it, sign-in goes through the HTTPS endpoint', async () => {
    // The browser trusts the proxy's certificate as a corporate machine's browser would (its own
    // store); sso-setup itself trusts it only through AWS_CA_BUNDLE.
    const browser = `env NODE_EXTRA_CA_CERTS=${fixture('loopback-test.pem')} ${approveBrowser}`;
    const env = childEnv(home, { AWS_ENDPOINT_URL: proxyUrl, BROWSER: browser, AWS_CA_BUNDLE: fixture('loopback-test.pem') });
    const result = await runCli(['login', '--sso-session', 'corp'], env);
    expect(result.stderr).toBe('Sign-in method: browser (authorization code with PKCE), because it is the default for sso-session "corp".\n');
    expect(result.stdout).toContain(`Successfully logged into Start URL: ${START_URL}`);
  });

  it('a bundle that cannot be read is named in the error', async () => {
    const env = childEnv(home, { AWS_ENDPOINT_URL: proxyUrl, AWS_CA_BUNDLE: '/nonexistent/ca.pem' });
    const result = await runCli(['login', '--sso-session', 'corp'], env);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('/nonexistent/ca.pem');
  });
});

// docs/compat.md §D4: the AWS CLI's --ca-bundle, --no-verify-ssl and ca_bundle, against the same proxy.
describe('--ca-bundle, --no-verify-ssl and the profile ca_bundle', () => {
  const browser = () => `env NODE_EXTRA_CA_CERTS=${fixture('loopback-test.pem')} ${approveBrowser}`;
  const signedIn = `Successfully logged into Start URL: ${START_URL}`;

  it('--ca-bundle (after the command, as the AWS CLI allows) trusts the proxy', async () => {
    const env = childEnv(home, { AWS_ENDPOINT_URL: proxyUrl, BROWSER: browser() });
    const result = await runCli(['login', '--sso-session', 'corp', '--force', '--ca-bundle', fixture('loopback-test.pem')], env);
    expect(result.stdout).toContain(signedIn);
    expect(result.code).toBe(0);
  });

  it('--ca-bundle wins over an AWS_CA_BUNDLE that cannot be read', async () => {
    const env = childEnv(home, { AWS_ENDPOINT_URL: proxyUrl, BROWSER: browser(), AWS_CA_BUNDLE: '/nonexistent/ca.pem' });
    const result = await runCli(['--ca-bundle', fixture('loopback-test.pem'), 'login', '--sso-session', 'corp', '--force'], env);
    expect(result.stdout).toContain(signedIn);
    expect(result.code).toBe(0);
  });

  it('a --ca-bundle that cannot be read is named with its option', async () => {
    const env = childEnv(home, { AWS_ENDPOINT_URL: proxyUrl, AWS_CA_BUNDLE: fixture('loopback-test.pem') });
    const result = await runCli(['login', '--sso-session', 'corp', '--force', '--ca-bundle', '/nonexistent/flag.pem'], env);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('Cannot read the CA bundle named by --ca-bundle (/nonexistent/flag.pem)');
  });

  it('--no-verify-ssl: no certificate check, the AWS CLI (urllib3) warning once per host on stderr', async () => {
    const env = childEnv(home, { AWS_ENDPOINT_URL: proxyUrl, BROWSER: browser() });
    const result = await runCli(['login', '--sso-session', 'corp', '--force', '--no-verify-ssl'], env);
    expect(result.stdout).toContain(signedIn);
    expect(result.code).toBe(0);
    const warning =
      "InsecureRequestWarning: Unverified HTTPS request is being made to host '127.0.0.1'. Adding certificate verification is strongly advised. See: https://urllib3.readthedocs.io/en/latest/advanced-usage.html#tls-warnings\n";
    expect(result.stderr.split(warning)).toHaveLength(2); // exactly once for the one host
  });

  it('--no-verify-ssl ignores an empty AWS_CA_BUNDLE, as the AWS CLI does (verify=False is never validated)', async () => {
    const env = childEnv(home, { AWS_ENDPOINT_URL: proxyUrl, BROWSER: browser(), AWS_CA_BUNDLE: '' });
    const result = await runCli(['login', '--sso-session', 'corp', '--force', '--no-verify-ssl'], env);
    expect(result.stdout).toContain(signedIn);
  });

  it('an empty AWS_CA_BUNDLE is a configuration error (AWS CLI 2.36.6): exit 253, the AWS CLI words', async () => {
    const env = childEnv(home, { AWS_ENDPOINT_URL: proxyUrl, AWS_CA_BUNDLE: '' });
    const result = await runCli(['login', '--sso-session', 'corp', '--force'], env);
    expect(result.code).toBe(253);
    expect(result.stderr).toContain(
      'Invalid CA bundle: the configured value (ca_bundle, AWS_CA_BUNDLE, REQUESTS_CA_BUNDLE, or verify) resolved to an empty or whitespace-only string. Provide a valid path to a CA bundle file.',
    );
  });

  it("the ca_bundle of the profile in use (--profile, else AWS_PROFILE), below AWS_CA_BUNDLE", async () => {
    const config = path.join(home, '.aws', 'config');
    const original = readFileSync(config, 'utf8');
    await writeFile(
      config,
      `${original}[profile tls]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = ReadOnlyAccess\nca_bundle = ${fixture('loopback-test.pem')}\n`,
    );
    try {
      const env = childEnv(home, { AWS_ENDPOINT_URL: proxyUrl, BROWSER: browser() });
      const withFlag = await runCli(['login', '--profile', 'tls', '--force'], env);
      expect(withFlag.stdout).toContain(signedIn);
      const fromEnvProfile = await runCli(['login', '--sso-session', 'corp', '--force'], { ...env, AWS_PROFILE: 'tls' });
      expect(fromEnvProfile.stdout).toContain(signedIn);
      // AWS_CA_BUNDLE comes first: a bad one is not rescued by the profile's.
      const envFirst = await runCli(['login', '--profile', 'tls', '--force'], { ...env, AWS_CA_BUNDLE: '/nonexistent/ca.pem' });
      expect(envFirst.code).not.toBe(0);
      expect(envFirst.stderr).toContain('Cannot read the CA bundle named by AWS_CA_BUNDLE (/nonexistent/ca.pem)');
    } finally {
      await writeFile(config, original);
    }
  });
});
