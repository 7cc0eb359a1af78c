// The city's service worker, for Web Push only: it shows each notice the push service brings (JSON
// {title, body, url, unsubscribeUrl} from the server) and opens its page when the notification is clicked;
// its 「配信停止」 action opens the one-step unsubscribe page. It caches nothing and intercepts no request.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('push', (event) => {
  let notice = {};
  try {
    notice = event.data ? event.data.json() : {};
  } catch {
    notice = { body: event.data ? event.data.text() : '' };
  }
  const options = {
    body: notice.body || '',
    lang: 'ja',
    data: { url: notice.url || '/notifications', unsubscribeUrl: notice.unsubscribeUrl },
    actions: notice.unsubscribeUrl ? [{ action: 'unsubscribe', title: '配信停止' }] : [],
  };
  event.waitUntil(self.registration.showNotification(notice.title || 'お知らせ', options));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data || {};
  const target = event.action === 'unsubscribe' && data.unsubscribeUrl ? data.unsubscribeUrl : data.url;
  let url;
  try {
    url = new URL(target || '/notifications', self.location.origin);
  } catch {
    return;
  }
  // Only web pages: a payload never opens another kind of address.
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return;
  event.waitUntil(self.clients.openWindow(url.href));
});
