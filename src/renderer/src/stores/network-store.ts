import { create } from 'zustand';

/**
 * What the browser says about the network. The sync status says whether the server
 * answered last; a request that was already under way can finish after the network went
 * down, so the indicator trusts the browser for "offline" as well.
 */
export const useNetworkStore = create<{ online: boolean }>(() => ({
  online: globalThis.navigator?.onLine ?? true,
}));

globalThis.addEventListener?.('online', () => useNetworkStore.setState({ online: true }));
globalThis.addEventListener?.('offline', () => useNetworkStore.setState({ online: false }));
