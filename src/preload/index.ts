/** The typed bridge between the sandboxed renderer and the main process. Nothing else. */
import { contextBridge } from 'electron';

const api = {
  /** True inside the desktop app; the renderer checks it to choose desktop or web mode. */
  isDesktop: true as const,
};

export type SaksbordApi = typeof api;

contextBridge.exposeInMainWorld('api', api);
