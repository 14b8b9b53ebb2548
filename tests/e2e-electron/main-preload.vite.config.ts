/**
 * The project's electron-vite config without the renderer: lets the build check in
 * build.spec.ts test main and preload alone, whatever state the renderer is in.
 */
import { defineConfig } from 'electron-vite';
import base from '../../electron.vite.config';

const { main, preload } = base as { main: unknown; preload: unknown };
export default defineConfig({ main, preload } as Parameters<typeof defineConfig>[0]);
