// The worker's phone page (/worker.html, role WORKER): today's stops of their published plans in order, with the
// window, what the stop needs, the elder's door and phone, navigation in Amap (GCJ-02) or Baidu (BD-09) with only
// the point sent to the map app, and "到达 / arrived" and "完成 / done" with the outcome and a note. Actions go
// through the phone's outbox (field-queue.js): recorded at once on the page, sent when the network allows.
import { ApiError, request, wireLogout } from './api.js';
import { addTexts, applyStatic, lang, setLang, t } from './i18n.js';
import { escapeHtml, hhmm, setZone } from './format.js';
import { FieldQueue } from './field-queue.js';

addTexts({
  zh: {
    'field.title': '我的路线',
    'field.console': '完整调度页',
    'field.online': '在线',
    'field.offline': '离线：操作先保存在手机上，联网后自动发送',
    'field.queued': '{0} 条待发送',
    'field.sendNow': '立即发送',
    'field.none': '{0} 没有发布给您的路线。',
    'field.otherDay': '这是 {0} 的路线，只能在当天打卡。',
    'field.noWorker': '此账号没有对应的服务人员编号。',
    'field.kitchen': '取餐：{0}',
    'field.kitchenLoad': '出发时带 {0} 份',
    'field.meal': '送餐',
    'field.visit': '上门：{0}',
    'field.boxes': '{0} 份餐',
    'field.minutes': '约 {0} 分钟',
    'field.skills': '需要：{0}',
    'field.partner': '与 {0} 同去',
    'field.window': '时段 {0}',
    'field.amap': '高德导航',
    'field.baidu': '百度导航',
    'field.call': '打电话',
    'field.arrive': '到达',
    'field.done': '完成',
    'field.arrived': '已到达 {0}',
    'field.finished': '已完成 {0} · {1} · {2} 分钟',
    'field.pending': '（待发送）',
    'field.doneTitle': '{0} 完成情况',
    'field.note': '备注（选填，如老人情况、需跟进的事）',
    'field.cancel': '取消',
    'field.submitDone': '确认完成',
    'field.refused': '服务器未接受 {0} 的记录：{1}',
    'field.outcome.DONE': '完成',
    'field.outcome.NOT_HOME': '不在家',
    'field.outcome.REFUSED': '拒绝服务',
    'field.outcome.FOLLOW_UP': '需跟进',
    'field.type.CHECK_IN': '巡视探访',
    'field.type.CLEANING': '助洁',
    'field.type.BATHING': '助浴',
    'field.type.MEDICAL_ESCORT': '助医',
    'field.type.ERRAND': '代买代购',
    'field.type.REPAIR': '维修',
    'field.type.EMERGENCY': '助急',
  },
  en: {
    'field.title': 'My route',
    'field.console': 'Full console',
    'field.online': 'Online',
    'field.offline': 'Offline: actions are kept on the phone and sent when the network is back',
    'field.queued': '{0} waiting to be sent',
    'field.sendNow': 'Send now',
    'field.none': 'No route published for you on {0}.',
    'field.otherDay': 'This is the route of {0}; stops are recorded on the day only.',
    'field.noWorker': 'This account has no worker id.',
    'field.kitchen': 'Pick up at {0}',
    'field.kitchenLoad': 'leave with {0} boxes',
    'field.meal': 'Meal',
    'field.visit': 'Visit: {0}',
    'field.boxes': '{0} box(es)',
    'field.minutes': 'about {0} min',
    'field.skills': 'needs: {0}',
    'field.partner': 'together with {0}',
    'field.window': 'window {0}',
    'field.amap': 'Amap',
    'field.baidu': 'Baidu Maps',
    'field.call': 'Call',
    'field.arrive': 'Arrived',
    'field.done': 'Done',
    'field.arrived': 'Arrived {0}',
    'field.finished': 'Done {0} · {1} · {2} min',
    'field.pending': ' (waiting to be sent)',
    'field.doneTitle': '{0}: how did it go?',
    'field.note': 'Note (optional: how the elder is, what to follow up)',
    'field.cancel': 'Cancel',
    'field.submitDone': 'Confirm',
    'field.refused': 'The server refused the record of {0}: {1}',
    'field.outcome.DONE': 'Done',
    'field.outcome.NOT_HOME': 'Not at home',
    'field.outcome.REFUSED': 'Refused',
    'field.outcome.FOLLOW_UP': 'Follow up',
    'field.type.CHECK_IN': 'check-in',
    'field.type.CLEANING': 'cleaning',
    'field.type.BATHING': 'bathing',
    'field.type.MEDICAL_ESCORT': 'medical escort',
    'field.type.ERRAND': 'errand',
    'field.type.REPAIR': 'repair',
    'field.type.EMERGENCY': 'emergency help',
  },
});

const $ = id => document.getElementById(id);
const RETRY_MS = 5000;
const state = { day: null, me: null, queue: null, refusals: [], doneStop: null };

/** The date asked for in the address (#date=2026-11-24), else today (the server's). */
function dateInHash() {
  const match = /date=(\d{4}-\d{2}-\d{2})/.exec(location.hash);
  return match ? match[1] : null;
}

async function load() {
  const date = dateInHash();
  state.day = await request('GET', '/api/v1/field/day' + (date ? '?date=' + date : ''));
  setZone(state.day.timeZone);
  render();
}

function recordable() {
  return state.day && state.day.date === state.day.today;
}

/** A stop's record as the page knows it: the server's, with the phone's queued actions on top. */
function recordOf(stop) {
  const record = stop.record ? { ...stop.record, pending: false } : null;
  let merged = record;
  for (const item of state.queue ? state.queue.items() : []) {
    if (item.taskId !== stop.taskId || item.planId !== stop.planId) {
      continue;
    }
    merged = { ...(merged || {}), pending: true };
    if (item.action === 'check-in') {
      merged.checkIn = item.body.at;
    } else {
      merged.checkOut = item.body.at;
      merged.outcome = item.body.outcome;
      merged.minutes = merged.checkIn
        ? Math.round((new Date(item.body.at) - new Date(merged.checkIn)) / 60000) : null;
    }
  }
  return merged;
}

function render() {
  const day = state.day;
  $('field-date').textContent = day ? day.date : '';
  $('field-worker').textContent = state.me?.workerId || '';
  renderNet();
  const refused = $('field-refused');
  refused.hidden = state.refusals.length === 0;
  refused.innerHTML = state.refusals.map(r => `<div>${escapeHtml(r)}</div>`).join('');
  if (!day) {
    return;
  }
  const empty = $('field-empty');
  empty.hidden = day.stops.length > 0 && recordable();
  empty.textContent = day.stops.length === 0 ? t('field.none', day.date) : t('field.otherDay', day.date);
  $('field-stops').innerHTML = day.stops.map(stopHtml).join('');
}

function stopHtml(stop) {
  const record = stop.kind === 'KITCHEN' ? null : recordOf(stop);
  const stateName = !record ? 'planned' : record.checkOut ? 'done' : record.checkIn ? 'arrived' : 'planned';
  const pending = record?.pending ? `<span class="pending">${escapeHtml(t('field.pending'))}</span>` : '';
  let what;
  let needs = [];
  if (stop.kind === 'KITCHEN') {
    what = t('field.kitchen', stop.kitchenId);
    if (stop.boxes) {
      needs.push(t('field.kitchenLoad', stop.boxes));
    }
  } else if (stop.kind === 'DELIVERY') {
    what = t('field.meal') + ' · ' + stop.taskId;
    needs.push(t('field.boxes', stop.boxes ?? 1));
  } else {
    what = t('field.visit', t('field.type.' + stop.type)) + ' · ' + stop.taskId;
    needs.push(t('field.minutes', stop.durationMinutes));
    if (stop.requiredSkills?.length) {
      needs.push(t('field.skills', stop.requiredSkills.join('、')));
    }
    if (stop.partnerWorker) {
      needs.push(t('field.partner', stop.partnerWorker));
    }
  }
  if (stop.window) {
    needs.unshift(t('field.window', hhmm(stop.window.start) + '–' + hhmm(stop.window.end)));
  }
  const elder = stop.elder;
  const who = elder ? `<div class="stop-who">${escapeHtml(elder.name || elder.id)}${elder.address
    ? ' · ' + escapeHtml(elder.address) : ''}</div>` : '';
  const links = navLinks(stop) + (elder?.phone
    ? `<a href="tel:${escapeHtml(elder.phone)}">${escapeHtml(t('field.call'))} ${escapeHtml(elder.phone)}</a>` : '');
  let status = '';
  if (record?.checkOut) {
    status = escapeHtml(t('field.finished', hhmm(record.checkOut), t('field.outcome.' + record.outcome),
      record.minutes ?? '–')) + pending;
  } else if (record?.checkIn) {
    status = escapeHtml(t('field.arrived', hhmm(record.checkIn))) + pending;
  }
  const canRecord = recordable() && stop.kind !== 'KITCHEN';
  const buttons = !canRecord || stateName === 'done' ? '' : `<div class="stop-buttons">
      <button type="button" class="field-btn big primary" data-arrive="${escapeHtml(stop.taskId)}"
        ${stateName === 'planned' ? '' : 'disabled'}>${escapeHtml(t('field.arrive'))}</button>
      <button type="button" class="field-btn big done" data-done="${escapeHtml(stop.taskId)}"
        ${stateName === 'arrived' ? '' : 'disabled'}>${escapeHtml(t('field.done'))}</button></div>`;
  return `<li class="stop" data-kind="${stop.kind}" data-task-id="${escapeHtml(stop.taskId || '')}"
      data-plan-id="${escapeHtml(stop.planId)}" data-state="${stateName}" data-pending="${record?.pending ? 'true' : 'false'}">
    <div class="stop-head"><span class="stop-seq">${stop.sequence}</span>
      <span class="stop-time">${hhmm(stop.start)}</span></div>
    <div class="stop-what">${escapeHtml(what)}</div>
    ${who}
    <div class="stop-needs">${escapeHtml(needs.join(' · '))}</div>
    <div class="stop-links">${links}</div>
    <div class="stop-status">${status}</div>
    ${buttons}
  </li>`;
}

/**
 * Amap takes GCJ-02 and Baidu BD-09 (the server converts the plan's points with the routing module). Only the point
 * and the task id go to the map app: no name or address leaves careroute.
 */
function navLinks(stop) {
  const label = encodeURIComponent(stop.taskId || stop.kitchenId || '');
  const links = [];
  if (stop.gcj02) {
    const { lat, lon } = stop.gcj02;
    links.push(`<a class="nav-amap" target="_blank" rel="noopener" href="https://uri.amap.com/navigation?to=${lon},${lat},${label}&mode=walk&coordinate=gaode&callnative=1">${escapeHtml(t('field.amap'))}</a>`);
  }
  if (stop.bd09) {
    const { lat, lon } = stop.bd09;
    links.push(`<a class="nav-baidu" target="_blank" rel="noopener" href="https://api.map.baidu.com/direction?destination=latlng:${lat},${lon}|name:${label}&mode=walking&coord_type=bd09ll&output=html&src=careroute">${escapeHtml(t('field.baidu'))}</a>`);
  }
  return links.join('');
}

function renderNet() {
  const online = navigator.onLine;
  const count = state.queue ? state.queue.items().length : 0;
  $('field-net').dataset.online = String(online);
  $('field-net-text').textContent = online ? t('field.online') : t('field.offline');
  $('queue-count').dataset.count = String(count);
  $('queue-count').textContent = count ? t('field.queued', count) : '';
  $('btn-send').hidden = count === 0;
}

function stopOf(taskId) {
  return state.day.stops.find(s => s.taskId === taskId);
}

/** Queue an action with the time it was tapped, show it at once, try to send. */
function act(stop, action, body) {
  state.queue.add({ planId: stop.planId, taskId: stop.taskId, action, body: { at: new Date().toISOString(), ...body } });
  render();
  flush();
}

async function flush() {
  if (!state.queue) {
    return;
  }
  await state.queue.flush((item, ok, body) => {
    const stop = state.day?.stops.find(s => s.taskId === item.taskId && s.planId === item.planId);
    if (ok && stop) {
      stop.record = body;
    } else if (!ok) {
      const reasons = (body?.errors || []).map(e => (e.field ? e.field + ': ' : '') + e.reason).join('; ');
      state.refusals.push(t('field.refused', item.taskId, reasons || body?.detail || body?.title || ''));
    }
    render();
  });
  renderNet();
}

function openDone(stop) {
  state.doneStop = stop;
  $('done-title').textContent = t('field.doneTitle', stop.taskId);
  $('done-form').reset();
  $('done-dialog').showModal();
}

function wire() {
  $('btn-lang').addEventListener('click', () => setLang(lang() === 'en' ? 'zh' : 'en'));
  document.addEventListener('careroute:lang', render);
  wireLogout($('logout-form'), $('logout-csrf'));
  $('btn-send').addEventListener('click', flush);
  $('field-stops').addEventListener('click', e => {
    const arrive = e.target.closest('[data-arrive]');
    const done = e.target.closest('[data-done]');
    if (arrive && !arrive.disabled) {
      act(stopOf(arrive.dataset.arrive), 'check-in', {});
    } else if (done && !done.disabled) {
      openDone(stopOf(done.dataset.done));
    }
  });
  $('done-cancel').addEventListener('click', () => $('done-dialog').close());
  $('done-form').addEventListener('submit', e => {
    e.preventDefault();
    const data = new FormData($('done-form'));
    const note = String(data.get('note') || '').trim();
    $('done-dialog').close();
    act(state.doneStop, 'check-out', { outcome: data.get('outcome'), ...(note ? { note } : {}) });
  });
  window.addEventListener('online', () => { renderNet(); flush(); });
  window.addEventListener('offline', renderNet);
  window.addEventListener('hashchange', () => load().catch(showError));
  setInterval(flush, RETRY_MS);
}

function showError(error) {
  state.refusals.push(error instanceof ApiError ? (error.title || t('error.title')) + ' ' + error.message : String(error));
  render();
}

async function start() {
  setLang(lang());
  applyStatic();
  wire();
  try {
    state.me = await request('GET', '/api/v1/me');
  } catch (e) {
    return;   // 401 goes to the login page
  }
  if (!state.me.workerId) {
    $('field-empty').hidden = false;
    $('field-empty').textContent = t('field.noWorker');
    return;
  }
  state.queue = new FieldQueue(state.me.workerId);
  renderNet();
  try {
    await load();
  } catch (e) {
    showError(e);
  }
  flush();
}

start();
