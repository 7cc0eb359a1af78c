// Web Push island on /notifications: the button appears only where the browser has a service worker,
// the Push API and notifications; elsewhere the page's text says to use e-mail or the in-app inbox. On a
// press it asks for permission, registers the city's service worker, subscribes with the city's VAPID
// public key and sends the subscription (with the topics, ward and language on the form beside it) to
// the server, the page's CSRF token in a header. Texts come from the page, in the reader's language.
(() => {
  const root = document.querySelector('[data-push]');
  if (!root) return;
  const supported =
    'serviceWorker' in navigator &&
    typeof window.PushManager === 'function' &&
    typeof window.Notification === 'function';
  if (!supported) return;

  const controls = root.querySelector('[data-push-controls]');
  const status = root.querySelector('[data-push-status]');
  const start = root.querySelector('[data-push-start]');
  const unavailable = root.querySelector('[data-push-unavailable]');
  const data = root.dataset;
  unavailable.hidden = true;
  controls.hidden = false;

  const say = (text) => {
    status.textContent = text || '';
  };

  // The key as the Push API wants it: the 65 bytes of the P-256 point, from base64url.
  function keyBytes(base64url) {
    const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    const raw = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    return Uint8Array.from(raw, (c) => c.charCodeAt(0));
  }

  // subscribe() needs an active worker; a fresh registration is still installing.
  function activated(registration) {
    if (registration.active) return Promise.resolve(registration);
    const worker = registration.installing || registration.waiting;
    return new Promise((resolve) => {
      worker.addEventListener('statechange', () => {
        if (worker.state === 'activated') resolve(registration);
      });
    });
  }

  function formValues() {
    const form = document.querySelector('form[data-preferences]');
    const fields = form ? new FormData(form) : new FormData();
    return {
      topics: fields.getAll('topics'),
      ward: fields.get('ward') || '',
      language: fields.get('language') || '',
      birthYear: fields.get('birthYear') || '',
    };
  }

  navigator.serviceWorker
    .getRegistration(data.scope)
    .then((registration) => registration?.pushManager.getSubscription())
    .then((subscription) => {
      if (subscription && Notification.permission === 'granted') say(data.textAlready);
    })
    .catch(() => undefined);

  start.addEventListener('click', async () => {
    say(data.textSaving);
    start.disabled = true;
    try {
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') {
        say(data.textDenied);
        return;
      }
      const registration = await activated(await navigator.serviceWorker.register(data.worker, { scope: data.scope }));
      const subscription =
        (await registration.pushManager.getSubscription()) ||
        (await registration.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: keyBytes(data.publicKey),
        }));
      const response = await fetch(data.endpoint, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': data.csrf },
        body: JSON.stringify({ subscription: subscription.toJSON(), ...formValues() }),
      });
      if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        say(problem.detail || data.textFailed);
        return;
      }
      say(data.textSaved);
    } catch {
      say(data.textFailed);
    } finally {
      start.disabled = false;
    }
  });
})();
