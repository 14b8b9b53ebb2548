import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { pathAliasesFrom } from './path-aliases';

/** The self-service portal for the municipalities' staff, served by the server at /portal. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/portal'),
  base: '/portal/',
  plugins: [react()],
  resolve: { alias: pathAliasesFrom(import.meta.dirname) },
  build: { outDir: resolve(import.meta.dirname, 'out/portal'), emptyOutDir: true },
});
