// The dispatcher's console: loads a plan job, shows it (map, timeline, figures, unassigned list) and sends the
// day's changes (absent worker, urgent visit, pin) as events; each answer is a re-plan job with its change list.
import { api, ApiError, features, wireLogout } from './api.js';
import { applyStatic, label, lang, setLang, t } from './i18n.js';
import { colour, escapeHtml, hhmm, hoursMinutesHtml, isoAt, km, offsetOf, parseScore, setZone, windowText } from './format.js';
import { RouteMap } from './map.js';
import { Gantt } from './gantt.js';

const $ = id => document.getElementById(id);
const RECENT_KEY = 'careroute.recent';
const POLL_MS = 500;

const state = {
  jobId: null,
  job: null,
  plan: null,
  routes: null,
  problem: null,
  colours: new Map(),
  changed: new Map(),       // taskId -> change
  hidden: new Set(),
  samples: [],              // [seconds, score] while solving: the best score over time
  features: { list: false, stop: false },
  polling: 0,
};

const routeMap = new RouteMap($('map'), {
  onPin: taskId => openAction('pin', { taskId }),
  onAbsent: workerId => openAction('absent', { workerId }),
});
const gantt = new Gantt($('gantt'), {
  onTask: taskId => routeMap.focusTask(taskId),
  onWorker: workerId => routeMap.focusWorker(workerId),
});

function setBodyState(value) {
  document.body.dataset.state = value;
}

// ---- loading and polling jobs ----

async function loadJob(id) {
  const poll = ++state.polling;
  state.jobId = id;
  state.samples = [];
  document.body.dataset.jobId = id;
  history.replaceState(null, '', '#plan=' + encodeURIComponent(id));
  setBodyState('solving');
  showBusy(t('progress.loading'));
  try {
    for (;;) {
      const job = await api.job(id);
      if (poll !== state.polling) {
        return;     // another job was loaded meanwhile
      }
      showProgress(job);
      if (job.status === 'SOLVED' || job.status === 'STOPPED' || job.status === 'INTERRUPTED' || job.status === 'FAILED') {
        if (!job.plan) {
          throw new ApiError(500, { title: t('error.failed', job.failure || job.status) });
        }
        // A worker sees their own route only: the day's problem (every elder) is not theirs to read.
        const problem = state.me?.role === 'WORKER' ? Promise.resolve(null) : api.problem(id).catch(() => null);
        const [routes, day] = await Promise.all([api.routes(id), problem]);
        if (poll !== state.polling) {
          return;
        }
        show(job, routes, day);
        remember(job);
        return;
      }
      await new Promise(resolve => setTimeout(resolve, POLL_MS));
    }
  } catch (e) {
    if (poll === state.polling) {
      hideBusy();
      setBodyState(state.plan ? 'ready' : 'empty');
      $('empty').hidden = Boolean(state.plan);
      toast(e);
    }
  }
}

function showProgress(job) {
  $('status-chip').dataset.status = job.status;
  $('status-chip').textContent = label('status', job.status);
  $('job-title').textContent = t('plan.id', shortId(job.id)) + (job.replanOf ? ' · ' + t('plan.replanOf', shortId(job.replanOf)) : '');
  const parts = [t('progress.elapsed', Number(job.solveSeconds || 0).toFixed(1))];
  if (job.score) {
    parts.push(t('progress.score', job.score));
    const score = parseScore(job.score);
    if (score) {
      const last = state.samples[state.samples.length - 1];
      if (!last || last[0] !== job.solveSeconds) {
        state.samples.push([job.solveSeconds, score]);
      }
    }
  }
  $('job-progress').textContent = parts.join(' · ');
  drawSparkline();
  const solving = job.status === 'QUEUED' || job.status === 'SOLVING';
  $('btn-stop').hidden = !(solving && state.features.stop);
  if (solving) {
    showBusy(label('status', job.status) + ' · ' + parts.join(' · '));
  }
}

/** The best score over time while solving: hard, then medium, then soft, each scaled to the line's height. */
function drawSparkline() {
  const svg = $('sparkline');
  const samples = state.samples;
  if (samples.length < 2) {
    svg.innerHTML = '';
    return;
  }
  const values = samples.map(([, s]) => s.hard * 1e12 + s.medium * 1e6 + s.soft);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const t0 = samples[0][0];
  const t1 = samples[samples.length - 1][0] || 1;
  const points = samples.map(([sec], i) => {
    const x = 2 + (sec - t0) / Math.max(0.001, t1 - t0) * 116;
    const y = max === min ? 13 : 23 - (values[i] - min) / (max - min) * 20;
    return x.toFixed(1) + ',' + y.toFixed(1);
  });
  svg.innerHTML = `<polyline points="${points.join(' ')}" fill="none" stroke="#7dd3fc" stroke-width="1.8"/>`;
}

function show(job, routes, problem) {
  state.job = job;
  state.plan = job.plan;
  state.routes = routes;
  state.problem = problem;
  setZone(job.plan.timeZone);
  state.colours = new Map(job.plan.workers.map((w, i) => [w.id, colour(i)]));
  state.changed = new Map((job.changes || []).map(c => [c.taskId, c]));
  state.hidden = new Set([...state.hidden].filter(id => state.colours.has(id)));
  $('empty').hidden = true;
  hideBusy();
  $('btn-sheets').disabled = false;
  $('btn-stop').hidden = true;
  showProgress(job);
  fillActionDefaults();
  render();
  setBodyState('ready');
  document.dispatchEvent(new CustomEvent('careroute:plan', { detail: { jobId: state.jobId, job } }));   // drag-edit.js
}

function view() {
  return {
    job: state.job,
    plan: state.plan,
    routes: state.routes,
    problem: state.problem,
    colours: state.colours,
    changed: state.changed,
    hidden: state.hidden,
    at: currentAt(),
    changeLabel: taskId => changeText(state.changed.get(taskId)),
  };
}

function render() {
  if (!state.plan) {
    return;
  }
  routeMap.render(view());
  gantt.render(view());
  renderFigures();
  renderChanges();
  renderUnassigned();
  renderLegend();
  renderActionOptions();
}

// ---- panels ----

function renderFigures() {
  const plan = state.plan;
  const totals = plan.totals;
  const score = parseScore(plan.score);
  const tile = (name, value, extra = '', cls = '') =>
    `<div class="figure ${cls}"><div class="figure-name">${escapeHtml(name)}</div><div class="figure-value">${value}</div>${extra ? `<div class="figure-extra">${extra}</div>` : ''}</div>`;
  const totalWorkers = plan.workers.length;
  $('figures').innerHTML = `
    <div class="score-line ${plan.feasible ? 'ok' : 'bad'}">
      <span class="score-badge">${escapeHtml(plan.feasible ? t('figures.feasible') : t('figures.infeasible'))}</span>
      <span class="score-text" title="${escapeHtml(t('figures.score'))}">${score
        ? `<b>${score.hard}</b>hard · <b>${score.medium}</b>medium · <b>${score.soft}</b>soft` : escapeHtml(plan.score)}</span>
    </div>
    <div class="figure-grid">
      ${tile(t('figures.assigned'), `<span id="fig-assigned">${totals.assigned}</span><small> / ${totals.tasks}</small>`, escapeHtml(t('figures.deliveries', totals.deliveries, totals.visits)))}
      ${tile(t('figures.unassigned'), `<span id="fig-unassigned">${totals.unassigned}</span>`, '', totals.unassigned ? 'warn' : '')}
      ${tile(t('figures.workers'), `${totals.workersUsed}<small> / ${totalWorkers}</small>`)}
      ${tile(t('figures.distance'), `${km(totals.travelMetres)}<small> ${escapeHtml(t('unit.km'))}</small>`)}
      ${tile(t('figures.travel'), hoursMinutesHtml(totals.travelSeconds))}
      ${tile(t('figures.waiting'), hoursMinutesHtml(totals.waitingSeconds))}
    </div>`;
}

/** "C03 → C05 · 10:20 → 10:45"; one worker or time where it stays the same or where there was none before. */
function changeDetail(change) {
  const pair = (from, to) => (from && to && from !== to) ? from + ' → ' + to : (to ? (from ? to : '→ ' + to) : (from ? from + ' →' : ''));
  return [pair(change.fromWorker, change.toWorker),
    pair(change.oldStart && hhmm(change.oldStart), change.newStart && hhmm(change.newStart))].filter(Boolean).join(' · ');
}

function changeText(change) {
  return change ? label('changes', change.change) + ' · ' + changeDetail(change) : '';
}

// What a dispatcher must phone about first: new workers, additions, removals; small re-timings last.
const CHANGE_ORDER = ['MOVED', 'ADDED', 'UNASSIGNED', 'REMOVED', 'RETIMED'];

function renderChanges() {
  const card = $('changes-card');
  if (!state.job?.replanOf) {
    card.hidden = true;
    return;
  }
  card.hidden = false;
  const changes = [...(state.job.changes || [])].sort((a, b) =>
    CHANGE_ORDER.indexOf(a.change) - CHANGE_ORDER.indexOf(b.change) || a.taskId.localeCompare(b.taskId));
  const byKind = CHANGE_ORDER.map(kind => [kind, changes.filter(c => c.change === kind).length]).filter(([, n]) => n);
  $('changes-count').textContent = t('changes.count', changes.length);
  const tasks = new Map(state.plan.tasks.map(task => [task.id, task]));
  const summary = byKind.length ? `<li class="change-summary">${byKind.map(([kind, n]) =>
    `<span class="tag tag-${kind.toLowerCase()}">${escapeHtml(label('changes', kind))} ${n}</span>`).join(' ')}</li>` : '';
  $('changes').innerHTML = changes.length ? summary + changes.map(c => {
    const task = tasks.get(c.taskId);
    return `<li class="change-item" data-task-id="${escapeHtml(c.taskId)}" data-change="${escapeHtml(c.change)}">
      <span class="tag tag-${c.change.toLowerCase()}">${escapeHtml(label('changes', c.change))}</span>
      <b>${escapeHtml(c.taskId)}</b>${task ? ' · ' + escapeHtml(label('kind', task.kind)) : ''}
      <div class="change-detail">${escapeHtml(changeDetail(c))}</div></li>`;
  }).join('') : `<li class="muted">${escapeHtml(t('changes.none'))}</li>`;
}

function renderUnassigned() {
  const open = state.plan.tasks.filter(task => !task.assignedTo);
  $('unassigned-count').textContent = String(open.length);
  const elders = new Map((state.problem?.elders || []).map(e => [e.id, e]));
  $('unassigned').innerHTML = open.length ? open.map(task => {
    const elder = elders.get(task.elderId);
    const who = escapeHtml(task.elderId || '') + (elder?.name ? ' ' + escapeHtml(elder.name) : '')
      + (elder?.priorityClass ? ` <span class="tag">${escapeHtml(label('class', elder.priorityClass))}</span>` : '');
    const changed = state.changed.has(task.id) ? ' changed' : '';
    return `<li class="unassigned-item${changed}" data-task-id="${escapeHtml(task.id)}">
      <div><b>${escapeHtml(task.id)}</b> · ${escapeHtml(label('kind', task.kind))} · ${who}</div>
      <div class="muted">${escapeHtml((task.windows || []).map(windowText).join(', '))}</div>
      <div class="reason">${escapeHtml(task.unassignedReason || '')}</div></li>`;
  }).join('') : `<li class="muted none">${escapeHtml(t('unassigned.none'))}</li>`;
}

function renderLegend() {
  const roles = new Map((state.problem?.workers || []).map(w => [w.id, w.role]));
  $('legend').innerHTML = state.plan.workers.map(route => {
    const tasks = route.totals?.tasks ?? route.stops.filter(s => s.taskId).length;
    const role = roles.get(route.id);
    const checked = state.hidden.has(route.id) ? '' : 'checked';
    return `<li class="worker-item${tasks ? '' : ' idle'}" data-worker="${escapeHtml(route.id)}">
      <label><input type="checkbox" ${checked} data-toggle-worker="${escapeHtml(route.id)}">
      <span class="swatch" style="background:${state.colours.get(route.id)}"></span><b>${escapeHtml(route.id)}</b></label>
      <span class="muted">${escapeHtml(label('mode', route.mode))}${role ? ' · ' + escapeHtml(label('role', role)) : ''}</span>
      <span class="worker-figures">${tasks ? escapeHtml(t('legend.tasks', tasks)) + ' · ' + km(route.totals?.travelMetres) + ' ' + escapeHtml(t('unit.km')) : escapeHtml(t('legend.idle'))}</span>
    </li>`;
  }).join('');
}

// ---- recent plans ----

function remember(job) {
  const list = JSON.parse(localStorage.getItem(RECENT_KEY) || '[]').filter(item => item.id !== job.id);
  list.unshift({ id: job.id, replanOf: job.replanOf || null, score: job.score, feasible: job.feasible, savedAt: new Date().toISOString() });
  localStorage.setItem(RECENT_KEY, JSON.stringify(list.slice(0, 12)));
  renderRecent();
}

async function renderRecent() {
  let list = JSON.parse(localStorage.getItem(RECENT_KEY) || '[]');
  if (state.features.list) {
    try {
      const answer = await api.list();
      const items = Array.isArray(answer) ? answer : (answer?.items || answer?.content || answer?.plans || []);
      const fromApi = items.filter(item => item && item.id).map(item => ({ id: item.id, replanOf: item.replanOf || null,
        score: item.score, feasible: item.feasible, savedAt: item.submitted || item.createdAt || item.savedAt }));
      const known = new Set(fromApi.map(item => item.id));
      list = fromApi.concat(list.filter(item => !known.has(item.id)));
    } catch (e) {
      // the local list is still there
    }
  }
  $('recent').innerHTML = list.length ? list.slice(0, 12).map(item => `
    <li class="recent-item${item.id === state.jobId ? ' current' : ''}" data-open-job="${escapeHtml(item.id)}">
      <span class="tag">${escapeHtml(t(item.replanOf ? 'recent.replan' : 'recent.plan'))}</span>
      <code>${escapeHtml(shortId(item.id))}</code>
      <span class="muted">${item.savedAt ? escapeHtml(new Date(item.savedAt).toLocaleString(lang() === 'en' ? 'en-GB' : 'zh-CN', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' })) : ''}</span>
      <span class="recent-score ${item.feasible === false ? 'bad' : ''}">${escapeHtml(item.score || '')}</span>
    </li>`).join('') : `<li class="muted">${escapeHtml(t('recent.none'))}</li>`;
}

// ---- same-day changes ----

function planDate() {
  if (state.problem?.date) {
    return state.problem.date;
  }
  const first = state.plan.workers.find(w => w.departure)?.departure || state.plan.workers[0]?.shift?.start;
  return first ? first.slice(0, 10) : new Date().toISOString().slice(0, 10);
}

function planOffset() {
  const first = state.plan.workers.find(w => w.departure)?.departure || state.plan.workers[0]?.shift?.start;
  return offsetOf(first);
}

function currentAt() {
  const value = $('at-time').value;
  return state.plan && value ? isoAt(planDate(), value, planOffset()) : null;
}

/** "Now" defaults to the clock when the plan is for today and the day is under way, else to the day's start. */
function fillActionDefaults() {
  const plan = state.plan;
  const starts = plan.workers.flatMap(w => (w.shifts || []).map(s => new Date(s.start).getTime()));
  const ends = plan.workers.flatMap(w => (w.shifts || []).map(s => new Date(s.end).getTime()));
  const first = Math.min(...starts);
  const last = Math.max(...ends);
  const now = Date.now();
  const at = now > first && now < last ? now : first;
  if (!state.job.replanOf || !$('at-time').value) {
    $('at-time').value = Number.isFinite(at) ? hhmm(at) : '08:00';
  }
  $('absent-from').value = $('at-time').value;
  const [h, m] = $('at-time').value.split(':').map(Number);
  const start = Math.ceil((h * 60 + m + 15) / 15) * 15;
  const end = Math.min(start + 120, 23 * 60 + 59);
  $('urgent-start').value = minutesText(start);
  $('urgent-end').value = minutesText(end);
}

function minutesText(total) {
  const clamped = Math.min(total, 23 * 60 + 59);
  return String(Math.floor(clamped / 60)).padStart(2, '0') + ':' + String(clamped % 60).padStart(2, '0');
}

function options(select, items, selected) {
  const keep = selected ?? select.value;
  select.innerHTML = items.map(([value, text]) => `<option value="${escapeHtml(value)}">${escapeHtml(text)}</option>`).join('');
  if (items.some(([value]) => value === keep)) {
    select.value = keep;
  }
}

function renderActionOptions() {
  const plan = state.plan;
  const workers = plan.workers.map(w => [w.id, `${w.id} · ${label('mode', w.mode)}`]);
  options($('absent-worker'), workers);
  options($('pin-worker'), workers);
  const elders = state.problem?.elders || [...new Set(plan.tasks.map(task => task.elderId))].map(id => ({ id }));
  options($('urgent-elder'), elders.map(e => [e.id, e.id + (e.name ? ' ' + e.name : '') + (e.priorityClass ? ' · ' + label('class', e.priorityClass) : '')]));
  const types = ['EMERGENCY', 'CHECK_IN', 'CLEANING', 'BATHING', 'MEDICAL_ESCORT', 'ERRAND', 'REPAIR'];
  options($('urgent-type'), types.map(type => [type, label('visit', type)]));
  const skills = [...new Set((state.problem?.workers || []).flatMap(w => (w.skills || []).map(s => s.skill)))].sort();
  options($('urgent-skill'), [['', t('actions.urgent.noSkill')], ...skills.map(s => [s, label('visit', s)])]);
  const visitTypes = new Map((state.problem?.visits || []).map(v => [v.id, v.type]));
  const starts = new Map(plan.workers.flatMap(w => w.stops.filter(s => s.taskId).map(s => [s.taskId, s.start])));
  // A two-worker visit is pinned by its own id (its lead part), never by its second worker's part ("V3#2").
  const visits = plan.tasks.filter(task => task.kind === 'VISIT' && (!state.problem || visitTypes.has(task.id))).map(task => [task.id,
    `${task.id} · ${visitTypes.has(task.id) ? label('visit', visitTypes.get(task.id)) : label('kind', 'VISIT')} · `
    + (task.assignedTo ? `${task.assignedTo} ${hhmm(starts.get(task.id))}` : t('map.unassigned'))]);
  options($('pin-visit'), visits);
}

function openAction(tab, values) {
  selectTab(tab);
  if (values.taskId) {
    $('pin-visit').value = values.taskId;
    const task = state.plan.tasks.find(x => x.id === values.taskId);
    const other = state.plan.workers.find(w => w.id !== task?.assignedTo);
    if (other) {
      $('pin-worker').value = other.id;
    }
  }
  if (values.workerId) {
    $('absent-worker').value = values.workerId;
  }
  $('actions-card').scrollIntoView({ behavior: 'smooth', block: 'start' });
  $('actions-card').classList.add('flash');
  setTimeout(() => $('actions-card').classList.remove('flash'), 1200);
}

function selectTab(tab) {
  document.querySelectorAll('#actions-card .tab').forEach(b => b.classList.toggle('active', b.dataset.tab === tab));
  document.querySelectorAll('#actions-card .action-form').forEach(f => { f.hidden = f.dataset.panel !== tab; });
}

function newVisitId() {
  const taken = new Set(state.plan.tasks.map(task => task.id));
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(8, 14);
  let id = 'U' + stamp;
  for (let i = 2; taken.has(id); i++) {
    id = 'U' + stamp + '-' + i;
  }
  return id;
}

function eventsFor(form) {
  const date = planDate();
  const offset = planOffset();
  const data = new FormData(form);
  switch (form.id) {
    case 'form-absent':
      return [{ type: 'WORKER_UNAVAILABLE', workerId: data.get('workerId'), from: isoAt(date, data.get('from'), offset) }];
    case 'form-urgent': {
      const skill = data.get('skill');
      return [{
        type: 'NEW_VISIT',
        visit: {
          id: newVisitId(), elderId: data.get('elderId'), type: data.get('type'),
          requiredSkills: skill ? [skill] : [], durationMinutes: Number(data.get('duration')),
          windows: [{ start: isoAt(date, data.get('windowStart'), offset), end: isoAt(date, data.get('windowEnd'), offset) }],
          priority: 5, urgent: true, workersNeeded: 1,
        },
      }];
    }
    case 'form-pin':
      return [{ type: 'PIN', taskId: data.get('taskId'), workerId: data.get('workerId') }];
    default:
      return [];
  }
}

async function submitEvents(form) {
  const errors = form.querySelector('.form-errors');
  errors.innerHTML = '';
  if (!state.plan || !state.jobId) {
    errors.innerHTML = `<li>${escapeHtml(t('actions.needPlan'))}</li>`;
    return;
  }
  const body = { at: currentAt(), events: eventsFor(form) };
  setBodyState('replanning');
  showBusy(t('actions.sending'));
  form.querySelectorAll('button').forEach(b => { b.disabled = true; });
  try {
    // Events apply to the day's published plan. The plan on screen is the one the dispatcher works from (and sends
    // out), so it becomes the published version first: a re-plan of a re-plan needs that.
    if (state.job && state.job.published === false) {
      await api.publish(state.jobId);
      state.job.published = true;
    }
    const accepted = await api.events(state.jobId, body);
    await loadJob(accepted.id);
    $('changes-card').scrollIntoView({ behavior: 'smooth', block: 'start' });
  } catch (e) {
    hideBusy();
    setBodyState('ready');
    if (e instanceof ApiError && e.errors.length) {
      errors.innerHTML = e.errors.map(x => `<li><code>${escapeHtml(x.field || x.row || '')}</code> ${escapeHtml(x.reason || '')}</li>`).join('');
    } else {
      toast(e);
    }
  } finally {
    form.querySelectorAll('button').forEach(b => { b.disabled = false; });
  }
}

// ---- top bar ----

async function planDemo() {
  setBodyState('solving');
  showBusy(label('status', 'QUEUED'));
  $('empty').hidden = true;
  try {
    const problem = await api.demoProblem();
    const accepted = await api.submit(problem);
    await loadJob(accepted.id);
  } catch (e) {
    hideBusy();
    setBodyState(state.plan ? 'ready' : 'empty');
    $('empty').hidden = Boolean(state.plan);
    toast(e);
  }
}

function showBusy(text) {
  $('busy').hidden = false;
  $('busy-text').textContent = text;
}

function hideBusy() {
  $('busy').hidden = true;
}

let toastTimer = 0;
function toast(error) {
  const box = $('toast');
  const details = error instanceof ApiError && error.errors.length
    ? error.errors.map(x => (x.field ? x.field + ': ' : '') + x.reason).join('; ') : '';
  box.textContent = (error instanceof ApiError ? (error.title || t('error.title')) : t('error.title'))
    + (error.message && error.message !== error.title ? ' — ' + error.message : '') + (details ? ' — ' + details : '');
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.hidden = true; }, 8000);
}

function jobInHash() {
  const match = /#plan=([^&]+)/.exec(location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

function shortId(id) {
  return id && id.length > 12 ? id.slice(0, 8) : id;
}

/** The organisation with the code its users log in with (name@code). */
function organisationLabel(me) {
  return me.organisation.code ? `${me.organisation.name} (@${me.organisation.code})` : me.organisation.name;
}

function switchLanguage() {
  setTimeout(() => state.me && ($('who').title = t('who.title', state.me.name, organisationLabel(state.me),
      label('role', state.me.role) + (state.me.workerId ? ' ' + state.me.workerId : ''))));
  setLang(lang() === 'en' ? 'zh' : 'en');
  routeMap.relabel();
  if (state.job) {
    showProgress(state.job);
  } else {
    $('status-chip').textContent = t('status.none');
  }
  render();
  renderRecent();
}

// ---- wiring ----

function wire() {
  $('btn-demo').addEventListener('click', planDemo);
  $('btn-demo-2').addEventListener('click', planDemo);
  $('btn-lang').addEventListener('click', switchLanguage);
  $('btn-sheets').addEventListener('click', () => {
    if (state.jobId) {
      window.open(api.sheetsUrl(state.jobId, lang()), '_blank', 'noopener');
    }
  });
  $('btn-stop').addEventListener('click', () => state.jobId && api.stop(state.jobId).catch(toast));
  $('btn-show-all').addEventListener('click', () => {
    state.hidden.clear();
    routeMap.setHidden(state.hidden);
    renderLegend();
    gantt.render(view());
  });
  document.querySelectorAll('#actions-card .tab').forEach(b => b.addEventListener('click', () => selectTab(b.dataset.tab)));
  document.querySelectorAll('#actions-card .action-form').forEach(form => form.addEventListener('submit', e => {
    e.preventDefault();
    submitEvents(form);
  }));
  $('at-time').addEventListener('change', () => {
    $('absent-from').value = $('at-time').value;
    if (state.plan) {
      gantt.render(view());
    }
  });
  $('legend').addEventListener('change', e => {
    const id = e.target.dataset.toggleWorker;
    if (id) {
      if (e.target.checked) {
        state.hidden.delete(id);
      } else {
        state.hidden.add(id);
      }
      routeMap.setHidden(state.hidden);
      gantt.render(view());
    }
  });
  $('legend').addEventListener('click', e => {
    const item = e.target.closest('[data-worker]');
    if (item && !e.target.closest('label')) {
      routeMap.focusWorker(item.dataset.worker);
    }
  });
  for (const list of ['unassigned', 'changes']) {
    $(list).addEventListener('click', e => {
      const item = e.target.closest('[data-task-id]');
      if (item) {
        routeMap.focusTask(item.dataset.taskId);
      }
    });
  }
  $('recent').addEventListener('click', e => {
    const item = e.target.closest('[data-open-job]');
    if (item) {
      loadJob(item.dataset.openJob);
    }
  });
  // drag-edit.js draws a hand-edited order as checked by the server (null: the plan itself again).
  document.addEventListener('careroute:preview', e => {
    if (state.job) {
      state.plan = e.detail?.plan || state.job.plan;
      render();
    }
  });
  window.addEventListener('hashchange', () => {
    const id = jobInHash();
    if (id && id !== state.jobId) {
      loadJob(id);
    }
  });
  let resize = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resize);
    resize = setTimeout(() => {
      routeMap.invalidate();
      if (state.plan) {
        gantt.render(view());
      }
    }, 150);
  });
}

/** Who is logged in, in the top bar; roles that may not plan do not see the buttons that would be refused. */
async function showCaller() {
  try {
    state.me = await api.me();
  } catch (e) {
    return;   // 401 goes to the login page
  }
  const me = state.me;
  document.body.dataset.role = me.role;
  $('who').textContent = me.name;
  $('who').title = t('who.title', me.name, organisationLabel(me), label('role', me.role)
      + (me.workerId ? ' ' + me.workerId : ''));
  $('who').dataset.role = me.role;
}

async function start() {
  setLang(lang());
  applyStatic();
  $('status-chip').textContent = t('status.none');
  wire();
  wireLogout($('logout-form'), $('logout-csrf'));
  await showCaller();
  const [roads, found] = await Promise.all([api.roads().catch(() => null), features()]);
  state.features = found;
  if (roads) {
    routeMap.drawRoads(roads);
  }
  renderRecent();
  const fromHash = jobInHash();
  if (fromHash) {
    return loadJob(fromHash);
  }
  try {
    const demo = await api.demoJob();
    return loadJob(demo.id);
  } catch (e) {
    $('empty').hidden = false;
    setBodyState('empty');
  }
}

start();
