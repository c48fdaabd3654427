import { defineConfig } from 'vitest/config';

/**
 * The Windows suite (`npm run test:windows`, and the last step of `npm test`): the built CLI
 * on the real Windows build of Node under Wine (test/windows/wine.ts). One file at a time:
 * each file boots its own Wine prefix, and the machine has few cores.
 */
export default defineConfig({
  test: {
    include: ['test/windows/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
  },
});
