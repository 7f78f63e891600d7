// Offered slots in the console's "urgent visit" form: while the caller is on the phone the dispatcher asks for the
// best (worker, start) fits of the visit as filled in (POST /api/v1/plans/{id}/recommendations), sees each with its
// worker, start–end, score change and how many published tasks it would move, and takes one: the re-plan event that
// adds the visit pinned to that worker (the same NEW_VISIT the form sends, with pinnedWorkerId) and to the start the
// caller was promised: its window becomes that one instant, as a pinned start in problem.json does (the worker may
// arrive early and wait, never start late), so the re-plan keeps the offer as made.
import { ApiError, request } from './api.js';
import { addTexts, applyStatic, t } from './i18n.js';
import { escapeHtml, hhmm, isoAt, offsetOf } from './format.js';

addTexts({
  zh: {
    'recommend.ask': '推荐时段',
    'recommend.asking': '正在计算推荐时段…',
    'recommend.found': '共 {0} 个推荐时段（已评估 {1} 个位置），最好的在前：',
    'recommend.none': '没有推荐时段：{0}',
    'recommend.score': '评分变化',
    'recommend.moved': '影响其他任务 {0} 个',
    'recommend.take': '采用',
    'recommend.taking': '正在按所选服务人员重新调度…',
    'recommend.needPlan': '请先打开一个方案',
  },
  en: {
    'recommend.ask': 'Offer slots',
    'recommend.asking': 'Finding slots…',
    'recommend.found': '{0} slots ({1} positions scored), best first:',
    'recommend.none': 'No slot to offer: {0}',
    'recommend.score': 'Score change',
    'recommend.moved': '{0} other tasks moved',
    'recommend.take': 'Take',
    'recommend.taking': 'Re-planning with the chosen worker…',
    'recommend.needPlan': 'Open a plan first',
  },
});

const $ = id => document.getElementById(id);
const state = { planId: null, plan: null, visit: null, answer: null, error: null };

function build() {
  const form = $('form-urgent');
  if (!form || $('recommend-box')) {
    return;
  }
  const box = document.createElement('div');
  box.id = 'recommend-box';
  box.className = 'recommend-box';
  box.innerHTML = `
    <button type="button" class="btn" id="btn-recommend" data-i18n="recommend.ask"></button>
    <p id="recommend-status" class="muted"></p>
    <ol id="recommend-list" class="list"></ol>`;
  form.querySelector('.form-errors').before(box);
  // Slots are the dispatcher's and the administrator's (a kitchen plans meals); a viewer and a worker see no form.
  const style = document.createElement('style');
  style.textContent = 'body[data-role="KITCHEN"] #recommend-box { display: none; }'
    + ' .recommend-box { margin-top: .5rem; } .recommend-slot { display: flex; flex-wrap: wrap; gap: .25rem .5rem;'
    + ' align-items: center; } .recommend-slot button { margin-left: auto; }';
  document.head.append(style);
  applyStatic(box);
  $('btn-recommend').addEventListener('click', ask);
  $('recommend-list').addEventListener('click', e => {
    const button = e.target.closest('[data-take]');
    if (button) {
      take(state.answer.recommendations[Number(button.dataset.take)], button);
    }
  });
  document.addEventListener('careroute:lang', () => {
    applyStatic(box);
    render();
  });
  window.addEventListener('hashchange', () => {   // another plan: its slots are not these
    state.answer = null;
    state.error = null;
    render();
  });
}

function planInHash() {
  const match = /#plan=([^&]+)/.exec(location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

/** The plan's date and offset, from its first shift (the console writes new times the same way). */
function clock(plan) {
  const first = plan.workers.find(w => w.departure)?.departure || plan.workers.find(w => w.shift)?.shift.start;
  return { date: first.slice(0, 10), offset: offsetOf(first) };
}

/** The visit as the form describes it, with an id the plan does not have yet. */
function visitFromForm(plan) {
  const form = $('form-urgent');
  const data = new FormData(form);
  const { date, offset } = clock(plan);
  const skill = data.get('skill');
  const taken = new Set(plan.tasks.map(task => task.id));
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(8, 14);
  let id = 'U' + stamp;
  for (let i = 2; taken.has(id); i++) {
    id = 'U' + stamp + '-' + i;
  }
  return {
    id, elderId: data.get('elderId'), type: data.get('type'), requiredSkills: skill ? [skill] : [],
    durationMinutes: Number(data.get('duration')),
    windows: [{ start: isoAt(date, data.get('windowStart'), offset), end: isoAt(date, data.get('windowEnd'), offset) }],
    priority: 5, urgent: true, workersNeeded: 1,
  };
}

async function ask() {
  state.planId = planInHash();
  state.answer = null;
  state.error = null;
  if (!state.planId) {
    state.error = t('recommend.needPlan');
    render();
    return;
  }
  $('recommend-box').dataset.state = 'asking';
  $('recommend-status').textContent = t('recommend.asking');
  $('recommend-list').innerHTML = '';
  try {
    const job = await request('GET', '/api/v1/plans/' + encodeURIComponent(state.planId));
    state.plan = job.plan;
    state.published = job.published;
    state.visit = visitFromForm(job.plan);
    // "Now" as the form's other changes use it: no slot before it, none ahead of a stop already started.
    const { date, offset } = clock(job.plan);
    const at = $('at-time').value ? '&at=' + encodeURIComponent(isoAt(date, $('at-time').value, offset)) : '';
    state.answer = await request('POST', '/api/v1/plans/' + encodeURIComponent(state.planId) + '/recommendations?top=5'
      + at, state.visit);
  } catch (e) {
    state.error = e;
  }
  render();
}

function render() {
  const box = $('recommend-box');
  if (!box) {
    return;
  }
  const status = $('recommend-status');
  const list = $('recommend-list');
  list.innerHTML = '';
  if (state.error) {
    box.dataset.state = 'error';
    const e = state.error;
    status.innerHTML = e instanceof ApiError && e.errors.length
      ? e.errors.map(x => `<code>${escapeHtml(x.field || '')}</code> ${escapeHtml(x.reason || '')}`).join('<br>')
      : escapeHtml(e.message || String(e));
    return;
  }
  const answer = state.answer;
  if (!answer) {
    box.dataset.state = 'idle';
    status.textContent = '';
    return;
  }
  const slots = answer.recommendations;
  box.dataset.state = slots.length ? 'offered' : 'none';
  status.textContent = slots.length ? t('recommend.found', slots.length, answer.tried) : t('recommend.none', answer.reason);
  list.innerHTML = slots.map((slot, i) => `
    <li class="recommend-slot" data-worker="${escapeHtml(slot.workerId)}" data-start="${escapeHtml(slot.start)}">
      <strong>${escapeHtml(slot.workerId)}</strong> ${escapeHtml(hhmm(slot.start))}–${escapeHtml(hhmm(slot.end))}
      <small class="muted">${escapeHtml(t('recommend.score'))} <code>${escapeHtml(slot.scoreDelta)}</code> ·
        ${escapeHtml(t('recommend.moved', slot.moved))}</small>
      <button type="button" class="btn small" data-take="${i}">${escapeHtml(t('recommend.take'))}</button>
    </li>`).join('');
  box.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
}

/** Sends the re-plan event adding the visit pinned to the slot's worker, then opens the re-plan (the console follows it). */
async function take(slot, button) {
  const { date, offset } = clock(state.plan);
  const at = $('at-time').value ? isoAt(date, $('at-time').value, offset) : null;
  const promised = [{ start: slot.start, end: slot.start }];
  const body = { at, events: [{ type: 'NEW_VISIT',
    visit: { ...state.visit, windows: promised, pinnedWorkerId: slot.workerId } }] };
  $('recommend-list').querySelectorAll('button').forEach(b => { b.disabled = true; });
  $('recommend-status').textContent = t('recommend.taking');
  try {
    // Events apply to the published plan: the plan on screen is the one the dispatcher works from (as the form does).
    if (state.published === false) {
      await request('POST', '/api/v1/plans/' + encodeURIComponent(state.planId) + '/publish');
    }
    const accepted = await request('POST', '/api/v1/plans/' + encodeURIComponent(state.planId) + '/events', body);
    $('recommend-box').dataset.takenPlan = accepted.id;
    state.answer = null;
    render();
    location.hash = '#plan=' + encodeURIComponent(accepted.id);
  } catch (e) {
    state.error = e;
    render();
  } finally {
    button.disabled = false;
  }
}

build();
