/**
 * The preload of the main window: exposes `window.api` (see desktop-api.ts) and nothing
 * else. Built as CommonJS with its dependencies bundled, so the window keeps
 * `sandbox: true`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createDesktopApi } from './desktop-api';

contextBridge.exposeInMainWorld('api', createDesktopApi(ipcRenderer));
