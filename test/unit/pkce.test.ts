import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  authorizeUrl,
  CALLBACK_PATH,
  codeChallenge,
  createCodeVerifier,
  createState,
  DEFAULT_PKCE_SCOPES,
  percentEncode,
  redirectUriFor,
  REGISTERED_REDIRECT_URI,
} from '../../src/sso/pkce.js';

// docs/compat.md §A2 "PKCE flow" and checklist 30, 31.
const UNRESERVED_64 = /^[A-Za-z0-9\-._~]{64}$/;
const hasPython = (() => {
  try {
    execFileSync('python3', ['-c', 'pass']);
    return true;
  } catch {
    return false;
  }
})();
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createCodeVerifier', () => {
  it('gives 64 unreserved characters from injected random bytes', () => {
    const sizes: number[] = [];
    const fixed = (fill: number) => (size: number) => (sizes.push(size), Buffer.alloc(size, fill));
    for (const fill of [0x00, 0xff, 0xfb, 0x3e, 0x7f]) {
      const verifier = createCodeVerifier(fixed(fill));
      expect(verifier).toMatch(UNRESERVED_64);
    }
    expect(createCodeVerifier(fixed(0x00))).toBe('A'.repeat(64));
    expect(createCodeVerifier(fixed(0xff))).toBe('_'.repeat(64));
    const counting = (size: number) => Buffer.from(Array.from({ length: size }, (_, i) => (i * 37 + 11) & 0xff));
    expect(createCodeVerifier(counting)).toMatch(UNRESERVED_64);
    // The verifier is made from the bytes it was given, and nothing else.
    expect(createCodeVerifier(counting)).toBe(createCodeVerifier(counting));
    expect(new Set(sizes)).toEqual(new Set([48]));
  });

  it('gives 64 unreserved characters from real random bytes, different each time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const verifier = createCodeVerifier();
      expect(verifier).toMatch(UNRESERVED_64);
      seen.add(verifier);
    }
    expect(seen.size).toBe(500);
  });
});

describe('codeChallenge', () => {
  it('matches RFC 7636 Appendix B', () => {
    // The RFC's value (Python: base64.urlsafe_b64encode(sha256(v)) is this plus one '=').
    expect(codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it.skipIf(!hasPython)("matches Python's base64.urlsafe_b64encode(sha256(v)) with '=' stripped", () => {
    const verifiers = [...Array.from({ length: 20 }, () => createCodeVerifier()), 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'];
    const out = execFileSync(
      'python3',
      [
        '-c',
        'import base64,hashlib,json,sys; print(json.dumps([base64.urlsafe_b64encode(hashlib.sha256(v.encode()).digest()).decode().rstrip("=") for v in json.load(sys.stdin)]))',
      ],
      { input: JSON.stringify(verifiers), encoding: 'utf8' },
    );
    expect(verifiers.map(codeChallenge)).toEqual(JSON.parse(out));
  });

  it('is base64url of 32 bytes without padding', () => {
    for (let i = 0; i < 50; i++) {
      const challenge = codeChallenge(createCodeVerifier());
      expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(challenge).not.toContain('=');
    }
  });
});

const TRICKY = [
  "!'()*",
  'a b  c',
  '/path/to/x',
  'sso:foo sso:bar',
  'http://127.0.0.1:55555/oauth/callback',
  '-_.~',
  'AZaz09',
  '+&=?#%41',
  '[]@$,;`"\\^|{}<>',
  'tab\tnewline\nnul\u0000',
  'héllo',
  '日本語',
  'emoji 😀',
  '\u00a0\u2028',
];

function pythonQuote(values: readonly string[]): string[] | undefined {
  try {
    const out = execFileSync(
      'python3',
      ['-c', 'import json,sys,urllib.parse; print(json.dumps([urllib.parse.quote(s, safe="") for s in json.load(sys.stdin)]))'],
      { input: JSON.stringify(values), encoding: 'utf8' },
    );
    return JSON.parse(out) as string[];
  } catch {
    return undefined;
  }
}

describe('percentEncode', () => {
  const python = pythonQuote(TRICKY);

  it.skipIf(python === undefined)("matches Python's urllib.parse.quote(s, safe='')", () => {
    expect(TRICKY.map(percentEncode)).toEqual(python);
  });

  it('keeps only A-Za-z0-9-_.~ and encodes UTF-8 bytes in upper-case hex', () => {
    expect(percentEncode("!'()*")).toBe('%21%27%28%29%2A');
    expect(percentEncode('a b')).toBe('a%20b');
    expect(percentEncode('/:')).toBe('%2F%3A');
    expect(percentEncode('-_.~AZaz09')).toBe('-_.~AZaz09');
    expect(percentEncode('é')).toBe('%C3%A9');
    for (let code = 0; code < 128; code++) {
      const c = String.fromCharCode(code);
      const encoded = percentEncode(c);
      if (/[A-Za-z0-9\-_.~]/.test(c)) expect(encoded).toBe(c);
      else expect(encoded).toBe(`%${code.toString(16).toUpperCase().padStart(2, '0')}`);
    }
  });
});

describe('redirectUriFor', () => {
  it('is the registered loopback URI with the port', () => {
    expect(redirectUriFor(55555)).toBe('http://127.0.0.1:55555/oauth/callback');
    expect(redirectUriFor(8400)).toBe('http://127.0.0.1:8400/oauth/callback');
    expect(REGISTERED_REDIRECT_URI).toBe('http://127.0.0.1/oauth/callback');
    expect(CALLBACK_PATH).toBe('/oauth/callback');
  });
});

describe('createState', () => {
  it('is a UUID v4, different each time', () => {
    const states = new Set(Array.from({ length: 100 }, () => createState()));
    expect(states.size).toBe(100);
    for (const state of states) expect(state).toMatch(UUID_V4);
  });
});

describe('authorizeUrl', () => {
  const state = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
  const request = {
    clientId: 'client-id_1',
    redirectUri: redirectUriFor(55555),
    state,
    scopes: ['sso:foo', 'sso:bar'],
    codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  };
  const query =
    'response_type=code&client_id=client-id_1' +
    '&redirect_uri=http%3A%2F%2F127.0.0.1%3A55555%2Foauth%2Fcallback' +
    `&state=${state}&code_challenge_method=S256&scopes=sso%3Afoo%20sso%3Abar` +
    '&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

  it("has the AWS CLI's parameters in the AWS CLI's order", () => {
    const url = authorizeUrl('https://oidc.us-east-1.amazonaws.com', request);
    expect(url).toBe(`https://oidc.us-east-1.amazonaws.com/authorize?${query}`);
    expect([...new URL(url).searchParams.keys()]).toEqual([
      'response_type',
      'client_id',
      'redirect_uri',
      'state',
      'code_challenge_method',
      'scopes',
      'code_challenge',
    ]);
    expect(new URL(url).searchParams.get('redirect_uri')).toBe('http://127.0.0.1:55555/oauth/callback');
    expect(new URL(url).searchParams.get('scopes')).toBe('sso:foo sso:bar');
  });

  it('encodes the default scope', () => {
    const url = authorizeUrl('https://oidc.us-east-1.amazonaws.com', { ...request, scopes: DEFAULT_PKCE_SCOPES });
    expect(url).toContain('&scopes=sso%3Aaccount%3Aaccess&');
  });

  it('does not double the slash after a base with a trailing slash', () => {
    expect(authorizeUrl('https://oidc.us-east-1.amazonaws.com/', request)).toBe(
      `https://oidc.us-east-1.amazonaws.com/authorize?${query}`,
    );
  });

  it('keeps a path prefix of the base (endpoint overrides)', () => {
    expect(authorizeUrl('http://127.0.0.1:4566/oidc', request)).toBe(`http://127.0.0.1:4566/oidc/authorize?${query}`);
    expect(authorizeUrl('http://127.0.0.1:4566/oidc/', request)).toBe(`http://127.0.0.1:4566/oidc/authorize?${query}`);
  });

  it('percent-encodes every value', () => {
    const url = authorizeUrl('https://h', { ...request, clientId: "a b/c:d!'()*", state: 'x&y=z' });
    expect(url).toContain("client_id=a%20b%2Fc%3Ad%21%27%28%29%2A&");
    expect(url).toContain('&state=x%26y%3Dz&');
  });
});
