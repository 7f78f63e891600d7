// A worker's way from the console to their phone page (/worker.html): a button in the top bar, and on a phone-sized
// screen the console opens the phone page at once (the console's own worker view stays at /#console).
import { request } from './api.js';
import { addTexts, t } from './i18n.js';

addTexts({ zh: { 'field.open': '我的路线（手机）' }, en: { 'field.open': 'My route (phone)' } });

const PHONE = '(max-width: 700px)';

async function start() {
  let me;
  try {
    me = await request('GET', '/api/v1/me');
  } catch (e) {
    return;
  }
  if (me.role !== 'WORKER') {
    return;
  }
  if (window.matchMedia(PHONE).matches && !location.hash.includes('console')) {
    location.replace('/worker.html');
    return;
  }
  const actions = document.querySelector('.top-actions');
  if (actions && !document.getElementById('btn-field')) {
    const link = document.createElement('a');
    link.id = 'btn-field';
    link.className = 'btn';
    link.style.textDecoration = 'none';
    link.href = '/worker.html';
    link.dataset.i18n = 'field.open';
    link.textContent = t('field.open');
    actions.prepend(link);
  }
}

start();
