// The day as it goes, on the dispatcher's console (issue 17.3): polls GET /api/v1/plans/{id}/live for the plan on
// screen every half second (If-None-Match: the server answers 304 until a record of the day changes) and shows each stop's
// expected arrival as the records tell it — on the timeline (a dashed outline where the stop is now expected, the time
// above it), on the map (the pin's tooltip and a red ring when flagged) and in the "live day" card, which lists the
// stops that will miss their window or the hot-food limit and offers the re-plan from the records in one click.
// It only decorates what app.js draws (by data-task-id), so the timeline and map code stay as they are.
import { ApiError, request, sessionSignal } from './api.js';
import { acceptLanguage, addTexts, t } from './i18n.js';
import { escapeHtml, hhmm, offsetOf } from './format.js';

addTexts({
  zh: {
    'live.title': '实时进度',
    'live.recorded': '最新记录 {0}',
    'live.none': '尚无现场记录：各站按计划时间',
    'live.onTime': '现场记录显示各站可按时完成',
    'live.unpublished': '此方案尚未发布：发布后服务人员才能打卡，进度随之更新',
    'live.publish': '发布此方案',
    'live.window': '{0}（{1}）预计 {2} 开始，超出时间窗 {3} 分钟',
    'live.hotFood': '{0}（{1}）预计 {2} 送达，超出保温时限 {3} 分钟',
    'live.shift': '{0}（{1}）预计 {2} 开始，结束时超出班次 {3} 分钟',
    'live.behind': '{0} 晚于计划 {1} 分钟 · 下一站 {2} 预计 {3} 到达',
    'live.replan': '按现场记录重新规划',
    'live.replanning': '正在按现场记录重新规划…',
    'live.eta': '预计 {0}',
    'live.state.DONE': '已完成',
    'live.state.IN': '服务中',
    'live.state.SKIPPED': '未记录（已跳过）',
  },
  en: {
    'live.title': 'Live day',
    'live.recorded': 'last record {0}',
    'live.none': 'Nothing recorded yet: every stop as planned',
    'live.onTime': 'The records say every stop will be on time',
    'live.unpublished': 'This plan is not published: workers record once it is, and this view follows them',
    'live.publish': 'Publish this plan',
    'live.window': '{0} ({1}) expected to start {2}, {3} min after its window',
    'live.hotFood': '{0} ({1}) expected at the door {2}, {3} min beyond the hot-food limit',
    'live.shift': '{0} ({1}) expected to start {2}, ending {3} min after the shift',
    'live.behind': '{0} {1} min behind · next {2} expected {3}',
    'live.replan': 'Re-plan from the records',
    'live.replanning': 'Re-planning from the records…',
    'live.eta': 'expected {0}',
    'live.state.DONE': 'done',
    'live.state.IN': 'under way',
    'live.state.SKIPPED': 'not recorded (skipped)',
  },
});

const POLL_MS = 500;
const SVG = 'http://www.w3.org/2000/svg';
const live = { planId: null, etag: null, view: null, busy: false };

function card() {
  let section = document.getElementById('live-card');
  if (!section) {
    const sidebar = document.querySelector('.sidebar');
    if (!sidebar) {
      return null;
    }
    section = document.createElement('section');
    section.id = 'live-card';
    section.className = 'card';
    section.hidden = true;
    const alerts = document.getElementById('alerts-card');
    if (alerts) {
      alerts.after(section);
    } else {
      sidebar.prepend(section);
    }
    section.addEventListener('click', e => {
      if (e.target.closest('#live-replan')) {
        replan();
      } else if (e.target.closest('#live-publish')) {
        publish();
      } else {
        const item = e.target.closest('[data-task-id]');
        const pin = item && document.querySelector(`#map .pin[data-task-id="${CSS.escape(item.dataset.taskId)}"]`);
        pin?.click();
      }
    });
  }
  return section;
}

function stops(view) {
  return view.workers.flatMap(w => w.stops.map(s => ({ ...s, workerId: w.workerId })));
}

function render() {
  const section = card();
  const view = live.view;
  if (!section) {
    return;
  }
  if (!view || view.planId !== live.planId) {
    section.hidden = true;
    return;
  }
  section.hidden = false;
  const all = stops(view);
  const byId = new Map(all.map(s => [s.taskId, s]));
  const flagged = view.flagged.map(id => byId.get(id)).filter(Boolean);
  section.classList.toggle('highlight', flagged.length > 0);
  section.dataset.flagged = String(flagged.length);
  section.dataset.stamp = view.stamp;     // which state of the day's records this shows
  const lines = flagged.map(s => {
    const parts = [];
    if (s.windowLateMinutes) {
      parts.push(t('live.window', s.taskId, s.workerId, hhmm(s.etaStart), s.windowLateMinutes));
    }
    if (s.hotFoodMinutes) {
      parts.push(t('live.hotFood', s.taskId, s.workerId, hhmm(s.etaStart), s.hotFoodMinutes));
    }
    if (s.shiftOverMinutes) {
      parts.push(t('live.shift', s.taskId, s.workerId, hhmm(s.etaStart), s.shiftOverMinutes));
    }
    return `<li class="live-flag" data-task-id="${escapeHtml(s.taskId)}" data-worker="${escapeHtml(s.workerId)}">
      ${parts.map(escapeHtml).join('<br>')}</li>`;
  });
  const behind = view.workers.filter(w => w.delayMinutes > 0).map(w => {
    const next = w.stops.find(s => s.state === 'OPEN');
    return next ? `<li class="live-behind" data-worker="${escapeHtml(w.workerId)}" data-task-id="${escapeHtml(next.taskId)}">${escapeHtml(
      t('live.behind', w.workerId, w.delayMinutes, next.taskId, hhmm(next.eta)))}</li>` : '';
  });
  const recorded = all.some(s => s.state !== 'OPEN');
  const status = !view.published ? t('live.unpublished') : !recorded ? t('live.none')
    : flagged.length ? '' : t('live.onTime');
  const canPlan = ['ADMIN', 'DISPATCHER', 'KITCHEN'].includes(document.body.dataset.role);
  section.innerHTML = `<h2>${escapeHtml(t('live.title'))} <span class="count">${flagged.length}</span>
      ${view.recorded ? `<small class="muted" id="live-recorded">${escapeHtml(t('live.recorded', hhmm(view.recorded)))}</small>` : ''}</h2>
    ${status ? `<p class="muted" id="live-status">${escapeHtml(status)}</p>` : ''}
    ${!view.published && canPlan ? `<button type="button" id="live-publish">${escapeHtml(t('live.publish'))}</button>` : ''}
    <ul class="list" id="live-flags">${lines.join('')}${behind.join('')}</ul>
    ${flagged.length && view.published && canPlan ? `<button type="button" class="primary" id="live-replan">${escapeHtml(t('live.replan'))}</button>` : ''}`;
}

/** Pixels per millisecond of the timeline, from its hour lines. */
function timelineScale(svg) {
  const xs = [...svg.querySelectorAll('line.gantt-grid')].map(l => Number(l.getAttribute('x1')));
  return xs.length > 1 ? (xs[1] - xs[0]) / 3600000 : 0;
}

/** Marks each stop on the timeline and the map with its live state and expected time (idempotent). */
function decorate() {
  const view = live.view;
  const svg = document.querySelector('#gantt svg');
  if (svg) {
    svg.querySelectorAll('.live-ghost, .live-eta').forEach(el => el.remove());
  }
  document.querySelectorAll('#gantt [data-live-state], #map .pin[data-live-state]').forEach(el => {
    el.removeAttribute('data-live-state');
    el.classList.remove('live-flagged');
  });
  if (!view || view.planId !== live.planId) {
    return;
  }
  const scale = svg ? timelineScale(svg) : 0;
  const flagged = new Set(view.flagged);
  for (const s of stops(view)) {
    const moved = s.state === 'OPEN' && s.etaStart && s.etaStart !== s.plannedStart && s.minutesBehind !== 0;
    if (s.state === 'OPEN' && !moved && !flagged.has(s.taskId)) {
      continue;
    }
    const text = s.state === 'OPEN' ? t('live.eta', hhmm(s.eta)) : t('live.state.' + s.state);
    const bar = svg?.querySelector(`rect.seg-service[data-task-id="${CSS.escape(s.taskId)}"]`);
    if (bar) {
      bar.setAttribute('data-live-state', s.state);
      bar.setAttribute('data-eta', s.eta ? hhmm(s.eta) : '');
      bar.classList.toggle('live-flagged', flagged.has(s.taskId));
      const x = Number(bar.getAttribute('x'));
      const y = Number(bar.getAttribute('y'));
      const width = Number(bar.getAttribute('width'));
      const shift = moved && scale ? (new Date(s.etaStart) - new Date(s.plannedStart)) * scale : 0;
      if (shift) {
        const ghost = document.createElementNS(SVG, 'rect');
        ghost.setAttribute('class', 'live-ghost' + (flagged.has(s.taskId) ? ' live-flagged' : ''));
        ghost.setAttribute('x', String(x + shift));
        ghost.setAttribute('y', String(y));
        ghost.setAttribute('width', String(width));
        ghost.setAttribute('height', bar.getAttribute('height'));
        ghost.setAttribute('data-task-id', s.taskId);
        ghost.setAttribute('data-tip', s.taskId + ' · ' + text);
        bar.parentNode.appendChild(ghost);
      }
      const label = document.createElementNS(SVG, 'text');
      label.setAttribute('class', 'live-eta' + (flagged.has(s.taskId) ? ' live-flagged' : ''));
      label.setAttribute('x', String(x + shift));
      label.setAttribute('y', String(y - 2));
      label.setAttribute('data-eta-of', s.taskId);
      label.textContent = s.state === 'OPEN' ? hhmm(s.eta) : '✓';
      bar.parentNode.appendChild(label);
    }
    const pin = document.querySelector(`#map .pin[data-task-id="${CSS.escape(s.taskId)}"]`);
    if (pin) {
      pin.setAttribute('data-live-state', s.state);
      pin.classList.toggle('live-flagged', flagged.has(s.taskId));
      pin.title = s.taskId + ' · ' + text;
    }
  }
}

async function poll() {
  const planId = document.body.dataset.jobId || null;
  if (planId !== live.planId) {
    live.planId = planId;
    live.etag = null;
    live.view = null;
    render();
  }
  if (!planId || document.body.dataset.state !== 'ready' || live.busy || sessionSignal.aborted) {
    return;
  }
  try {
    const headers = { 'Accept': 'application/json', 'Accept-Language': acceptLanguage() };
    if (live.etag) {
      headers['If-None-Match'] = live.etag;
    }
    const response = await fetch('/api/v1/plans/' + encodeURIComponent(planId) + '/live', { headers, signal: sessionSignal });
    if (planId !== live.planId) {
      return;
    }
    if (response.status === 200) {
      live.etag = response.headers.get('ETag');
      live.view = await response.json();
      render();
      decorate();
    } else if (response.status !== 304) {
      live.view = null;     // a plan still solving (409), a role without the view (403): nothing to show
      render();
    }
  } catch (e) {
    // The network is away: the next round tries again.
  }
}

/** The console's "now" (its time field) on the plan's date, as the other same-day changes send it. */
function planAt() {
  const view = live.view;
  const any = stops(view).find(s => s.plannedStart);
  const time = document.getElementById('at-time')?.value || hhmm(new Date());
  return view.date + 'T' + time + ':00' + offsetOf(any?.plannedStart);
}

async function replan() {
  const view = live.view;
  const button = document.getElementById('live-replan');
  if (!view || live.busy) {
    return;
  }
  live.busy = true;
  button.disabled = true;
  button.textContent = t('live.replanning');
  try {
    const id = encodeURIComponent(view.planId);
    // The existing minimal-disruption re-plan, its events built from the records (DONE, DELAY).
    const events = await request('GET', '/api/v1/plans/' + id + '/record-events?at=' + encodeURIComponent(planAt()));
    const accepted = await request('POST', '/api/v1/plans/' + id + '/events', events);
    location.hash = '#plan=' + encodeURIComponent(accepted.id);
  } catch (e) {
    const status = document.getElementById('live-status') || button;
    status.textContent = e instanceof ApiError
      ? (e.title || '') + (e.errors.length ? ' — ' + e.errors.map(x => (x.field ? x.field + ': ' : '') + x.reason).join('; ') : '')
      : String(e);
    button.disabled = false;
    button.textContent = t('live.replan');
  } finally {
    live.busy = false;
  }
}

async function publish() {
  if (!live.view) {
    return;
  }
  try {
    await request('POST', '/api/v1/plans/' + encodeURIComponent(live.view.planId) + '/publish');
    live.etag = null;
    await poll();
  } catch (e) {
    // shown by the next poll's state
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
  document.addEventListener('careroute:lang', () => {
    render();
    decorate();
  });
  // app.js redraws the timeline and the map (a resize, a worker hidden, a language switch): mark them again.
  for (const id of ['gantt', 'map']) {
    const element = document.getElementById(id);
    if (element) {
      new MutationObserver(records => {
        if (records.some(r => [...r.addedNodes].some(n => !(n.classList?.contains('live-ghost') || n.classList?.contains('live-eta'))))) {
          decorate();
        }
      }).observe(element, { childList: true, subtree: true });
    }
  }
  setInterval(poll, POLL_MS);
  poll();
}

start();
