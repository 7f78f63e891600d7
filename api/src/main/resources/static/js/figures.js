// Outcome figures (成效指标) and the time bank (时间银行): a dialog over the console. The month's figures come from
// GET /api/v1/reports/outcomes (drawn as plain SVG bars, no chart library), the workbook from .../outcomes.xlsx; the
// time bank from /api/v1/timebank (every holder's balance for a dispatcher), /api/v1/timebank/{id} (a statement; a
// worker reads only their own) and its withdrawals. Each figure's definition is in the user guide.
import { ApiError, csrfToken, request } from './api.js';
import { acceptLanguage, addTexts, applyStatic, lang, t } from './i18n.js';
import { escapeHtml } from './format.js';

addTexts({
  zh: {
    'figures.open': '成效与时间银行',
    'figures.openWorker': '我的时间银行',
    'figures.title': '成效指标与时间银行',
    'figures.close': '关闭',
    'figures.tab.outcomes': '月度成效指标',
    'figures.tab.bank': '时间银行',
    'figures.month': '月份',
    'figures.load': '查看',
    'figures.xlsx': '下载 Excel',
    'figures.plans': '{0} 个已发布方案，其中 {1} 个有服务记录（其余按方案计）',
    'figures.visits': '照护计划上门完成率',
    'figures.priority': '重点老人在约定时段内得到服务',
    'figures.meals': '送餐在保温时限内送达',
    'figures.punctual': '准时率（±15 分钟）',
    'figures.continuity': '服务连续性',
    'figures.volunteerHours': '志愿者服务时长',
    'figures.hoursUnit': '{0} 小时',
    'figures.ofText': '{0} / {1}',
    'figures.none': '无此类情况',
    'figures.shares': '各项比例',
    'figures.workers': '服务人员工时（服务 + 计划路程）',
    'figures.elders': '欠服务的老人（照护计划应服务 − 已服务）',
    'figures.noShort': '本月照护计划应服务的上门均已完成。',
    'figures.col.elder': '老人', 'figures.col.classes': '类别', 'figures.col.owed': '应服务',
    'figures.col.planned': '已排', 'figures.col.delivered': '已服务', 'figures.col.short': '欠',
    'figures.service': '服务', 'figures.travel': '路程',
    'figures.bank.holders': '各账户余额（时间币）',
    'figures.bank.holder': '账户', 'figures.bank.balance': '余额', 'figures.bank.last': '最近记账',
    'figures.bank.empty': '还没有任何账户记账。志愿者完成服务打卡后即记入时间币。',
    'figures.bank.statement': '{0} 的对账单',
    'figures.bank.from': '从', 'figures.bank.to': '到',
    'figures.bank.opening': '期初 {0}，期末 {1}',
    'figures.bank.now': '当前余额',
    'figures.bank.rules': '规则：每小时 {0} 时间币，{1}，按 {2} 分钟{3}取整，存储上限 {4}，{5}',
    'figures.bank.travelYes': '路程计入', 'figures.bank.travelNo': '路程不计',
    'figures.bank.transfersYes': '允许转赠家人', 'figures.bank.transfersNo': '不允许转赠',
    'figures.rounding.DOWN': '向下', 'figures.rounding.NEAREST': '四舍五入', 'figures.rounding.UP': '向上',
    'figures.col.seq': '序号', 'figures.col.at': '时间', 'figures.col.kind': '类型', 'figures.col.coins': '时间币',
    'figures.col.after': '余额', 'figures.col.about': '说明',
    'figures.kind.CREDIT': '服务记入', 'figures.kind.RECREDIT': '记录更正后重新记入',
    'figures.kind.WITHDRAWAL': '兑换服务', 'figures.kind.TRANSFER_OUT': '转赠给', 'figures.kind.TRANSFER_IN': '受赠自',
    'figures.capped': '（超过上限未记入 {0}）',
    'figures.record': '{0} 的服务记录第 {1} 版',
    'figures.withdraw': '兑换服务（扣减时间币）',
    'figures.coins': '时间币',
    'figures.note': '备注',
    'figures.submit': '扣减',
    'figures.done': '已扣减 {0}，余额 {1}',
    'figures.class.DISABLED': '失能', 'figures.class.VERY_OLD': '高龄', 'figures.class.ALONE': '独居',
    'figures.class.HARDSHIP': '困难', 'figures.class.EMPTY_NEST': '空巢', 'figures.class.REGULAR': '普通',
  },
  en: {
    'figures.open': 'Figures & time bank',
    'figures.openWorker': 'My time bank',
    'figures.title': 'Outcome figures and the time bank',
    'figures.close': 'Close',
    'figures.tab.outcomes': 'Month\'s figures',
    'figures.tab.bank': 'Time bank',
    'figures.month': 'Month',
    'figures.load': 'Show',
    'figures.xlsx': 'Download Excel',
    'figures.plans': '{0} published plans, {1} of them with service records (the others count as planned)',
    'figures.visits': 'Care-plan visits delivered',
    'figures.priority': 'Priority elders served inside their window',
    'figures.meals': 'Meals within the hot-food limit',
    'figures.punctual': 'Punctuality (±15 min)',
    'figures.continuity': 'Continuity of care',
    'figures.volunteerHours': 'Volunteer service hours',
    'figures.hoursUnit': '{0} h',
    'figures.ofText': '{0} of {1}',
    'figures.none': 'no such case',
    'figures.shares': 'Shares',
    'figures.workers': 'Hours per worker (service + planned travel)',
    'figures.elders': 'Elders owed visits (owed by the care plans − delivered)',
    'figures.noShort': 'Every visit the care plans owe this month was delivered.',
    'figures.col.elder': 'Elder', 'figures.col.classes': 'Classes', 'figures.col.owed': 'Owed',
    'figures.col.planned': 'Planned', 'figures.col.delivered': 'Delivered', 'figures.col.short': 'Short',
    'figures.service': 'service', 'figures.travel': 'travel',
    'figures.bank.holders': 'Balances (time coins)',
    'figures.bank.holder': 'Account', 'figures.bank.balance': 'Balance', 'figures.bank.last': 'Last entry',
    'figures.bank.empty': 'No account has an entry yet. A volunteer\'s checked-out service is credited in coins.',
    'figures.bank.statement': 'Statement of {0}',
    'figures.bank.from': 'From', 'figures.bank.to': 'to',
    'figures.bank.opening': 'opening {0}, closing {1}',
    'figures.bank.now': 'Balance now',
    'figures.bank.rules': 'Rules: {0} coins an hour, {1}, rounded {3} to {2} min, cap {4}, {5}',
    'figures.bank.travelYes': 'travel counted', 'figures.bank.travelNo': 'travel not counted',
    'figures.bank.transfersYes': 'transfers to family allowed', 'figures.bank.transfersNo': 'no transfers',
    'figures.rounding.DOWN': 'down', 'figures.rounding.NEAREST': 'to the nearest', 'figures.rounding.UP': 'up',
    'figures.col.seq': '#', 'figures.col.at': 'When', 'figures.col.kind': 'Kind', 'figures.col.coins': 'Coins',
    'figures.col.after': 'Balance', 'figures.col.about': 'About',
    'figures.kind.CREDIT': 'service credited', 'figures.kind.RECREDIT': 're-credited after a correction',
    'figures.kind.WITHDRAWAL': 'service redeemed', 'figures.kind.TRANSFER_OUT': 'given to',
    'figures.kind.TRANSFER_IN': 'given by',
    'figures.capped': ' (over the cap, not credited: {0})',
    'figures.record': 'record of {0}, version {1}',
    'figures.withdraw': 'Redeem service (take coins)',
    'figures.coins': 'coins',
    'figures.note': 'note',
    'figures.submit': 'Take',
    'figures.done': 'Took {0}, balance {1}',
    'figures.class.DISABLED': 'disabled', 'figures.class.VERY_OLD': '80+', 'figures.class.ALONE': 'alone',
    'figures.class.HARDSHIP': 'hardship', 'figures.class.EMPTY_NEST': 'empty nest', 'figures.class.REGULAR': 'regular',
  },
});

const $ = id => document.getElementById(id);
const state = { me: null, tab: 'outcomes', report: null, holders: null, statement: null, holder: null, error: null };

function thisMonth() {
  const now = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Shanghai' }));
  return now.getFullYear() + '-' + String(now.getMonth() + 1).padStart(2, '0');
}

function build() {
  const view = document.createElement('section');
  view.id = 'figures-view';
  view.className = 'figures-view';
  view.hidden = true;
  view.innerHTML = `
    <div class="figures-box" role="dialog" aria-labelledby="figures-title">
      <div class="figures-head">
        <h2 id="figures-title" data-i18n="figures.title"></h2>
        <button type="button" class="btn ghost" id="figures-close" data-i18n="figures.close"></button>
      </div>
      <div class="figures-tabs" role="tablist">
        <button type="button" class="btn" role="tab" id="figures-tab-outcomes" data-i18n="figures.tab.outcomes"></button>
        <button type="button" class="btn" role="tab" id="figures-tab-bank" data-i18n="figures.tab.bank"></button>
      </div>
      <div id="figures-outcomes">
        <div class="figures-bar">
          <label><span data-i18n="figures.month"></span> <input type="month" id="figures-month"></label>
          <button type="button" class="btn primary" id="figures-load" data-i18n="figures.load"></button>
          <a class="btn" id="figures-xlsx" data-i18n="figures.xlsx"></a>
        </div>
        <div id="figures-report"></div>
      </div>
      <div id="figures-bank" hidden></div>
      <p class="figures-error" id="figures-error" hidden></p>
    </div>`;
  document.body.append(view);
  $('figures-month').value = thisMonth();
  $('figures-close').addEventListener('click', () => { view.hidden = true; });
  $('figures-tab-outcomes').addEventListener('click', () => show('outcomes'));
  $('figures-tab-bank').addEventListener('click', () => show('bank'));
  $('figures-load').addEventListener('click', loadReport);
  $('figures-month').addEventListener('change', loadReport);
  document.addEventListener('careroute:lang', () => {
    applyStatic(view);
    const button = $('btn-figures');
    if (button) {
      button.textContent = t(state.me?.role === 'WORKER' ? 'figures.openWorker' : 'figures.open');
    }
    render();
  });
  applyStatic(view);
}

async function open() {
  $('figures-view').hidden = false;
  await show(state.me.role === 'WORKER' ? 'bank' : state.tab);
}

async function show(tab) {
  state.tab = tab;
  $('figures-tab-outcomes').setAttribute('aria-selected', String(tab === 'outcomes'));
  $('figures-tab-bank').setAttribute('aria-selected', String(tab === 'bank'));
  $('figures-outcomes').hidden = tab !== 'outcomes';
  $('figures-bank').hidden = tab !== 'bank';
  if (tab === 'outcomes') {
    await loadReport();
  } else if (state.me.role === 'WORKER') {
    await loadStatement(state.me.workerId);
  } else {
    await loadHolders();
  }
}

async function guarded(work) {
  state.error = null;
  try {
    await work();
  } catch (e) {
    state.error = e instanceof ApiError && e.errors.length
      ? e.errors.map(x => (x.field ? x.field + ': ' : '') + x.reason).join('; ') : (e.message || String(e));
  }
  render();
}

function loadReport() {
  const month = $('figures-month').value || thisMonth();
  $('figures-xlsx').href = '/api/v1/reports/outcomes.xlsx?month=' + encodeURIComponent(month) + '&lang=' + lang();
  return guarded(async () => {
    state.report = await request('GET', '/api/v1/reports/outcomes?month=' + encodeURIComponent(month));
  });
}

function loadHolders() {
  return guarded(async () => {
    state.holders = await request('GET', '/api/v1/timebank');
    state.statement = null;
  });
}

function loadStatement(holder, from, to) {
  state.holder = holder;
  const range = from && to ? '?from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to) : '';
  return guarded(async () => {
    state.statement = await request('GET', '/api/v1/timebank/' + encodeURIComponent(holder) + range);
  });
}

function render() {
  const error = $('figures-error');
  error.hidden = !state.error;
  error.textContent = state.error || '';
  renderReport();
  renderBank();
}

// --- the month's figures --------------------------------------------------------------------------------------------

/** Coins as the ledger keeps them, to the hundredth (the JSON number 0.50 arrives as 0.5). */
const coins = value => value == null ? '' : Number(value).toFixed(2);

const pct = share => share == null ? '—' : (Math.round(share * 1000) / 10) + '%';

function card(label, share, count, of) {
  const value = share === undefined ? count : pct(share);
  const sub = share === undefined ? '' : (of ? t('figures.ofText', count, of) : t('figures.none'));
  return `<div class="figures-card"><div class="value">${escapeHtml(value)}</div>`
    + `<div class="label">${escapeHtml(label)}</div><div class="label">${escapeHtml(sub)}</div></div>`;
}

/** Horizontal bars 0–100 % (plain SVG). */
function shareBars(items) {
  const width = 640;
  const left = 260;
  const row = 24;
  const bars = items.map((item, i) => {
    const y = i * row + 4;
    const w = item.share == null ? 0 : Math.round((width - left - 60) * item.share);
    return `<text x="0" y="${y + 13}">${escapeHtml(item.label)}</text>`
      + `<rect x="${left}" y="${y}" width="${width - left - 60}" height="16" fill="#eef1f5"/>`
      + `<rect x="${left}" y="${y}" width="${w}" height="16" fill="#1d5fd6" data-share="${item.share ?? ''}"/>`
      + `<text x="${width - 52}" y="${y + 13}">${escapeHtml(pct(item.share))}</text>`;
  }).join('');
  return `<svg class="figures-shares" viewBox="0 0 ${width} ${items.length * row + 8}" width="100%" `
    + `role="img" aria-label="${escapeHtml(t('figures.shares'))}">${bars}</svg>`;
}

/** Stacked bars of service and travel hours per worker (plain SVG). */
function hoursBars(workers) {
  const width = 640;
  const left = 90;
  const row = 20;
  const max = Math.max(1, ...workers.map(w => w.serviceHours + w.travelHours));
  const scale = (width - left - 70) / max;
  const bars = workers.map((w, i) => {
    const y = i * row + 4;
    const s = Math.round(w.serviceHours * scale);
    const tr = Math.round(w.travelHours * scale);
    return `<text x="0" y="${y + 12}">${escapeHtml(w.workerId)}</text>`
      + `<rect x="${left}" y="${y}" width="${s}" height="14" fill="#167a48"><title>${escapeHtml(t('figures.service'))}</title></rect>`
      + `<rect x="${left + s}" y="${y}" width="${tr}" height="14" fill="#a0aec0"><title>${escapeHtml(t('figures.travel'))}</title></rect>`
      + `<text x="${left + s + tr + 6}" y="${y + 12}">${(w.serviceHours + w.travelHours).toFixed(1)}</text>`;
  }).join('');
  return `<svg class="figures-hours" viewBox="0 0 ${width} ${workers.length * row + 8}" width="100%" role="img" `
    + `aria-label="${escapeHtml(t('figures.workers'))}">${bars}</svg>`;
}

function renderReport() {
  const box = $('figures-report');
  const r = state.report;
  if (!box || !r) {
    return;
  }
  const visits = r.visits.deliveredOfOwed;
  const shares = [
    { label: t('figures.visits'), share: visits.share },
    { label: t('figures.priority'), share: r.priorityInWindow.share },
    { label: t('figures.meals'), share: r.mealsHot.share },
    { label: t('figures.punctual'), share: r.punctuality.onTime.share },
    { label: t('figures.continuity'), share: r.continuity.share },
  ];
  const short = r.visits.elders.filter(e => e.shortfall > 0);
  box.innerHTML = `<p class="muted">${escapeHtml(t('figures.plans', r.plans, r.plansRecorded))}</p>
    <div class="figures-cards">
      ${card(t('figures.visits'), visits.share, visits.count, visits.of)}
      ${card(t('figures.priority'), r.priorityInWindow.share, r.priorityInWindow.count, r.priorityInWindow.of)}
      ${card(t('figures.meals'), r.mealsHot.share, r.mealsHot.count, r.mealsHot.of)}
      ${card(t('figures.punctual'), r.punctuality.onTime.share, r.punctuality.onTime.count, r.punctuality.onTime.of)}
      ${card(t('figures.continuity'), r.continuity.share, r.continuity.withOneWorker, r.continuity.elders)}
      ${card(t('figures.volunteerHours'), undefined, t('figures.hoursUnit', r.hours.volunteerHours))}
    </div>
    <h3>${escapeHtml(t('figures.shares'))}</h3>${shareBars(shares)}
    <h3>${escapeHtml(t('figures.workers'))}</h3>${hoursBars(r.hours.workers)}
    <h3>${escapeHtml(t('figures.elders'))}</h3>
    ${short.length === 0 ? `<p class="muted">${escapeHtml(t('figures.noShort'))}</p>` : `
    <table class="figures-table" id="figures-elders"><thead><tr>
      <th>${escapeHtml(t('figures.col.elder'))}</th><th>${escapeHtml(t('figures.col.classes'))}</th>
      <th class="num">${escapeHtml(t('figures.col.owed'))}</th><th class="num">${escapeHtml(t('figures.col.planned'))}</th>
      <th class="num">${escapeHtml(t('figures.col.delivered'))}</th><th class="num">${escapeHtml(t('figures.col.short'))}</th>
    </tr></thead><tbody>${short.map(e => `<tr class="short"><td>${escapeHtml(e.elderId)}</td>
      <td>${escapeHtml(e.classes.map(c => t('figures.class.' + c)).join(lang() === 'en' ? ', ' : '、'))}</td><td class="num">${e.owed}</td><td class="num">${e.planned}</td>
      <td class="num">${e.delivered}</td><td class="num">${e.shortfall}</td></tr>`).join('')}</tbody></table>`}`;
}

// --- the time bank --------------------------------------------------------------------------------------------------

function rulesText(rules) {
  return t('figures.bank.rules', rules.coinsPerHour, t(rules.countTravel ? 'figures.bank.travelYes' : 'figures.bank.travelNo'),
    rules.roundingMinutes, t('figures.rounding.' + rules.rounding), rules.maxBalanceCoins,
    t(rules.transfersAllowed ? 'figures.bank.transfersYes' : 'figures.bank.transfersNo'));
}

function about(e) {
  if (e.kind === 'CREDIT' || e.kind === 'RECREDIT') {
    return t('figures.record', e.serviceDate, e.recordVersion)
      + (e.cappedCoins && Number(e.cappedCoins) > 0 ? t('figures.capped', coins(e.cappedCoins)) : '');
  }
  if (e.kind === 'TRANSFER_OUT' || e.kind === 'TRANSFER_IN') {
    return e.counterpartId + (e.note ? ' · ' + e.note : '');
  }
  return e.note || '';
}

function renderBank() {
  const box = $('figures-bank');
  if (!box) {
    return;
  }
  const parts = [];
  const h = state.holders;
  if (h && state.me?.role !== 'WORKER') {
    parts.push(`<h3>${escapeHtml(t('figures.bank.holders'))}</h3>`);
    parts.push(h.holders.length === 0 ? `<p class="muted">${escapeHtml(t('figures.bank.empty'))}</p>`
      : `<table class="figures-table" id="figures-holders"><thead><tr><th>${escapeHtml(t('figures.bank.holder'))}</th>
        <th class="num">${escapeHtml(t('figures.bank.balance'))}</th><th>${escapeHtml(t('figures.bank.last'))}</th></tr></thead>
        <tbody>${h.holders.map(x => `<tr class="pick" data-holder="${escapeHtml(x.holderId)}"><td>${escapeHtml(x.holderId)}</td>
        <td class="num">${escapeHtml(coins(x.balance))}</td><td>${escapeHtml((x.lastEntryAt || '').replace('T', ' ').substring(0, 16))}</td>
        </tr>`).join('')}</tbody></table>`);
  }
  const s = state.statement;
  if (s) {
    parts.push(`<h3>${escapeHtml(t('figures.bank.statement', s.volunteerId))}</h3>
      <div><span class="muted">${escapeHtml(t('figures.bank.now'))}</span>
        <span class="figures-balance" id="figures-balance">${escapeHtml(coins(s.balance))}</span>
        <span class="muted">${escapeHtml(t('figures.coins'))}</span></div>
      <form class="figures-form" id="figures-range">
        <label>${escapeHtml(t('figures.bank.from'))} <input type="date" name="from" value="${escapeHtml(s.from)}"></label>
        <label>${escapeHtml(t('figures.bank.to'))} <input type="date" name="to" value="${escapeHtml(s.to)}"></label>
        <button type="submit" class="btn">${escapeHtml(t('figures.load'))}</button>
        <span class="muted">${escapeHtml(t('figures.bank.opening', coins(s.opening), coins(s.closing)))}</span>
      </form>
      <p class="muted">${escapeHtml(rulesText(s.rules))}</p>
      <table class="figures-table" id="figures-statement"><thead><tr><th>${escapeHtml(t('figures.col.seq'))}</th>
        <th>${escapeHtml(t('figures.col.at'))}</th><th>${escapeHtml(t('figures.col.kind'))}</th>
        <th class="num">${escapeHtml(t('figures.col.coins'))}</th><th class="num">${escapeHtml(t('figures.col.after'))}</th>
        <th>${escapeHtml(t('figures.col.about'))}</th></tr></thead>
        <tbody>${s.entries.map(e => `<tr><td>${e.seq}</td><td>${escapeHtml((e.at || '').replace('T', ' ').substring(0, 16))}</td>
          <td>${escapeHtml(t('figures.kind.' + e.kind))}</td><td class="num">${escapeHtml(coins(e.coins))}</td>
          <td class="num">${escapeHtml(coins(e.balance))}</td><td>${escapeHtml(about(e))}</td></tr>`).join('')}</tbody></table>
      <form class="figures-form figures-bank-only-desk" id="figures-withdraw">
        <strong>${escapeHtml(t('figures.withdraw'))}</strong>
        <input name="coins" type="number" min="0.01" step="0.01" required placeholder="${escapeHtml(t('figures.coins'))}">
        <input name="note" type="text" maxlength="500" placeholder="${escapeHtml(t('figures.note'))}">
        <button type="submit" class="btn primary">${escapeHtml(t('figures.submit'))}</button>
        <span id="figures-withdraw-done" class="muted"></span>
      </form>`);
  }
  box.innerHTML = parts.join('');
  box.querySelectorAll('tr.pick').forEach(row => row.addEventListener('click', () => loadStatement(row.dataset.holder)));
  const range = $('figures-range');
  if (range) {
    range.addEventListener('submit', event => {
      event.preventDefault();
      loadStatement(state.holder, range.from.value, range.to.value);
    });
  }
  const form = $('figures-withdraw');
  if (form) {
    form.addEventListener('submit', withdraw);
  }
}

async function withdraw(event) {
  event.preventDefault();
  const form = event.target;
  const key = (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());
  const body = { coins: Number(form.coins.value), note: form.note.value || null };
  await guarded(async () => {
    const entry = await requestWithKey('/api/v1/timebank/' + encodeURIComponent(state.holder) + '/withdrawals', body, key);
    state.statement = await request('GET', '/api/v1/timebank/' + encodeURIComponent(state.holder));
    state.holders = await request('GET', '/api/v1/timebank');
    state.done = t('figures.done', coins(Math.abs(entry.coins)), coins(entry.balance));
  });
  const done = $('figures-withdraw-done');
  if (done && state.done) {
    done.textContent = state.done;
  }
}

/** A POST with an Idempotency-Key (one per submitted form, so a double click is applied once). */
async function requestWithKey(path, body, key) {
  const response = await fetch(path, {
    method: 'POST', body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', 'Accept-Language': acceptLanguage(),
      'Accept': 'application/json, application/problem+json', 'X-XSRF-TOKEN': csrfToken(), 'Idempotency-Key': key },
  });
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, json);
  }
  return json;
}

async function start() {
  try {
    state.me = await request('GET', '/api/v1/me');
  } catch (e) {
    return;
  }
  if (state.me.role === 'WORKER' && !state.me.workerId) {
    return;
  }
  build();
  const actions = document.querySelector('.top-actions');
  if (actions && !$('btn-figures')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.id = 'btn-figures';
    button.className = 'btn';
    button.textContent = t(state.me.role === 'WORKER' ? 'figures.openWorker' : 'figures.open');
    button.addEventListener('click', open);
    actions.insertBefore(button, $('btn-lang') || null);
  }
}

start();
