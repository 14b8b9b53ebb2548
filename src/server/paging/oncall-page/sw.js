// The on-call page's service worker: shows a page as a notification that stays until it is
// handled, with "Kvitter" (acknowledge: POST to the signed single-use link) and opening the
// link's page on a tap.
self.addEventListener('push', (event) => {
  const page = event.data ? event.data.json() : { title: 'Saksbord', body: '' };
  event.waitUntil(
    self.registration.showNotification(page.title, {
      body: page.body,
      tag: page.ref,
      requireInteraction: true,
      renotify: true,
      data: { ackUrl: page.ackUrl },
      actions: page.ackUrl ? [{ action: 'ack', title: 'Kvitter' }] : [],
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  const url = event.notification.data && event.notification.data.ackUrl;
  event.notification.close();
  if (!url) return;
  event.waitUntil(
    event.action === 'ack' ? fetch(url, { method: 'POST' }) : self.clients.openWindow(url),
  );
});
