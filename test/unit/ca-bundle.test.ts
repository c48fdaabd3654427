import { describe, expect, it, vi } from 'vitest';
import { resolveCaBundle } from '../../src/clients.js';
import { catalogue } from '../../src/ui/messages/index.js';

const en = catalogue('en');
const EMPTY =
  'Invalid CA bundle: the configured value (ca_bundle, AWS_CA_BUNDLE, REQUESTS_CA_BUNDLE, or verify) resolved to an empty or whitespace-only string. Provide a valid path to a CA bundle file.';

// docs/compat.md §D4: --ca-bundle > AWS_CA_BUNDLE > the profile's ca_bundle > REQUESTS_CA_BUNDLE; empty is an error (2.36.6).
describe('the CA bundle, in the AWS CLI order', () => {
  const profile = (value: string | undefined) => vi.fn(async () => value);

  it('--ca-bundle wins over everything, and the config is not read', async () => {
    const fromProfile = profile('/profile.pem');
    const env = { AWS_CA_BUNDLE: '/env.pem', REQUESTS_CA_BUNDLE: '/requests.pem' };
    expect(await resolveCaBundle(en, { flag: '/flag.pem', env, profile: fromProfile })).toEqual({ file: '/flag.pem', source: '--ca-bundle' });
    expect(fromProfile).not.toHaveBeenCalled();
  });

  it('then AWS_CA_BUNDLE, the config still not read', async () => {
    const fromProfile = profile('/profile.pem');
    expect(await resolveCaBundle(en, { env: { AWS_CA_BUNDLE: '/env.pem' }, profile: fromProfile })).toEqual({ file: '/env.pem', source: 'AWS_CA_BUNDLE' });
    expect(fromProfile).not.toHaveBeenCalled();
  });

  it("then the profile's ca_bundle, then REQUESTS_CA_BUNDLE", async () => {
    const env = { REQUESTS_CA_BUNDLE: '/requests.pem' };
    expect(await resolveCaBundle(en, { env, profile: profile('/profile.pem') })).toEqual({ file: '/profile.pem', source: 'ca_bundle' });
    expect(await resolveCaBundle(en, { env, profile: profile(undefined) })).toEqual({ file: '/requests.pem', source: 'REQUESTS_CA_BUNDLE' });
  });

  it('none set: none', async () => {
    expect(await resolveCaBundle(en, { env: {}, profile: profile(undefined) })).toBeUndefined();
    expect(await resolveCaBundle(en, { env: {} })).toBeUndefined();
  });

  it.each([
    ['an empty AWS_CA_BUNDLE', { env: { AWS_CA_BUNDLE: '' } }],
    ['a blank AWS_CA_BUNDLE', { env: { AWS_CA_BUNDLE: '  ' } }],
    ['an empty --ca-bundle', { flag: '', env: {} }],
    ['an empty ca_bundle in the profile', { env: {}, profile: async () => '' }],
    ['an empty REQUESTS_CA_BUNDLE', { env: { REQUESTS_CA_BUNDLE: '' } }],
  ])('%s is a configuration error (exit 253), not "no bundle"', async (_name, sources) => {
    const error = await resolveCaBundle(en, sources).catch((e: unknown) => e);
    expect(error).toMatchObject({ message: EMPTY, exitCode: 253 });
  });

  it('an empty AWS_CA_BUNDLE does not fall through to a valid profile value', async () => {
    await expect(resolveCaBundle(en, { env: { AWS_CA_BUNDLE: '' }, profile: profile('/profile.pem') })).rejects.toThrow(EMPTY);
  });
});
