import type { DesktopApi } from './desktop-api';

export type { DesktopApi } from './desktop-api';
/** Former name of the bridge's type. */
export type SaksbordApi = DesktopApi;

declare global {
  interface Window {
    /** Present only inside the Electron app (see src/preload/desktop-api.ts). */
    api?: DesktopApi;
  }
}
