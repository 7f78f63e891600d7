// The week view: plans a week from the organisation's stored register as a job (/api/v1/weeks), follows it, shows a
// grid (a row per worker, a column per date: tasks and hours), an elder's visits across the week, continuity and each
// care plan's planned/owed with the reason, and publishes the week into day plans (each opens in the console).
import { ApiError, request } from './api.js';
import { addTexts, applyStatic, label, lang, t } from './i18n.js';
import { escapeHtml, hhmm, setZone } from './format.js';

addTexts({
  zh: {
    'week.open': '周计划',
    'week.title': '一周计划（按台账）',
    'week.close': '返回当天调度',
    'week.from': '起始日期',
    'week.days': '天数',
    'week.seconds': '求解秒数',
    'week.start': '按台账规划一周',
    'week.recent': '最近的周计划',
    'week.none': '还没有周计划：选择起始日期，按本机构当前台账规划。',
    'week.status': '周计划 {0} · 台账第 {1} 版 · {2} 起 {3} 天',
    'week.replanOf': '（{0} 起重新规划）',
    'week.progress': '已用 {0} 秒 · 当前最优 {1}',
    'week.publish': '发布本周',
    'week.published': '已发布：每天的方案可在当天调度中打开、调整和打印路线单',
    'week.continuity': '照护连续性',
    'week.continuityValue': '{0}/{1} 位老人全周由同一人服务（{2}%）',
    'week.coverage': '照护上门',
    'week.coverageValue': '已安排 {0} / 应安排 {1}',
    'week.grid': '人员 × 日期',
    'week.worker': '人员',
    'week.hoursTotal': '本周 {0} 小时',
    'week.hoursCap': '（上限 {0}）',
    'week.cell': '{0} 项 · {1} 小时',
    'week.cellEmpty': '—',
    'week.elder': '查看老人',
    'week.elderPick': '选择老人…',
    'week.elderNone': '本周没有为该老人安排任务',
    'week.carePlans': '照护计划',
    'week.carePlan': '计划',
    'week.planned': '已安排/应安排',
    'week.reason': '未安排原因',
    'week.dayLink': '打开 {0} 的方案',
    'week.solving': '正在规划一周…',
    'weekday.1': '周一', 'weekday.2': '周二', 'weekday.3': '周三', 'weekday.4': '周四',
    'weekday.5': '周五', 'weekday.6': '周六', 'weekday.7': '周日',
  },
  en: {
    'week.open': 'Week',
    'week.title': 'The week (from the register)',
    'week.close': 'Back to the day',
    'week.from': 'From',
    'week.days': 'Days',
    'week.seconds': 'Seconds',
    'week.start': 'Plan a week from the register',
    'week.recent': 'Recent weeks',
    'week.none': 'No week planned yet: pick a first date and plan from your organisation\'s current register.',
    'week.status': 'Week {0} · register version {1} · {3} days from {2}',
    'week.replanOf': ' (re-planned from {0})',
    'week.progress': '{0} s elapsed · best so far {1}',
    'week.publish': 'Publish the week',
    'week.published': 'Published: each day\'s plan opens in the day view, to re-plan and print route sheets',
    'week.continuity': 'Continuity of care',
    'week.continuityValue': '{0} of {1} elders had one worker all week ({2}%)',
    'week.coverage': 'Care visits',
    'week.coverageValue': '{0} planned of {1} owed',
    'week.grid': 'Workers × dates',
    'week.worker': 'Worker',
    'week.hoursTotal': '{0} h this week',
    'week.hoursCap': ' (cap {0})',
    'week.cell': '{0} tasks · {1} h',
    'week.cellEmpty': '—',
    'week.elder': 'Elder',
    'week.elderPick': 'Pick an elder…',
    'week.elderNone': 'Nothing planned for this elder this week',
    'week.carePlans': 'Care plans',
    'week.carePlan': 'Plan',
    'week.planned': 'planned/owed',
    'week.reason': 'Why not planned',
    'week.dayLink': 'Open the plan of {0}',
    'week.solving': 'Planning the week…',
    'weekday.1': 'Mon', 'weekday.2': 'Tue', 'weekday.3': 'Wed', 'weekday.4': 'Thu',
    'weekday.5': 'Fri', 'weekday.6': 'Sat', 'weekday.7': 'Sun',
  },
});

const POLL_MS = 500;
const $ = id => document.getElementById(id);

const weeks = {
  plan: ask => request('POST', '/api/v1/weeks', ask),
  list: () => request('GET', '/api/v1/weeks?page=0&size=10'),
  get: id => request('GET', '/api/v1/weeks/' + encodeURIComponent(id)),
  publish: id => request('POST', '/api/v1/weeks/' + encodeURIComponent(id) + '/publish'),
  register: () => request('GET', '/api/v1/registry'),
};

const state = { week: null, polling: 0, names: new Map(), elder: '' };

/** The view, built once beside the console's main area; the console stays as it was underneath. */
function build() {
  const view = document.createElement('section');
  view.id = 'week-view';
  view.className = 'week-view';
  view.hidden = true;
  view.dataset.state = 'idle';
  view.innerHTML = `
    <div class="week-head">
      <h2 data-i18n="week.title"></h2>
      <form id="week-form" class="week-form planner-only">
        <label><span data-i18n="week.from"></span><input type="date" id="week-from" required></label>
        <label><span data-i18n="week.days"></span><input type="number" id="week-days" min="1" max="14" value="7" required></label>
        <label><span data-i18n="week.seconds"></span><input type="number" id="week-seconds" min="1" max="1800" value="60" required></label>
        <button type="submit" class="btn primary" id="week-start" data-i18n="week.start"></button>
      </form>
      <label class="week-recent"><span data-i18n="week.recent"></span><select id="week-recent"></select></label>
      <button type="button" class="btn ghost" id="week-close" data-i18n="week.close"></button>
    </div>
    <div class="week-status">
      <span class="status-chip" id="week-chip" data-status="none"></span>
      <span id="week-title"></span>
      <span id="week-progress" class="muted"></span>
      <button type="button" class="btn primary planner-only" id="week-publish" data-i18n="week.publish" hidden></button>
    </div>
    <p id="week-empty" class="muted" data-i18n="week.none"></p>
    <ul id="week-errors" class="form-errors"></ul>
    <div class="week-body" id="week-body" hidden>
      <div class="week-figures">
        <div class="figure"><span class="figure-label" data-i18n="week.continuity"></span><span id="week-continuity"></span></div>
        <div class="figure"><span class="figure-label" data-i18n="week.coverage"></span><span id="week-coverage"></span></div>
      </div>
      <div id="week-published" class="week-published" hidden>
        <p data-i18n="week.published"></p>
        <ul id="week-day-links" class="week-day-links"></ul>
      </div>
      <h3 data-i18n="week.grid"></h3>
      <div class="week-grid-scroll"><table id="week-grid" class="week-grid"></table></div>
      <div class="week-columns">
        <section>
          <h3><label for="week-elder" data-i18n="week.elder"></label></h3>
          <select id="week-elder"></select>
          <ul id="week-elder-visits" class="list week-elder-visits"></ul>
        </section>
        <section>
          <h3 data-i18n="week.carePlans"></h3>
          <table id="week-careplans" class="week-careplans"></table>
        </section>
      </div>
    </div>`;
  document.querySelector('main.layout').after(view);
  applyStatic(view);
  applyStatic(document.querySelector('.top-actions'));
  $('week-from').value = nextMonday();
  $('btn-week').addEventListener('click', open);
  $('week-close').addEventListener('click', close);
  $('week-form').addEventListener('submit', e => {
    e.preventDefault();
    start();
  });
  $('week-publish').addEventListener('click', publish);
  $('week-recent').addEventListener('change', e => e.target.value && follow(e.target.value));
  $('week-elder').addEventListener('change', e => {
    state.elder = e.target.value;
    renderElder();
    markElderCells();
  });
  $('week-day-links').addEventListener('click', e => {
    if (e.target.closest('a[data-plan]')) {
      close();     // the console follows the link's #plan=... and opens that day
    }
  });
  document.addEventListener('careroute:lang', () => {
    applyStatic(view);
    render();
    renderRecent(state.recent || []);
  });
}

function nextMonday() {
  // Today in Asia/Shanghai, then the next Monday (as the server's default).
  const today = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Shanghai' }));
  const days = ((8 - today.getDay()) % 7) || 7;
  today.setDate(today.getDate() + days);
  return today.getFullYear() + '-' + String(today.getMonth() + 1).padStart(2, '0') + '-'
      + String(today.getDate()).padStart(2, '0');
}

async function open() {
  $('week-view').hidden = false;
  document.body.dataset.view = 'week';
  loadNames();
  try {
    const list = await weeks.list();
    state.recent = list.items;
    renderRecent(list.items);
    if (!state.week && list.items.length) {
      follow(list.items[0].id);
    }
  } catch (e) {
    showErrors(e);
  }
}

function close() {
  $('week-view').hidden = true;
  delete document.body.dataset.view;
}

/** Names of the register's elders for the picker (ids alone if the register cannot be read). */
async function loadNames() {
  try {
    const register = await weeks.register();
    state.names = new Map((register.elders || []).map(e => [e.id, e.name || e.id]));
  } catch (e) {
    state.names = new Map();
  }
}

async function start() {
  showErrors(null);
  $('week-start').disabled = true;
  try {
    const accepted = await weeks.plan({
      from: $('week-from').value,
      days: Number($('week-days').value),
      seconds: Number($('week-seconds').value),
    });
    state.week = null;
    await follow(accepted.id);
  } catch (e) {
    showErrors(e);
  } finally {
    $('week-start').disabled = false;
  }
}

/** Polls a week until it has ended, showing its progress (and week.json's best so far) on the way. */
async function follow(id) {
  const poll = ++state.polling;
  const view = $('week-view');
  view.dataset.weekId = id;
  view.dataset.state = 'solving';
  delete view.dataset.published;
  try {
    for (;;) {
      const week = await weeks.get(id);
      if (poll !== state.polling) {
        return;
      }
      state.week = week;
      render();
      if (week.status !== 'QUEUED' && week.status !== 'SOLVING') {
        view.dataset.state = week.dates.length ? 'ready' : 'ended';
        return;
      }
      await new Promise(resolve => setTimeout(resolve, POLL_MS));
    }
  } catch (e) {
    if (poll === state.polling) {
      view.dataset.state = 'error';
      showErrors(e);
    }
  }
}

async function publish() {
  const week = state.week;
  if (!week) {
    return;
  }
  $('week-publish').disabled = true;
  try {
    await weeks.publish(week.id);
    state.week = await weeks.get(week.id);
    render();
  } catch (e) {
    showErrors(e);
  } finally {
    $('week-publish').disabled = false;
  }
}

// ---- rendering ----

function render() {
  const week = state.week;
  const view = $('week-view');
  $('week-empty').hidden = Boolean(week);
  if (!week) {
    $('week-body').hidden = true;
    return;
  }
  setZone(week.week?.timeZone);
  $('week-chip').dataset.status = week.status;
  $('week-chip').textContent = label('status', week.status);
  $('week-title').textContent = t('week.status', week.id.slice(0, 8), week.registryVersion, week.from, week.days)
      + (week.replanOf ? t('week.replanOf', week.since) : '');
  $('week-progress').textContent = t('week.progress', Number(week.solveSeconds || 0).toFixed(1), week.score || '–');
  const ended = week.status !== 'QUEUED' && week.status !== 'SOLVING';
  $('week-publish').hidden = !(ended && week.dates.length && !week.published);
  view.dataset.published = String(week.published);
  $('week-body').hidden = !week.week;
  if (!week.week) {
    return;
  }
  renderFigures(week.week);
  renderGrid(week);
  renderElderPicker(week);
  renderElder();
  markElderCells();
  renderCarePlans(week.week);
  renderPublished(week);
}

function renderFigures(doc) {
  const c = doc.continuity;
  $('week-continuity').textContent = t('week.continuityValue', c.withOneWorker, c.elders, Math.round(c.share * 1000) / 10);
  const owed = doc.carePlans.reduce((n, p) => n + p.required, 0);
  const planned = doc.carePlans.reduce((n, p) => n + p.planned, 0);
  $('week-coverage').textContent = t('week.coverageValue', planned, owed);
  $('week-continuity').dataset.elders = c.elders;
  $('week-continuity').dataset.withOneWorker = c.withOneWorker;
}

/** A row per worker (of the register, in its order, and any other with a route), a column per date of the plan. */
function renderGrid(week) {
  const dates = week.dates;
  const hours = new Map((week.week.workers || []).map(w => [w.id, w]));
  const ids = [...hours.keys()];
  dates.forEach(d => d.workers.forEach(c => ids.includes(c.workerId) || ids.push(c.workerId)));
  const cells = new Map();
  dates.forEach(d => d.workers.forEach(c => cells.set(c.workerId + '|' + d.date, c)));
  const head = `<thead><tr><th>${escapeHtml(t('week.worker'))}</th>${dates.map(d =>
      `<th data-date="${escapeHtml(d.date)}">${escapeHtml(dayLabel(d.date))}<small>${d.assigned}/${d.tasks}</small></th>`).join('')}</tr></thead>`;
  const rows = ids.filter(id => dates.some(d => cells.has(id + '|' + d.date)) || (hours.get(id)?.hours || 0) > 0)
      .map(id => {
        const line = hours.get(id);
        const total = line ? t('week.hoursTotal', line.hours) + (line.maxHoursPerWeek ? t('week.hoursCap', line.maxHoursPerWeek) : '') : '';
        return `<tr data-worker="${escapeHtml(id)}"><th><b>${escapeHtml(id)}</b><small>${escapeHtml(total)}</small></th>${dates.map(d => {
          const cell = cells.get(id + '|' + d.date);
          if (!cell || !cell.tasks) {
            return `<td class="week-cell empty" data-worker="${escapeHtml(id)}" data-date="${escapeHtml(d.date)}" data-tasks="0">${escapeHtml(t('week.cellEmpty'))}</td>`;
          }
          const elders = [...new Set(cell.stops.map(s => s.elderId))].join(' ');
          return `<td class="week-cell" data-worker="${escapeHtml(id)}" data-date="${escapeHtml(d.date)}" data-tasks="${cell.tasks}" data-elders="${escapeHtml(elders)}"
              title="${escapeHtml(cell.stops.map(s => hhmm(s.start) + ' ' + s.taskId).join('\n'))}">${escapeHtml(t('week.cell', cell.tasks, cell.hours))}
              <small>${escapeHtml(label('kind', 'DELIVERY'))} ${cell.deliveries} · ${escapeHtml(label('kind', 'VISIT'))} ${cell.visits}</small></td>`;
        }).join('')}</tr>`;
      }).join('');
  $('week-grid').innerHTML = head + '<tbody>' + rows + '</tbody>';
}

function dayLabel(iso) {
  const date = new Date(iso + 'T00:00:00Z');
  const weekday = ((date.getUTCDay() + 6) % 7) + 1;
  return iso.slice(5) + ' ' + t('weekday.' + weekday);
}

/** Every elder served this week, by name where the register can be read. */
function renderElderPicker(week) {
  const elders = new Set();
  week.dates.forEach(d => d.workers.forEach(c => c.stops.forEach(s => s.elderId && elders.add(s.elderId))));
  (week.week.carePlans || []).forEach(p => elders.add(p.elderId));
  const sorted = [...elders].sort();
  const select = $('week-elder');
  select.innerHTML = `<option value="">${escapeHtml(t('week.elderPick'))}</option>` + sorted.map(id =>
      `<option value="${escapeHtml(id)}">${escapeHtml(id)}${state.names.has(id) && state.names.get(id) !== id
          ? ' ' + escapeHtml(state.names.get(id)) : ''}</option>`).join('');
  select.value = sorted.includes(state.elder) ? state.elder : '';
  state.elder = select.value;
}

/** The chosen elder's tasks across the week: date, time, kind, task and worker. */
function renderElder() {
  const list = $('week-elder-visits');
  const week = state.week;
  if (!week || !state.elder) {
    list.innerHTML = '';
    return;
  }
  const items = [];
  week.dates.forEach(d => d.workers.forEach(c => c.stops.forEach(s => {
    if (s.elderId === state.elder) {
      items.push({ date: d.date, worker: c.workerId, stop: s });
    }
  })));
  items.sort((a, b) => (a.stop.start || '').localeCompare(b.stop.start || ''));
  list.innerHTML = items.length ? items.map(i => `<li class="week-elder-visit" data-task-id="${escapeHtml(i.stop.taskId)}"
      data-date="${escapeHtml(i.date)}" data-worker="${escapeHtml(i.worker)}"><b>${escapeHtml(dayLabel(i.date))} ${escapeHtml(hhmm(i.stop.start))}</b>
      ${escapeHtml(label('kind', i.stop.kind))} <code>${escapeHtml(i.stop.taskId)}</code> · ${escapeHtml(i.worker)}</li>`).join('')
      : `<li class="muted">${escapeHtml(t('week.elderNone'))}</li>`;
}

function markElderCells() {
  document.querySelectorAll('#week-grid td.week-cell').forEach(td => {
    const elders = (td.dataset.elders || '').split(' ');
    td.classList.toggle('has-elder', Boolean(state.elder) && elders.includes(state.elder));
  });
}

function renderCarePlans(doc) {
  const rows = doc.carePlans.map(p => `<tr data-care-plan="${escapeHtml(p.carePlanId)}" class="${p.planned < p.required ? 'short' : ''}">
      <td><code>${escapeHtml(p.carePlanId)}</code></td><td>${escapeHtml(p.elderId)}</td>
      <td class="num">${p.planned}/${p.required}</td><td class="reason">${escapeHtml(p.unplannedReason || '')}</td></tr>`).join('');
  $('week-careplans').innerHTML = `<thead><tr><th>${escapeHtml(t('week.carePlan'))}</th><th>${escapeHtml(t('popup.elder'))}</th>
      <th>${escapeHtml(t('week.planned'))}</th><th>${escapeHtml(t('week.reason'))}</th></tr></thead><tbody>${rows}</tbody>`;
}

function renderPublished(week) {
  $('week-published').hidden = !week.published;
  $('week-day-links').innerHTML = week.published ? week.dates.filter(d => d.planId).map(d =>
      `<li><a href="#plan=${encodeURIComponent(d.planId)}" data-plan="${escapeHtml(d.planId)}">${escapeHtml(t('week.dayLink', dayLabel(d.date)))}</a></li>`).join('') : '';
}

function renderRecent(items) {
  const select = $('week-recent');
  select.innerHTML = `<option value=""></option>` + items.map(w => `<option value="${escapeHtml(w.id)}">${escapeHtml(w.from)}
      · ${w.days} · ${escapeHtml(label('status', w.status))}${w.publishedAt ? ' ✓' : ''}</option>`).join('');
  select.value = state.week && items.some(w => w.id === state.week.id) ? state.week.id : '';
}

function showErrors(error) {
  const list = $('week-errors');
  if (!error) {
    list.innerHTML = '';
    return;
  }
  const lines = error instanceof ApiError && error.errors.length
    ? error.errors.map(x => (x.field ? x.field + ': ' : '') + x.reason) : [error.message || t('error.title')];
  list.innerHTML = lines.map(l => `<li>${escapeHtml(l)}</li>`).join('');
}

build();
document.documentElement.lang = lang() === 'en' ? 'en' : 'zh-CN';
