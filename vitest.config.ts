import { defineConfig } from 'vitest/config';
import { pathAliasesFrom } from './path-aliases';

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: pathAliasesFrom(import.meta.dirname) },
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
          environment: 'node',
          setupFiles: ['tests/setup/unit-setup.ts'],
        },
      },
      {
        resolve: { alias: pathAliasesFrom(import.meta.dirname) },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
