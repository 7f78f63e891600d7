// The dispatcher's alerts from the field: a meal nobody took at the door, an elder living alone not answering.
// Polls GET /api/v1/records/alerts (today's) and shows them at the top of the console's sidebar until the day ends.
// A dispatcher acknowledges each (POST /api/v1/records/{id}/acknowledge): who and when then show beside it.
import { request } from './api.js';
import { addTexts, t } from './i18n.js';
import { escapeHtml, hhmm } from './format.js';

addTexts({
  zh: {
    'alerts.title': '现场提醒',
    'alerts.MEAL_NOT_TAKEN': '{0} 送餐无人接收（{1}，服务人员 {2}）',
    'alerts.ALONE_NOT_ANSWERING': '{0} 独居老人无人应答（{1}，服务人员 {2}）：请尽快联系',
    'alerts.acknowledge': '确认已处理',
    'alerts.acknowledged': '{0} 于 {1} 确认',
  },
  en: {
    'alerts.title': 'From the field',
    'alerts.MEAL_NOT_TAKEN': '{0}: meal not taken ({1}, worker {2})',
    'alerts.ALONE_NOT_ANSWERING': '{0}: elder living alone not answering ({1}, worker {2}) — call now',
    'alerts.acknowledge': 'Acknowledge',
    'alerts.acknowledged': 'acknowledged by {0} at {1}',
  },
});

const POLL_MS = 15000;
let alerts = [];
let acknowledged = new Map();   // record id -> acknowledgement

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
    section.addEventListener('click', e => {
      const button = e.target.closest('[data-acknowledge]');
      if (button) {
        acknowledge(button.dataset.acknowledge, button);
      }
    });
  }
  return section;
}

function render() {
  const section = card();
  if (!section) {
    return;
  }
  section.hidden = alerts.length === 0;
  const open = alerts.filter(a => !acknowledged.has(a.id)).length;
  section.classList.toggle('highlight', open > 0);
  section.innerHTML = `<h2>${escapeHtml(t('alerts.title'))} <span class="count">${open}</span></h2>
    <ul class="list">${alerts.map(a => {
      const ack = acknowledged.get(a.id);
      return `<li class="alert-item${ack ? ' acknowledged' : ''}" data-alert="${escapeHtml(a.alert)}"
      data-task-id="${escapeHtml(a.taskId)}" data-record-id="${escapeHtml(a.id)}">${escapeHtml(t('alerts.' + a.alert,
      hhmm(a.checkOut), a.taskId, a.workerId))}${ack
        ? ` <span class="alert-ack muted">${escapeHtml(t('alerts.acknowledged', ack.acknowledgedByName, hhmm(ack.acknowledgedAt)))}</span>`
        : (canAcknowledge() ? ` <button type="button" class="link alert-ack" data-acknowledge="${escapeHtml(a.id)}">${escapeHtml(t('alerts.acknowledge'))}</button>` : '')}</li>`;
    }).join('')}</ul>`;
}

function canAcknowledge() {
  return ['ADMIN', 'DISPATCHER'].includes(document.body.dataset.role);
}

async function acknowledge(recordId, button) {
  button.disabled = true;
  try {
    const answer = await request('POST', '/api/v1/records/' + encodeURIComponent(recordId) + '/acknowledge');
    acknowledged.set(recordId, answer.acknowledgement);
  } catch (e) {
    button.disabled = false;
  }
  render();
}

async function poll() {
  try {
    const answer = await request('GET', '/api/v1/records/alerts');
    alerts = answer.records || [];
    acknowledged = new Map((answer.acknowledgements || []).map(a => [a.recordId, a]));
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
