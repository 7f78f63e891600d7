// Drag and drop on the timeline: a dispatcher drags a stop to another worker's row or to another place in a row;
// the edited order goes at once to POST /api/v1/plans/{id}/check, the timeline and map show the stops as the server
// recomputed them, and a card lists every rule the edit breaks (constraint, task, worker, amount). Undo steps back
// through the edits (kept here, nothing is stored); publish sends the order to POST /api/v1/plans/{id}/edits, which
// checks it again and makes it the day's new version (an edit that breaks a hard rule only after a confirmation).
import { request } from './api.js';
import { addTexts, applyStatic, lang, t } from './i18n.js';
import { escapeHtml, minutes } from './format.js';

addTexts({
  zh: {
    'edit.title': '手动调整',
    'edit.hint': '在时间轴上按住一个任务，拖到另一名人员的行或同一行的另一位置；或在地图上把编号站点拖到另一站点（排在其后）或另一条路线上。系统会立即检查。',
    'edit.checking': '正在检查…',
    'edit.feasible': '调整可行：没有违反硬性规则',
    'edit.broken': '调整违反 {0} 条硬性规则',
    'edit.moves': '已调整 {0} 次',
    'edit.ms': '检查用时 {0} 毫秒',
    'edit.undo': '撤销',
    'edit.publish': '发布此调整',
    'edit.discard': '放弃调整',
    'edit.confirmForce': '此调整违反 {0} 条硬性规则。仍要发布吗？',
    'edit.published': '已发布为第 {0} 版',
    'edit.amount.SECONDS': '{0} 分钟',
    'edit.amount.COUNT': '{0}',
    'edit.amount.BOXES': '{0} 箱',
    'edit.amount.METRES': '{0} 米',
    'edit.amount.POINTS': '{0}',
  },
  en: {
    'edit.title': 'Hand edits',
    'edit.hint': 'Hold a stop on the timeline and drag it to another worker\'s row or another place in a row, or on the map drag a numbered stop onto another stop (it goes after it) or onto a route line; it is checked at once.',
    'edit.checking': 'Checking…',
    'edit.feasible': 'The edit is feasible: no hard rule broken',
    'edit.broken': 'The edit breaks {0} hard rule(s)',
    'edit.moves': '{0} move(s)',
    'edit.ms': 'checked in {0} ms',
    'edit.undo': 'Undo',
    'edit.publish': 'Publish this edit',
    'edit.discard': 'Discard edits',
    'edit.confirmForce': 'This edit breaks {0} hard rule(s). Publish it all the same?',
    'edit.published': 'Published as version {0}',
    'edit.amount.SECONDS': '{0} min',
    'edit.amount.COUNT': '{0}',
    'edit.amount.BOXES': '{0} boxes',
    'edit.amount.METRES': '{0} m',
    'edit.amount.POINTS': '{0}',
  },
});

// The solver's constraint names (CareConstraint), Chinese first; English is the name itself.
const CONSTRAINTS_ZH = {
  'Box capacity per trip': '每趟载箱量', 'Time window': '服务时段', 'Back by shift end': '班次结束前返回',
  'Service inside shifts': '在班次内服务', 'Hot-food limit': '热食时限', 'Required skills': '所需技能',
  'Required worker gender': '服务人员性别', 'Refused worker': '老人拒绝的人员', 'Pinned worker': '指定人员',
  'Pinned position': '指定顺序', 'Volunteer daily hours': '志愿者每日时长', 'Volunteer distance from home': '志愿者离家距离',
  'Two-worker visit together': '双人上门同时到达', 'Unassigned task': '未安排的任务',
  'Changed worker against the published plan': '相对已发布方案改派或取消',
  'Start moved far from the published time': '开始时间比已发布的改动超过 15 分钟',
};
const DRAG_PX = 5;
const PLANNERS = ['ADMIN', 'DISPATCHER', 'KITCHEN'];

const $ = id => document.getElementById(id);
const ms = iso => new Date(iso).getTime();
const state = {
  jobId: null,
  job: null,
  shown: null,        // the plan the timeline shows: the job's, or the last check's
  order: null,        // {workers: [{id, taskIds}], unassigned: [...]}: what is being edited
  undo: [],           // earlier {order, check, shown}
  check: null,
  ms: null,
  pending: 0,
  drag: null,
};

function constraintName(name) {
  return lang() === 'en' ? name : (CONSTRAINTS_ZH[name] || name);
}

/** Each worker's task ids in visiting order and the unassigned ones: the body /check and /edits take. */
function orderOf(plan) {
  return {
    workers: plan.workers.map(w => ({
      id: w.id,
      taskIds: w.stops.filter(s => s.taskId && s.kind !== 'KITCHEN' && s.kind !== 'END').map(s => s.taskId),
    })),
    unassigned: plan.tasks.filter(task => !task.assignedTo).map(task => task.id),
  };
}

function copy(order) {
  return { workers: order.workers.map(w => ({ id: w.id, taskIds: [...w.taskIds] })), unassigned: [...order.unassigned] };
}

function build() {
  const card = document.createElement('section');
  card.className = 'card edit-card';
  card.id = 'edit-card';
  card.hidden = true;
  card.innerHTML = `
    <h2><span data-i18n="edit.title"></span> <span class="count" id="edit-count"></span></h2>
    <p id="edit-status" class="edit-status"></p>
    <ol id="edit-violations" class="list edit-violations"></ol>
    <div class="edit-actions">
      <button type="button" class="btn" id="btn-edit-undo" data-i18n="edit.undo"></button>
      <button type="button" class="btn primary" id="btn-edit-publish" data-i18n="edit.publish"></button>
      <button type="button" class="btn ghost" id="btn-edit-discard" data-i18n="edit.discard"></button>
    </div>
    <p class="muted" id="edit-ms"></p>`;
  const hint = document.createElement('p');
  hint.className = 'muted edit-hint';
  hint.id = 'edit-hint';
  hint.dataset.i18n = 'edit.hint';
  $('figures-card').before(card);
  $('gantt').closest('.gantt-panel')?.append(hint);
  applyStatic(card);
  applyStatic(hint.parentElement || document);
  $('btn-edit-undo').addEventListener('click', undo);
  $('btn-edit-discard').addEventListener('click', discard);
  $('btn-edit-publish').addEventListener('click', publish);
}

function canEdit() {
  return state.job && document.body.dataset.state === 'ready' && document.body.dataset.role !== 'WORKER';
}

// ---- dragging on the timeline ----

function wireDrag() {
  const gantt = $('gantt');
  gantt.addEventListener('pointerdown', e => {
    const bar = e.target.closest('[data-task-id]');
    if (!bar || e.button !== 0 || !canEdit()) {
      return;
    }
    state.drag = { taskId: bar.dataset.taskId, x: e.clientX, y: e.clientY, moved: false, bar };
    e.preventDefault();
  });
  window.addEventListener('pointermove', e => {
    const drag = state.drag;
    if (!drag) {
      return;
    }
    if (!drag.moved && Math.hypot(e.clientX - drag.x, e.clientY - drag.y) > DRAG_PX) {
      drag.moved = true;
      document.body.classList.add('edit-dragging');
      drag.bar.classList.add('edit-source');
    }
    if (drag.moved) {
      document.querySelectorAll('#gantt .edit-target').forEach(el => el.classList.remove('edit-target'));
      document.elementFromPoint(e.clientX, e.clientY)?.closest('#gantt [data-worker]')?.classList.add('edit-target');
    }
  });
  window.addEventListener('pointerup', e => {
    const drag = state.drag;
    state.drag = null;
    if (!drag) {
      return;
    }
    document.body.classList.remove('edit-dragging');
    document.querySelectorAll('#gantt .edit-target, #gantt .edit-source')
        .forEach(el => el.classList.remove('edit-target', 'edit-source'));
    if (!drag.moved) {
      return;   // a click: the timeline's own (find it on the map)
    }
    // The click that ends a drag is not a click on a bar.
    window.addEventListener('click', ev => ev.stopPropagation(), { capture: true, once: true });
    const row = document.elementFromPoint(e.clientX, e.clientY)?.closest('#gantt [data-worker]');
    if (row) {
      move(drag.taskId, row.dataset.worker, timeAt(e.clientX));
    }
  });
}

/** The time under a pointer's x on the timeline (the timeline writes its axis on its svg). */
function timeAt(clientX) {
  const svg = $('gantt').querySelector('svg');
  const box = svg.getBoundingClientRect();
  const { from, to, left, span } = svg.dataset;
  return Number(from) + (clientX - box.left - Number(left)) / Number(span) * (Number(to) - Number(from));
}

/** Takes the task out of wherever it is and puts it on the worker's route, before the first stop starting later. */
function move(taskId, workerId, time) {
  const shownRoute = state.shown.workers.find(w => w.id === workerId);
  const before = shownRoute.stops.filter(s => s.taskId && s.kind !== 'KITCHEN' && s.kind !== 'END' && s.taskId !== taskId
      && ms(s.start) < time).length;
  moveTo(taskId, workerId, before);
}

/**
 * The same edit from the map (map-drag.js): the task goes on the worker's route right after the stop
 * {@code afterTaskId} (first when null); checked, shown and undone exactly as a drag on the timeline.
 */
export function moveAfter(taskId, workerId, afterTaskId) {
  if (!canEdit() || !state.order) {
    return;
  }
  const route = state.order.workers.find(w => w.id === workerId);
  if (!route) {
    return;
  }
  const rest = route.taskIds.filter(id => id !== taskId);
  moveTo(taskId, workerId, afterTaskId == null ? 0 : rest.indexOf(afterTaskId) + 1);
}

/** Whether a stop may be dragged now (a plan is shown, the caller is no worker). */
export function editable() {
  return Boolean(canEdit());
}

function moveTo(taskId, workerId, index) {
  const order = copy(state.order);
  for (const route of order.workers) {
    route.taskIds = route.taskIds.filter(id => id !== taskId);
  }
  order.unassigned = order.unassigned.filter(id => id !== taskId);
  order.workers.find(w => w.id === workerId).taskIds.splice(index, 0, taskId);
  if (JSON.stringify(order) === JSON.stringify(state.order)) {
    return;
  }
  state.undo.push({ order: state.order, check: state.check, shown: state.shown, ms: state.ms });
  state.order = order;
  check();
}

async function check() {
  const ticket = ++state.pending;
  const started = performance.now();
  renderCard(true);
  try {
    const result = await request('POST', '/api/v1/plans/' + encodeURIComponent(state.jobId) + '/check', state.order);
    if (ticket !== state.pending) {
      return;
    }
    state.ms = Math.round(performance.now() - started);
    state.check = result;
    state.shown = { ...state.job.plan, workers: result.workers, tasks: result.tasks, totals: result.totals,
      constraints: result.constraints, score: result.score, feasible: result.feasible };
    preview(state.shown);
    renderCard(false);
  } catch (e) {
    if (ticket === state.pending) {
      undo();
      toast(e);
    }
  }
}

function undo() {
  const previous = state.undo.pop();
  if (!previous) {
    return;
  }
  state.pending++;
  state.order = previous.order;
  state.check = previous.check;
  state.shown = previous.shown;
  state.ms = previous.ms;
  preview(state.undo.length ? state.shown : null);
  renderCard(false);
}

function discard() {
  state.pending++;
  reset(state.job);
  preview(null);
}

async function publish() {
  const hard = (state.check?.violations || []).filter(v => v.level === 'HARD').length;
  const force = state.check && !state.check.feasible;
  if (force && !window.confirm(t('edit.confirmForce', Math.max(hard, 1)))) {
    return;
  }
  $('btn-edit-publish').disabled = true;
  try {
    const done = await request('POST', '/api/v1/plans/' + encodeURIComponent(state.jobId) + '/edits'
        + (force ? '?force=true' : ''), state.order);
    $('edit-card').dataset.published = done.planId;
    $('edit-ms').textContent = t('edit.published', done.publication.version);
    window.location.hash = '#plan=' + encodeURIComponent(done.planId);   // the console opens the new version
  } catch (e) {
    toast(e);
  } finally {
    $('btn-edit-publish').disabled = false;
  }
}

function preview(plan) {
  document.dispatchEvent(new CustomEvent('careroute:preview', { detail: { plan } }));
}

function toast(error) {
  const text = error.errors?.length ? error.errors.map(e => (e.field ? e.field + ': ' : '') + e.reason).join('\n')
      : error.message;
  $('edit-status').textContent = text;
  $('edit-card').dataset.state = 'error';
}

// ---- the card ----

function renderCard(checking) {
  const card = $('edit-card');
  const editing = state.undo.length > 0;
  card.hidden = !editing;
  if (!editing) {
    card.dataset.state = 'idle';
    return;
  }
  $('edit-count').textContent = t('edit.moves', state.undo.length);
  const violations = checking ? [] : (state.check?.violations || []);
  const hard = violations.filter(v => v.level === 'HARD');
  card.dataset.state = checking ? 'checking' : (state.check.feasible ? 'feasible' : 'broken');
  $('edit-status').textContent = checking ? t('edit.checking')
      : state.check.feasible ? t('edit.feasible') : t('edit.broken', Math.max(hard.length, 1));
  $('edit-violations').innerHTML = hard.map(v => `
    <li data-constraint="${escapeHtml(v.constraint)}" data-task-id="${escapeHtml(v.taskId || '')}"
        data-worker-id="${escapeHtml(v.workerId || '')}" data-amount="${v.amount}">
      <strong>${escapeHtml(constraintName(v.constraint))}</strong>
      <span class="edit-who">${escapeHtml([v.taskId, v.workerId].filter(Boolean).join(' · '))}</span>
      <span class="edit-amount">${escapeHtml(amount(v))}</span>
      <div class="muted">${escapeHtml(v.message || '')}</div>
    </li>`).join('');
  $('edit-ms').textContent = checking || state.ms == null ? '' : t('edit.ms', state.ms);
  $('edit-ms').dataset.ms = checking || state.ms == null ? '' : String(state.ms);
  const planner = PLANNERS.includes(document.body.dataset.role);
  $('btn-edit-publish').hidden = !planner;
  $('btn-edit-publish').disabled = checking;
}

function amount(violation) {
  if (violation.unit === 'SECONDS') {
    return t('edit.amount.SECONDS', minutes(violation.amount));
  }
  return t('edit.amount.' + violation.unit, violation.amount);
}

function reset(job) {
  state.job = job;
  state.jobId = job?.id || state.jobId;
  state.shown = job?.plan || null;
  state.order = job?.plan ? orderOf(job.plan) : null;
  state.undo = [];
  state.check = null;
  state.ms = null;
  renderCard(false);
}

build();
wireDrag();
document.addEventListener('careroute:plan', e => {
  state.pending++;
  state.jobId = e.detail.jobId;
  reset(e.detail.job);
});
document.addEventListener('careroute:lang', () => {
  applyStatic($('edit-card'));
  if (state.check) {
    renderCard(false);
  }
});
