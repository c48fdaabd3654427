import { describe, expect, it } from 'vitest';
import { renderCallbackPage } from '../../src/ui/callback-page.js';
import type { ClientRegistration } from '../../src/sso/cache.js';
import { PKCE_GRANT_TYPES } from '../../src/sso/pkce.js';
import { MIN_REMAINING_MS, registrationFits } from '../../src/sso/sign-in.js';
import { catalogue, loadCatalogue } from '../../src/ui/messages/index.js';

const en = catalogue('en').signIn;
const ja = (await loadCatalogue('ja')).signIn;

// docs/compat.md §A2 RegisterClient "Reuse": ≥15 minutes left, and grantTypes including
// authorization_code for PKCE, not including it for the device flow.
describe('registrationFits', () => {
  const now = Date.UTC(2026, 0, 1, 9, 0, 0);
  const minute = 60_000;
  const registration = (minutesLeft: number, grantTypes?: string[]): ClientRegistration => ({
    clientId: 'id',
    clientSecret: 'secret',
    expiresAt: new Date(now + minutesLeft * minute),
    ...(grantTypes ? { grantTypes } : {}),
  });

  it('is 15 minutes', () => {
    expect(MIN_REMAINING_MS).toBe(15 * minute);
  });

  it('reuses a PKCE registration (authorization_code) for PKCE only', () => {
    expect(registrationFits(registration(60, PKCE_GRANT_TYPES), 'pkce', now)).toBe(true);
    expect(registrationFits(registration(60, ['authorization_code']), 'pkce', now)).toBe(true);
    expect(registrationFits(registration(60, ['refresh_token', 'authorization_code']), 'pkce', now)).toBe(true);
    expect(registrationFits(registration(60, PKCE_GRANT_TYPES), 'device', now)).toBe(false);
  });

  it('treats a registration without authorization_code (or without grantTypes) as a device one', () => {
    expect(registrationFits(registration(60), 'device', now)).toBe(true);
    expect(registrationFits(registration(60, []), 'device', now)).toBe(true);
    expect(registrationFits(registration(60, ['refresh_token']), 'device', now)).toBe(true);
    expect(registrationFits(registration(60), 'pkce', now)).toBe(false);
    expect(registrationFits(registration(60, []), 'pkce', now)).toBe(false);
    expect(registrationFits(registration(60, ['refresh_token']), 'pkce', now)).toBe(false);
  });

  it('needs at least 15 minutes left', () => {
    for (const [method, grants] of [
      ['pkce', PKCE_GRANT_TYPES],
      ['device', undefined],
    ] as const) {
      const types = grants ? [...grants] : undefined;
      expect(registrationFits(registration(15, types), method, now)).toBe(true);
      expect(registrationFits({ ...registration(15, types), expiresAt: new Date(now + 15 * minute - 1) }, method, now)).toBe(false);
      expect(registrationFits(registration(14, types), method, now)).toBe(false);
      expect(registrationFits(registration(0, types), method, now)).toBe(false);
      expect(registrationFits(registration(-60, types), method, now)).toBe(false);
      expect(registrationFits(registration(90 * 24 * 60, types), method, now)).toBe(true);
    }
  });

  it('refuses a registration whose expiry could not be read', () => {
    expect(registrationFits({ ...registration(60), expiresAt: new Date(NaN) }, 'device', now)).toBe(false);
    expect(registrationFits({ ...registration(60, PKCE_GRANT_TYPES), expiresAt: new Date(NaN) }, 'pkce', now)).toBe(false);
  });
});

describe('renderCallbackPage', () => {
  it('success: data-ok="true", the success text, that the window can be closed, lang="en"', () => {
    const page = renderCallbackPage(en.callbackPage, 'en', { ok: true });
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('data-ok="true"');
    expect(page).not.toContain('data-ok="false"');
    expect(page).toContain(en.callbackPage.successHeading);
    expect(page).toContain(en.callbackPage.successBody);
    expect(page).toContain(en.callbackPage.close);
    expect(page).toContain('<meta charset="utf-8">');
  });

  it('failure: data-ok="false", the reason HTML-escaped, that the window can be closed', () => {
    const reason = `Denied <script>alert("x")</script> & 'y'`;
    const page = renderCallbackPage(en.callbackPage, 'en', { ok: false, reason });
    expect(page).toContain('data-ok="false"');
    expect(page).toContain(en.callbackPage.failureHeading);
    expect(page).toContain('Denied &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
    expect(page).not.toContain('<script');
    expect(page).not.toContain(reason);
    expect(page).not.toContain(en.callbackPage.successBody);
    expect(page).toContain(en.callbackPage.close);
    expect(page).toContain('<html lang="en">');
  });

  it('speaks the chosen language, lang attribute included', () => {
    const success = renderCallbackPage(ja.callbackPage, 'ja', { ok: true });
    expect(success).toContain('<html lang="ja">');
    expect(success).toContain(ja.callbackPage.successHeading);
    expect(success).toContain(ja.callbackPage.close);
    const failure = renderCallbackPage(ja.callbackPage, 'ja', { ok: false, reason: '<b>"拒否"</b>' });
    expect(failure).toContain('<html lang="ja">');
    expect(failure).toContain(ja.callbackPage.failureHeading);
    expect(failure).toContain('&lt;b&gt;&quot;拒否&quot;&lt;/b&gt;');
    expect(failure).toContain(ja.callbackPage.close);
  });
});
