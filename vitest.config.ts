import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against TypeScript sources; the built dist/ is what the bin and workers load.
    alias: {
      '@kamen/core': src('./packages/core/src/index.ts'),
      '@kamen/cli': src('./packages/cli/src/index.ts'),
      '@kamen/proxy': src('./packages/proxy/src/index.ts'),
    },
  },
  test: {
    include: ['test/**/*.spec.ts'],
    testTimeout: 30_000,
    // Proxies and CLIs started in beforeAll load dictionaries and compile plans: slow on a loaded 2-core box.
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
