import type { MessageKey, MessageParams } from '../i18n/translate';

/** A message key with its parameters, to translate where it is shown. */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

/**
 * Whether signing out needs a warning first, and its text: with local changes not yet sent
 * (offline, or a push still under way), signing out ends the sync until this user signs in
 * here again; they stay in this computer's store, but the agent must know and may cancel.
 */
export function signOutWarning(pendingCount: number): Message | null {
  if (pendingCount <= 0) return null;
  return pendingCount === 1
    ? { key: 'signOut.pendingOne' }
    : { key: 'signOut.pendingMany', params: { count: pendingCount } };
}
