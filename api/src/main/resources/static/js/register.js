// The register view (服务台账): the organisation's elders, workers, meal subscriptions and care plans as lists, one
// entry edited or deleted at a time (a PUT or DELETE of that entry with If-Match, as the API has it), the register
// workbook imported (refused cells shown by sheet, row and column) and exported, and the versions. It lives in its
// own file and its own texts; index.html gives it a button and a container, i18n.js a way to add texts.
import { ApiError, csrfToken } from './api.js';
import { acceptLanguage, addTexts, label, lang, t } from './i18n.js';
import { escapeHtml } from './format.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BASE = '/api/v1/registry';
const $ = id => document.getElementById(id);

addTexts({
  zh: {
    'register.open': '服务台账',
    'register.title': '服务台账',
    'register.close': '返回调度',
    'register.version': '版本 {0} · {1} · {2}',
    'register.none': '本机构还没有服务台账：导入台账工作簿（可先用 careroute week --demo 写出的 registry.xlsx 作模板）。',
    'register.export': '导出工作簿',
    'register.import': '导入工作簿',
    'register.importing': '正在导入…',
    'register.imported': '已导入，台账为第 {0} 版',
    'register.refused': '工作簿未导入（台账未改动）：以下 {0} 处有误',
    'register.sheet': '工作表',
    'register.row': '行',
    'register.column': '列',
    'register.reason': '原因',
    'register.tab.elders': '老人',
    'register.tab.workers': '服务人员',
    'register.tab.mealSubscriptions': '订餐',
    'register.tab.carePlans': '照护计划',
    'register.tab.versions': '版本',
    'register.edit': '编辑',
    'register.delete': '删除',
    'register.save': '保存',
    'register.cancel': '取消',
    'register.editing': '编辑 {0}',
    'register.confirmDelete': '从台账中删除 {0}？',
    'register.saved': '已保存，台账为第 {0} 版',
    'register.deleted': '已删除，台账为第 {0} 版',
    'register.badJson': '不是有效的 JSON',
    'register.badNumber': '不是数字',
    'register.listHint': '多项用分号隔开',
    'register.jsonHint': 'JSON，如 registry.json 中所写',
    'register.changes': '新增 {0} · 修改 {1} · 删除 {2}',
    'register.col.id': '编号',
    'register.col.name': '姓名',
    'register.col.classes': '类别',
    'register.col.careGrade': '护理等级',
    'register.col.pairedWorker': '结对人员',
    'register.col.role': '角色',
    'register.col.mode': '出行方式',
    'register.col.shifts': '每周班次',
    'register.col.hours': '每周上限 / 合同小时',
    'register.col.skills': '技能',
    'register.col.elderId': '老人编号',
    'register.col.batch': '餐批',
    'register.col.days': '星期',
    'register.col.window': '时段',
    'register.col.boxes': '份数',
    'register.col.period': '起止日期',
    'register.col.type': '服务类型',
    'register.col.times': '每周次数',
    'register.col.workersNeeded': '人数',
    'register.col.version': '版本',
    'register.col.at': '时间',
    'register.col.by': '操作者',
    'register.col.changes': '变更',
    'register.field.id': '编号', 'register.field.name': '姓名', 'register.field.phone': '电话',
    'register.field.address': '地址', 'register.field.location.lat': '纬度', 'register.field.location.lon': '经度',
    'register.field.priorityClasses': '优先类别（DISABLED、VERY_OLD、ALONE、EMPTY_NEST、HARDSHIP、REGULAR）',
    'register.field.careGrade': '护理等级（1-6）', 'register.field.requiredWorkerGender': '要求服务人员性别（F、M）',
    'register.field.preferredWorkers': '偏好人员', 'register.field.pairedWorker': '结对人员',
    'register.field.refusedWorkers': '拒绝人员', 'register.field.role': '角色（PROPERTY_STAFF、CARE_WORKER、VOLUNTEER）',
    'register.field.mode': '出行方式（FOOT、BICYCLE、EBIKE、CAR）', 'register.field.gender': '性别（F、M）',
    'register.field.start.lat': '出发纬度', 'register.field.start.lon': '出发经度',
    'register.field.end.lat': '返回纬度', 'register.field.end.lon': '返回经度',
    'register.field.weeklyShifts': '每周班次', 'register.field.absences': '请假',
    'register.field.capacityBoxes': '餐箱容量', 'register.field.skills': '技能',
    'register.field.costPerHour': '时薪', 'register.field.maxHoursPerDay': '每日最多小时',
    'register.field.maxHoursPerWeek': '每周最多小时', 'register.field.contractHoursPerWeek': '每周合同小时',
    'register.field.maxKmFromHome': '离家最远公里', 'register.field.elderId': '老人编号',
    'register.field.kitchenId': '厨房编号', 'register.field.batchId': '餐批编号', 'register.field.boxes': '份数',
    'register.field.days': '星期（MON…SUN）', 'register.field.window.start': '时段开始（09:00）',
    'register.field.window.end': '时段结束（11:30）', 'register.field.handoverMinutes': '交接分钟',
    'register.field.from': '开始日期（2026-12-01）', 'register.field.until': '结束日期',
    'register.field.skipDates': '停餐日期', 'register.field.type': '服务类型（CHECK_IN、CLEANING、BATHING…）',
    'register.field.requiredSkills': '所需技能', 'register.field.durationMinutes': '时长分钟',
    'register.field.timesPerWeek': '每周次数', 'register.field.minDaysApart': '最少间隔天数',
    'register.field.workersNeeded': '人数（1 或 2）', 'register.field.priority': '优先级（1-5）',
  },
  en: {
    'register.open': 'Register',
    'register.title': 'Register',
    'register.close': 'Back to dispatch',
    'register.version': 'Version {0} · {1} · {2}',
    'register.none': 'Your organisation keeps no register yet: import a register workbook (the registry.xlsx that careroute week --demo writes is a template).',
    'register.export': 'Export workbook',
    'register.import': 'Import workbook',
    'register.importing': 'Importing…',
    'register.imported': 'Imported: the register is now version {0}',
    'register.refused': 'The workbook was not imported (the register is unchanged): {0} problem(s)',
    'register.sheet': 'Sheet',
    'register.row': 'Row',
    'register.column': 'Column',
    'register.reason': 'Reason',
    'register.tab.elders': 'Elders',
    'register.tab.workers': 'Workers',
    'register.tab.mealSubscriptions': 'Meals',
    'register.tab.carePlans': 'Care plans',
    'register.tab.versions': 'Versions',
    'register.edit': 'Edit',
    'register.delete': 'Delete',
    'register.save': 'Save',
    'register.cancel': 'Cancel',
    'register.editing': 'Editing {0}',
    'register.confirmDelete': 'Delete {0} from the register?',
    'register.saved': 'Saved: the register is now version {0}',
    'register.deleted': 'Deleted: the register is now version {0}',
    'register.badJson': 'not valid JSON',
    'register.badNumber': 'not a number',
    'register.listHint': 'several separated by semicolons',
    'register.jsonHint': 'JSON, as in registry.json',
    'register.changes': 'added {0} · changed {1} · removed {2}',
    'register.col.id': 'ID',
    'register.col.name': 'Name',
    'register.col.classes': 'Classes',
    'register.col.careGrade': 'Care grade',
    'register.col.pairedWorker': 'Paired worker',
    'register.col.role': 'Role',
    'register.col.mode': 'Mode',
    'register.col.shifts': 'Weekly shifts',
    'register.col.hours': 'Weekly cap / contract hours',
    'register.col.skills': 'Skills',
    'register.col.elderId': 'Elder',
    'register.col.batch': 'Batch',
    'register.col.days': 'Days',
    'register.col.window': 'Window',
    'register.col.boxes': 'Boxes',
    'register.col.period': 'From – until',
    'register.col.type': 'Type',
    'register.col.times': 'Times a week',
    'register.col.workersNeeded': 'Workers',
    'register.col.version': 'Version',
    'register.col.at': 'When',
    'register.col.by': 'By',
    'register.col.changes': 'Changes',
  },
});

/** The lists of the register: where each lives in the API, what its list shows (no more personal data than needed). */
const LISTS = {
  elders: {
    path: 'elders',
    columns: [
      ['register.col.id', e => e.id],
      ['register.col.name', e => e.name],
      ['register.col.classes', e => classesOf(e).map(c => label('class', c)).join('、')],
      ['register.col.careGrade', e => e.careGrade],
      ['register.col.pairedWorker', e => e.pairedWorker],
    ],
    fields: [['id', 'text'], ['name', 'text'], ['phone', 'text'], ['address', 'text'], ['location.lat', 'num'],
      ['location.lon', 'num'], ['priorityClasses', 'list'], ['careGrade', 'int'], ['requiredWorkerGender', 'text'],
      ['preferredWorkers', 'list'], ['pairedWorker', 'text'], ['refusedWorkers', 'list']],
  },
  workers: {
    path: 'workers',
    columns: [
      ['register.col.id', w => w.id],
      ['register.col.role', w => label('role', w.role)],
      ['register.col.mode', w => label('mode', w.mode)],
      ['register.col.shifts', w => (w.weeklyShifts || []).map(s => days(s.days) + ' ' + s.start + '-' + s.end).join('；')],
      ['register.col.hours', w => [w.maxHoursPerWeek, w.contractHoursPerWeek].map(h => h ?? '—').join(' / ')],
      ['register.col.skills', w => (w.skills || []).map(s => s.skill).join('、')],
    ],
    fields: [['id', 'text'], ['role', 'text'], ['mode', 'text'], ['gender', 'text'], ['start.lat', 'num'],
      ['start.lon', 'num'], ['end.lat', 'num'], ['end.lon', 'num'], ['weeklyShifts', 'json'], ['absences', 'json'],
      ['capacityBoxes', 'int'], ['skills', 'json'], ['costPerHour', 'num'], ['maxHoursPerDay', 'num'],
      ['maxHoursPerWeek', 'num'], ['contractHoursPerWeek', 'num'], ['maxKmFromHome', 'num']],
  },
  mealSubscriptions: {
    path: 'meal-subscriptions',
    columns: [
      ['register.col.id', s => s.id],
      ['register.col.elderId', s => s.elderId],
      ['register.col.batch', s => s.kitchenId + (s.batchId ? ' · ' + s.batchId : '')],
      ['register.col.days', s => days(s.days)],
      ['register.col.window', s => s.window ? s.window.start + '-' + s.window.end : ''],
      ['register.col.boxes', s => s.boxes ?? 1],
      ['register.col.period', s => period(s)],
    ],
    fields: [['id', 'text'], ['elderId', 'text'], ['kitchenId', 'text'], ['batchId', 'text'], ['boxes', 'int'],
      ['days', 'list'], ['window.start', 'text'], ['window.end', 'text'], ['handoverMinutes', 'int'],
      ['from', 'text'], ['until', 'text'], ['skipDates', 'list']],
  },
  carePlans: {
    path: 'care-plans',
    columns: [
      ['register.col.id', p => p.id],
      ['register.col.elderId', p => p.elderId],
      ['register.col.type', p => label('visit', p.type)],
      ['register.col.times', p => p.timesPerWeek],
      ['register.col.days', p => days(p.days)],
      ['register.col.window', p => p.window ? p.window.start + '-' + p.window.end : ''],
      ['register.col.workersNeeded', p => p.workersNeeded ?? 1],
      ['register.col.period', p => period(p)],
    ],
    fields: [['id', 'text'], ['elderId', 'text'], ['type', 'text'], ['requiredSkills', 'list'],
      ['durationMinutes', 'int'], ['timesPerWeek', 'int'], ['minDaysApart', 'int'], ['days', 'list'],
      ['window.start', 'text'], ['window.end', 'text'], ['workersNeeded', 'int'], ['priority', 'int'],
      ['from', 'text'], ['until', 'text']],
  },
};
/** Who may change what (the server decides; the page only hides what would be refused). */
const WRITERS = { elders: ['ADMIN', 'DISPATCHER'], workers: ['ADMIN', 'DISPATCHER'], carePlans: ['ADMIN', 'DISPATCHER'],
  mealSubscriptions: ['ADMIN', 'DISPATCHER', 'KITCHEN'], import: ['ADMIN', 'DISPATCHER'] };
const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
const DAY_ZH = { MON: '周一', TUE: '周二', WED: '周三', THU: '周四', FRI: '周五', SAT: '周六', SUN: '周日' };

const state = { role: null, registry: null, version: 0, versions: [], tab: 'elders', editing: null, refused: [] };

function classesOf(elder) {
  const all = [...(elder.priorityClasses || [])];
  if (elder.priorityClass && !all.includes(elder.priorityClass)) {
    all.push(elder.priorityClass);
  }
  return all;
}

/** 周一至周五 for a run of three or more days, else one by one; codes in English. */
function days(list) {
  if (!list || !list.length) {
    return '';
  }
  const name = d => (lang() === 'en' ? d : DAY_ZH[d] || d);
  const run = list.length >= 3 && list.every((d, i) => i === 0 || WEEKDAYS.indexOf(d) === (WEEKDAYS.indexOf(list[i - 1]) + 1) % 7);
  return run ? name(list[0]) + (lang() === 'en' ? '-' : '至') + name(list[list.length - 1]) : list.map(name).join('、');
}

function period(entry) {
  return entry.from || entry.until ? (entry.from || '…') + ' – ' + (entry.until || '…') : '';
}

// ---- requests ----

async function call(method, path, { body, contentType, ifMatch } = {}) {
  const headers = { 'Accept-Language': acceptLanguage(), Accept: 'application/json, application/problem+json' };
  if (body !== undefined) {
    headers['Content-Type'] = contentType || 'application/json';
  }
  if (ifMatch) {
    headers['If-Match'] = '"' + ifMatch + '"';
  }
  if (method !== 'GET') {
    headers['X-XSRF-TOKEN'] = csrfToken();
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined
        : contentType ? body : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, { title: t('error.network') });
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, json);
  }
  return { json, etag: (response.headers.get('ETag') || '').replace(/^W\//, '').replace(/"/g, '') };
}

async function load() {
  try {
    const current = await call('GET', BASE);
    state.registry = current.json;
    state.version = Number(current.etag) || 0;
  } catch (e) {
    if (e.status !== 404) {
      throw e;
    }
    state.registry = null;
    state.version = 0;
  }
  state.versions = (await call('GET', BASE + '/versions')).json.versions || [];
}

// ---- rendering ----

function render() {
  const view = $('register-view');
  const latest = state.versions[0];
  const canImport = WRITERS.import.includes(state.role);
  view.innerHTML = `
    <div class="register-head">
      <h2 id="register-title">${escapeHtml(t('register.title'))}</h2>
      <span class="muted" id="register-version" data-version="${state.version}">${latest
        ? escapeHtml(t('register.version', latest.version, latest.at.substring(0, 16).replace('T', ' '), latest.by)) : ''}</span>
      <span class="register-actions">
        ${state.registry ? `<a class="btn" id="register-export" href="${BASE}/workbook?lang=${lang()}" download>${escapeHtml(t('register.export'))}</a>` : ''}
        ${canImport ? `<label class="btn primary" id="register-import-label">${escapeHtml(t('register.import'))}
          <input type="file" id="register-import" class="file-input" accept=".xlsx,.xlsm,.xls,${XLSX}"></label>` : ''}
        <button type="button" class="btn ghost" id="register-close">${escapeHtml(t('register.close'))}</button>
      </span>
    </div>
    <div id="register-message" class="register-message" hidden></div>
    ${refusedHtml()}
    ${state.registry ? tabsHtml() + `<div id="register-list" class="register-list">${state.tab === 'versions' ? versionsHtml() : listHtml(state.tab)}</div>`
      : `<p class="register-empty" id="register-empty">${escapeHtml(t('register.none'))}</p>`}
    <form id="register-edit" class="register-edit card" hidden></form>`;
  if (state.editing) {
    renderEditor();
  }
}

function refusedHtml() {
  if (!state.refused.length) {
    return '';
  }
  const rows = state.refused.map(e => `<tr class="refused-cell" data-sheet="${escapeHtml(e.sheet ?? '')}" data-row="${escapeHtml(e.row ?? '')}"
      data-column="${escapeHtml(e.column ?? '')}"><td>${escapeHtml(e.sheet ?? e.field)}</td><td>${escapeHtml(e.row ?? '')}</td>
      <td>${escapeHtml(e.column ?? '')}</td><td class="reason">${escapeHtml(e.reason)}</td></tr>`).join('');
  return `<div class="register-refused card" id="register-refused">
    <h3>${escapeHtml(t('register.refused', state.refused.length))}</h3>
    <table class="register-table"><thead><tr><th>${escapeHtml(t('register.sheet'))}</th><th>${escapeHtml(t('register.row'))}</th>
    <th>${escapeHtml(t('register.column'))}</th><th>${escapeHtml(t('register.reason'))}</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function tabsHtml() {
  const tabs = [...Object.keys(LISTS), 'versions'].map(key => {
    const count = key === 'versions' ? state.versions.length : (state.registry[key] || []).length;
    return `<button type="button" class="tab${state.tab === key ? ' active' : ''}" data-register-tab="${key}">${escapeHtml(
      t('register.tab.' + key))} <span class="count">${count}</span></button>`;
  }).join('');
  return `<div class="tabs register-tabs" role="tablist">${tabs}</div>`;
}

function listHtml(key) {
  const list = LISTS[key];
  const writable = WRITERS[key].includes(state.role);
  const head = list.columns.map(([title]) => `<th>${escapeHtml(t(title))}</th>`).join('') + (writable ? '<th></th>' : '');
  const rows = (state.registry[key] || []).map(entry => `<tr class="register-row" data-list="${key}" data-id="${escapeHtml(entry.id)}">${
    list.columns.map(([, value]) => `<td>${escapeHtml(value(entry) ?? '')}</td>`).join('')}${writable ? `<td class="row-actions">
      <button type="button" class="link" data-edit="${escapeHtml(entry.id)}">${escapeHtml(t('register.edit'))}</button>
      <button type="button" class="link danger" data-delete="${escapeHtml(entry.id)}">${escapeHtml(t('register.delete'))}</button></td>` : ''}</tr>`).join('');
  return `<table class="register-table" data-list="${key}"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

function versionsHtml() {
  const rows = state.versions.map(v => {
    const changes = Object.entries(v.changes || {}).filter(([name]) => name !== 'settings')
      .map(([name, c]) => c && (c.added.length + c.changed.length + c.removed.length)
        ? escapeHtml(t('register.tab.' + name)) + ' ' + escapeHtml(t('register.changes', c.added.length, c.changed.length, c.removed.length))
        : '').filter(Boolean).join('；');
    return `<tr class="version-row" data-version="${v.version}"><td>${v.version}</td><td>${escapeHtml(v.at.substring(0, 19).replace('T', ' '))}</td>
      <td>${escapeHtml(v.by)}</td><td>${changes}</td></tr>`;
  }).join('');
  return `<table class="register-table"><thead><tr><th>${escapeHtml(t('register.col.version'))}</th><th>${escapeHtml(t('register.col.at'))}</th>
    <th>${escapeHtml(t('register.col.by'))}</th><th>${escapeHtml(t('register.col.changes'))}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

// ---- editing one entry ----

function get(entry, path) {
  return path.split('.').reduce((value, key) => (value == null ? undefined : value[key]), entry);
}

function fieldHtml([path, type], entry) {
  const value = get(entry, path);
  const text = value == null ? '' : type === 'list' ? value.join(';') : type === 'json' ? JSON.stringify(value, null, 1) : String(value);
  const hint = type === 'list' ? t('register.listHint') : type === 'json' ? t('register.jsonHint') : '';
  const name = lang() === 'en' ? path : t('register.field.' + path);
  const input = type === 'json'
    ? `<textarea name="${path}" rows="3">${escapeHtml(text)}</textarea>`
    : `<input name="${path}" value="${escapeHtml(text)}"${path === 'id' ? ' readonly' : ''}${type === 'int' || type === 'num' ? ' inputmode="decimal"' : ''}>`;
  return `<label class="field" data-field="${path}"><span>${escapeHtml(name)}${hint ? ' <small>(' + escapeHtml(hint) + ')</small>' : ''}</span>${input}
    <small class="field-error reason"></small></label>`;
}

function renderEditor() {
  const { key, entry } = state.editing;
  const form = $('register-edit');
  form.hidden = false;
  form.dataset.list = key;
  form.innerHTML = `<h3>${escapeHtml(t('register.editing', entry.id))}</h3>
    <div class="register-fields">${LISTS[key].fields.map(f => fieldHtml(f, entry)).join('')}</div>
    <ul class="form-errors" id="register-edit-errors"></ul>
    <div class="register-edit-actions"><button type="submit" class="btn primary" id="register-save">${escapeHtml(t('register.save'))}</button>
    <button type="button" class="btn" id="register-cancel">${escapeHtml(t('register.cancel'))}</button></div>`;
  form.scrollIntoView({ block: 'nearest' });
}

/** The entry as edited: the fields of the form over the entry as read (properties the form does not show are kept). */
function edited() {
  const { key, entry } = state.editing;
  const result = JSON.parse(JSON.stringify(entry));
  const problems = [];
  for (const [path, type] of LISTS[key].fields) {
    const raw = $('register-edit').elements[path].value.trim();
    let value = null;
    if (raw !== '') {
      if (type === 'int' || type === 'num') {
        value = Number(raw);
        if (!Number.isFinite(value) || (type === 'int' && !Number.isInteger(value))) {
          problems.push([path, t('register.badNumber')]);
        }
      } else if (type === 'list') {
        value = raw.split(/[;；,，、]/).map(s => s.trim()).filter(Boolean);
      } else if (type === 'json') {
        try {
          value = JSON.parse(raw);
        } catch (e) {
          problems.push([path, t('register.badJson')]);
        }
      } else {
        value = raw;
      }
    }
    const keys = path.split('.');
    let holder = result;
    for (const k of keys.slice(0, -1)) {
      holder = holder[k] = holder[k] && typeof holder[k] === 'object' ? holder[k] : {};
    }
    holder[keys[keys.length - 1]] = value;
    if (keys.length > 1 && Object.values(result[keys[0]]).every(v => v == null)) {
      result[keys[0]] = null;   // both coordinates blank: no location, as a blank pair of cells
    }
  }
  return { result, problems };
}

function showEditErrors(errors) {
  const form = $('register-edit');
  form.querySelectorAll('.field-error').forEach(el => { el.textContent = ''; });
  const general = [];
  for (const e of errors) {
    // The API names a field of the register (elders[3].careGrade) or of the entry: shown at its input if it is one.
    const path = (e.field || '').replace(/^[a-zA-Z]+\[\d+]\./, '').replace(/\[\d+]/g, '');
    const at = form.querySelector(`[data-field="${CSS.escape(path)}"] .field-error`)
        || form.querySelector(`[data-field="${CSS.escape(path.split('.')[0])}"] .field-error`);
    if (at) {
      at.textContent = e.reason;
    } else {
      general.push(e);
    }
  }
  $('register-edit-errors').innerHTML = general.map(e => `<li><b>${escapeHtml(e.field || '')}</b> ${escapeHtml(e.reason)}</li>`).join('');
}

async function save(event) {
  event.preventDefault();
  const { key, entry } = state.editing;
  const { result, problems } = edited();
  if (problems.length) {
    showEditErrors(problems.map(([field, reason]) => ({ field, reason })));
    return;
  }
  try {
    const answer = await call('PUT', BASE + '/' + LISTS[key].path + '/' + encodeURIComponent(entry.id),
      { body: result, ifMatch: state.version });
    state.editing = null;
    await refresh(t('register.saved', answer.json.version));
  } catch (e) {
    showEditErrors(e.errors.length ? e.errors : [{ field: '', reason: e.message }]);
  }
}

async function remove(key, id) {
  if (!window.confirm(t('register.confirmDelete', id))) {
    return;
  }
  try {
    const answer = await call('DELETE', BASE + '/' + LISTS[key].path + '/' + encodeURIComponent(id), { ifMatch: state.version });
    await refresh(t('register.deleted', answer.json.version));
  } catch (e) {
    message(e.errors.map(x => (x.field ? x.field + ': ' : '') + x.reason).join('；') || e.message, true);
  }
}

// ---- the workbook ----

async function importWorkbook(file) {
  message(t('register.importing'));
  try {
    const bytes = await file.arrayBuffer();
    // Against the version shown: a register someone changed meanwhile is refused (412), not overwritten.
    const answer = await call('PUT', BASE, { body: bytes, contentType: XLSX, ifMatch: state.version || undefined });
    state.refused = [];
    await refresh(t('register.imported', answer.json.version));
  } catch (e) {
    state.refused = e.errors.length ? e.errors : [{ field: file.name, reason: e.message }];
    render();
    $('register-refused')?.scrollIntoView({ block: 'start' });
  }
}

// ---- the view ----

function message(text, bad = false) {
  const box = $('register-message');
  if (box) {
    box.hidden = false;
    box.textContent = text;
    box.classList.toggle('bad', bad);
  }
}

async function refresh(note) {
  await load();
  render();
  if (note) {
    message(note);
    $('register-message').scrollIntoView({ block: 'nearest' });
  }
}

async function open() {
  document.body.dataset.view = 'register';
  $('register-view').hidden = false;
  try {
    await refresh();
  } catch (e) {
    $('register-view').innerHTML = `<p class="reason">${escapeHtml(e.message)}</p>`;
  }
}

function close() {
  delete document.body.dataset.view;
  $('register-view').hidden = true;
  state.editing = null;
  state.refused = [];
}

function wire() {
  const view = $('register-view');
  view.addEventListener('click', e => {
    const tab = e.target.closest('[data-register-tab]');
    if (tab) {
      state.tab = tab.dataset.registerTab;
      state.editing = null;
      render();
    } else if (e.target.closest('[data-edit]')) {
      const id = e.target.closest('[data-edit]').dataset.edit;
      state.editing = { key: state.tab, entry: state.registry[state.tab].find(x => x.id === id) };
      renderEditor();
    } else if (e.target.closest('[data-delete]')) {
      remove(state.tab, e.target.closest('[data-delete]').dataset.delete);
    } else if (e.target.id === 'register-cancel') {
      state.editing = null;
      $('register-edit').hidden = true;
    } else if (e.target.id === 'register-close') {
      close();
    }
  });
  view.addEventListener('submit', save);
  view.addEventListener('change', e => {
    if (e.target.id === 'register-import' && e.target.files.length) {
      importWorkbook(e.target.files[0]);
    }
  });
  $('btn-register').addEventListener('click', () => (view.hidden ? open() : close()));
  // The page's language button sets <html lang>: the view follows it.
  new MutationObserver(() => {
    if (!view.hidden && state.registry !== undefined) {
      render();
    }
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

async function start() {
  try {
    const me = await call('GET', '/api/v1/me');
    state.role = me.json.role;
  } catch (e) {
    return;
  }
  // A worker may not read the register (it holds every elder's personal data): no button for them.
  $('btn-register').hidden = state.role === 'WORKER';
  $('btn-register').textContent = t('register.open');
  new MutationObserver(() => { $('btn-register').textContent = t('register.open'); })
    .observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  wire();
}

start();
