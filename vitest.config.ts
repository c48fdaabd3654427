import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The AWS SDK's partition data, as scripts/build.mjs and tsconfig.json name it (src/flows/regions.ts).
  resolve: {
    alias: {
      '#aws-partitions': fileURLToPath(
        new URL('./node_modules/@aws-sdk/core/dist-es/submodules/client/util-endpoints/lib/aws/partitions.js', import.meta.url),
      ),
    },
  },
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
