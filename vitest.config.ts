import { defineConfig } from 'vitest/config';
import { availableParallelism } from 'node:os';
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
    // One test file per core. Vitest's default is one fewer than the cores: a single file at a time on a 2-core box,
    // where many files spend their time waiting on the `kamen` processes and worker threads they start. The whole
    // suite on this 2-core box: 608 s with the default, 428 s with 2 (2026-12-02, idle, all green).
    maxWorkers: availableParallelism(),
  },
});
