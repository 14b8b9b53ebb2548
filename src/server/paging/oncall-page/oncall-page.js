// The installable on-call page: sign in, see who is on call, turn on Web Push on this phone.
// Plain JavaScript served by the server at /vakt/ (no build step); texts in nn, nb and en.
const words = {
  nn: {
    title: 'Vakt',
    username: 'Brukarnamn',
    password: 'Passord',
    signIn: 'Logg inn',
    signOut: 'Logg ut',
    now: 'På vakt no og neste',
    onCall: 'På vakt no',
    next: 'Neste vakt',
    nobody: '(ingen)',
    backup: 'Reserve',
    notStaffed: 'Vakta er ikkje i gang no.',
    enablePush: 'Slå på push-varsel på denne telefonen',
    pushOn: 'Push-varsel er slått på for denne telefonen.',
    pushUnsupported: 'Denne nettlesaren kan ikkje ta imot push-varsel.',
    pushDenied: 'Du har ikkje gjeve løyve til varsel.',
    failed: 'Det gjekk ikkje: {message}',
    wrong: 'Feil brukarnamn eller passord.',
  },
  nb: {
    title: 'Vakt',
    username: 'Brukernavn',
    password: 'Passord',
    signIn: 'Logg inn',
    signOut: 'Logg ut',
    now: 'På vakt nå og neste',
    onCall: 'På vakt nå',
    next: 'Neste vakt',
    nobody: '(ingen)',
    backup: 'Reserve',
    notStaffed: 'Vakten er ikke i gang nå.',
    enablePush: 'Slå på push-varsel på denne telefonen',
    pushOn: 'Push-varsel er slått på for denne telefonen.',
    pushUnsupported: 'Denne nettleseren kan ikke ta imot push-varsel.',
    pushDenied: 'Du har ikke gitt tillatelse til varsler.',
    failed: 'Det gikk ikke: {message}',
    wrong: 'Feil brukernavn eller passord.',
  },
  en: {
    title: 'On call',
    username: 'Username',
    password: 'Password',
    signIn: 'Sign in',
    signOut: 'Sign out',
    now: 'On call now and next',
    onCall: 'On call now',
    next: 'Next on-call period',
    nobody: '(nobody)',
    backup: 'Backup',
    notStaffed: 'On-call is not staffed now.',
    enablePush: 'Turn on push notifications on this phone',
    pushOn: 'Push notifications are on for this phone.',
    pushUnsupported: 'This browser cannot receive push notifications.',
    pushDenied: 'Notifications are not allowed.',
    failed: 'That did not work: {message}',
    wrong: 'Wrong username or password.',
  },
};
const preferred = (navigator.language || 'nn').toLowerCase();
const locale = preferred.startsWith('en')
  ? 'en'
  : preferred.startsWith('nb') || preferred === 'no'
    ? 'nb'
    : 'nn';
const t = (key, params = {}) =>
  words[locale][key].replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? ''));
const $ = (id) => document.getElementById(id);
const say = (text) => {
  $('status').textContent = text;
};
let token = localStorage.getItem('saksbord-vakt-token');

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok)
    throw Object.assign(new Error(`${response.status}`), { status: response.status });
  return response.status === 204 ? null : response.json();
}

function shift(label, a) {
  const box = document.createElement('div');
  box.className = 'shift';
  const h = document.createElement('h3');
  h.textContent = label;
  const p = document.createElement('p');
  if (!a) p.textContent = t('notStaffed');
  else {
    const when = `${new Date(a.period.start).toLocaleString(locale === 'en' ? 'en-GB' : 'nb-NO', { timeZone: 'Europe/Oslo', weekday: 'long', hour: '2-digit', minute: '2-digit' })}`;
    p.textContent = `${a.primary ? a.primary.name : t('nobody')} — ${when}${a.backup ? ` (${t('backup')}: ${a.backup.name})` : ''}`;
  }
  box.append(h, p);
  return box;
}

async function showSignedIn() {
  $('sign-in').hidden = true;
  $('signed-in').hidden = false;
  try {
    const now = await api('GET', '/api/v1/oncall/now');
    $('now').replaceChildren(shift(t('onCall'), now.now), shift(t('next'), now.next));
  } catch (error) {
    if (error.status === 401) return signOut();
    say(t('failed', { message: error.message }));
  }
}

function signOut() {
  token = null;
  localStorage.removeItem('saksbord-vakt-token');
  $('signed-in').hidden = true;
  $('sign-in').hidden = false;
}

function keyBytes(base64url) {
  const text = atob(
    base64url
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(base64url.length / 4) * 4, '='),
  );
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

async function enablePush() {
  if (!('serviceWorker' in navigator) || !('PushManager' in window))
    return say(t('pushUnsupported'));
  try {
    const permission = await Notification.requestPermission();
    if (permission !== 'granted') return say(t('pushDenied'));
    const registration = await navigator.serviceWorker.register('/vakt/sw.js', { scope: '/vakt/' });
    await navigator.serviceWorker.ready;
    const { publicKey } = await api('GET', '/api/v1/paging/push-key');
    const subscription =
      (await registration.pushManager.getSubscription()) ||
      (await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: keyBytes(publicKey),
      }));
    await api('POST', '/api/v1/paging/subscriptions', subscription.toJSON());
    say(t('pushOn'));
  } catch (error) {
    say(t('failed', { message: error.message }));
  }
}

document.documentElement.lang = locale;
for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
document.title = `Saksbord ${t('title').toLowerCase()}`;
$('sign-in').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  try {
    const body = await api('POST', '/api/v1/auth/sign-in', {
      username: form.get('username'),
      password: form.get('password'),
      deviceId: localStorage.getItem('saksbord-vakt-device') || crypto.randomUUID(),
    });
    token = body.token;
    localStorage.setItem('saksbord-vakt-token', token);
    await showSignedIn();
  } catch {
    say(t('wrong'));
  }
});
$('enable-push').addEventListener('click', enablePush);
$('sign-out').addEventListener('click', signOut);
if (token) void showSignedIn();
else $('sign-in').hidden = false;
