import { placeholdersOf } from '@core/i18n/message-template';
import { notificationKinds } from '@core/notifications/notification-kinds';
import { describe, expect, it } from 'vitest';
import { kindKey, notificationsCatalogues, notificationsNn } from './notifications-messages';

describe('the Notifications screen’s catalogues', () => {
  it.each(['nb', 'en'] as const)('%s has the same keys and placeholders as Nynorsk', (locale) => {
    const catalogue = notificationsCatalogues[locale];
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(notificationsNn).sort());
    for (const [key, text] of Object.entries(notificationsNn)) {
      expect(placeholdersOf(catalogue[key as keyof typeof notificationsNn]), key).toEqual(
        placeholdersOf(text),
      );
    }
  });
  it('names every kind of notification', () => {
    for (const kind of notificationKinds) expect(notificationsNn[kindKey(kind)]).toBeTruthy();
  });
});
