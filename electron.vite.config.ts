import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { pathAliasesFrom } from './path-aliases';

export default defineConfig({
  main: {
    resolve: { alias: pathAliasesFrom(__dirname) },
    // Dependencies (zod) are bundled, so the packaged app needs no node_modules.
    build: {
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    resolve: { alias: pathAliasesFrom(__dirname) },
    // CommonJS with every dependency bundled (a sandboxed preload can require only
    // `electron`), so that the window can keep `sandbox: true` (see stack notes).
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    resolve: { alias: pathAliasesFrom(__dirname) },
    root: resolve(__dirname, 'src/renderer'),
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } } },
    plugins: [react()],
  },
});
