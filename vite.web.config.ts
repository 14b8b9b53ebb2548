import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { pathAliasesFrom } from './path-aliases';

/** The renderer built for web mode: served by the Saksbord server and used by Playwright. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  plugins: [react()],
  resolve: { alias: pathAliasesFrom(import.meta.dirname) },
  build: { outDir: resolve(import.meta.dirname, 'out/web'), emptyOutDir: true },
});
