import type { SaksbordApi } from './index';

declare global {
  interface Window {
    /** Present only inside the Electron app (see src/preload/index.ts). */
    api?: SaksbordApi;
  }
}
