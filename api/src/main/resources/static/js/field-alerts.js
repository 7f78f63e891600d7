// The dispatcher's alerts from the field: a meal nobody took at the door, an elder living alone not answering.
// Polls GET /api/v1/records/alerts (today's) and shows them at the top of the console's sidebar until the day ends.
import { request } from './api.js';
import { addTexts, t } from './i18n.js';
import { escapeHtml, hhmm } from './format.js';

addTexts({
  zh: {
    'alerts.title': '现场提醒',
    'alerts.MEAL_NOT_TAKEN': '{0} 送餐无人接收（{1}，服务人员 {2}）',
    'alerts.ALONE_NOT_ANSWERING': '{0} 独居老人无人应答（{1}，服务人员 {2}）：请尽快联系',
  },
  en: {
    'alerts.title': 'From the field',
    'alerts.MEAL_NOT_TAKEN': '{0}: meal not taken ({1}, worker {2})',
    'alerts.ALONE_NOT_ANSWERING': '{0}: elder living alone not answering ({1}, worker {2}) — call now',
  },
});

const POLL_MS = 15000;
let alerts = [];

function card() {
  let section = document.getElementById('alerts-card');
  if (!section) {
    const sidebar = document.querySelector('.sidebar');
    if (!sidebar) {
      return null;
    }
    section = document.createElement('section');
    section.id = 'alerts-card';
    section.className = 'card highlight';
    section.hidden = true;
    sidebar.prepend(section);
  }
  return section;
}

function render() {
  const section = card();
  if (!section) {
    return;
  }
  section.hidden = alerts.length === 0;
  section.innerHTML = `<h2>${escapeHtml(t('alerts.title'))} <span class="count">${alerts.length}</span></h2>
    <ul class="list">${alerts.map(a => `<li class="alert-item" data-alert="${escapeHtml(a.alert)}"
      data-task-id="${escapeHtml(a.taskId)}">${escapeHtml(t('alerts.' + a.alert, hhmm(a.checkOut), a.taskId,
      a.workerId))}</li>`).join('')}</ul>`;
}

async function poll() {
  try {
    alerts = (await request('GET', '/api/v1/records/alerts')).records || [];
    render();
  } catch (e) {
    // A role without alerts (403), or the network away: nothing to show now.
  }
}

async function start() {
  let me;
  try {
    me = await request('GET', '/api/v1/me');
  } catch (e) {
    return;
  }
  if (me.role === 'WORKER') {
    return;
  }
  document.addEventListener('careroute:lang', render);
  await poll();
  setInterval(poll, POLL_MS);
}

start();
