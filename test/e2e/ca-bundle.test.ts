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
