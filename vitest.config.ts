import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The Windows suite runs after, with its own config (vitest.windows.config.ts): one Wine prefix at a time.
    exclude: ['test/windows/**', '**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // English unless a test asks for Japanese, whatever the developer's own locale is.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
  },
});
