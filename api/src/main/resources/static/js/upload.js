// "Upload the day": a kitchen or dispatcher hands in the day's own file (an Excel workbook, a zip of CSV files or
// problem.json) with POST /api/v1/plans as multipart/form-data. A refused file lists every bad cell (sheet, row,
// column, reason) in a table; an accepted one opens in the console (#plan=ID), which follows the solve.
import { ApiError, csrfToken } from './api.js';
import { acceptLanguage, addTexts, applyStatic, t } from './i18n.js';
import { escapeHtml } from './format.js';

addTexts({
  zh: {
    'upload.open': '上传当天数据',
    'upload.title': '上传当天数据并规划',
    'upload.hint': '可上传 Excel 工作簿（.xlsx、.xls）、装有各表 .csv 文件的 .zip 压缩包，或 problem.json；最大 10 MB。'
        + '表格格式见用户手册，“规划示例街道”生成的 problem.xlsx 可作模板。',
    'upload.drop': '把文件拖到这里，或点击选择文件',
    'upload.chosen': '已选择：{0}（{1} KB）',
    'upload.submit': '上传并规划',
    'upload.close': '关闭',
    'upload.sending': '正在上传和检查…',
    'upload.refused': '文件未通过检查，共 {0} 处错误，未做规划。请在文件中改正后重新上传：',
    'upload.sheet': '工作表/文件',
    'upload.row': '行',
    'upload.column': '列',
    'upload.where': '位置',
    'upload.reason': '原因',
    'upload.accepted': '已接受，开始规划 {0}',
  },
  en: {
    'upload.open': 'Upload the day',
    'upload.title': 'Upload the day and plan it',
    'upload.hint': 'An Excel workbook (.xlsx, .xls), a .zip of the sheets as .csv files, or problem.json; at most 10 MB. '
        + 'The layout is in the user guide; the problem.xlsx that "Plan the demo street" writes is a template.',
    'upload.drop': 'Drop a file here, or click to choose one',
    'upload.chosen': 'Chosen: {0} ({1} KB)',
    'upload.submit': 'Upload and plan',
    'upload.close': 'Close',
    'upload.sending': 'Uploading and checking…',
    'upload.refused': 'The file was refused: {0} error(s), nothing planned. Correct them in the file and upload it again:',
    'upload.sheet': 'Sheet / file',
    'upload.row': 'Row',
    'upload.column': 'Column',
    'upload.where': 'Where',
    'upload.reason': 'Reason',
    'upload.accepted': 'Accepted, planning {0}',
  },
});

const $ = id => document.getElementById(id);
const state = { file: null, errors: null };

/** The dialog, built once over the console. */
function build() {
  const dialog = document.createElement('section');
  dialog.id = 'upload-view';
  dialog.className = 'upload-view';
  dialog.hidden = true;
  dialog.dataset.state = 'idle';
  dialog.innerHTML = `
    <div class="upload-box" role="dialog" aria-labelledby="upload-title">
      <div class="upload-head">
        <h2 id="upload-title" data-i18n="upload.title"></h2>
        <button type="button" class="btn ghost" id="upload-close" data-i18n="upload.close"></button>
      </div>
      <p class="muted" data-i18n="upload.hint"></p>
      <label class="upload-drop" id="upload-drop">
        <input type="file" id="upload-file" accept=".xlsx,.xls,.xlsm,.zip,.json">
        <span data-i18n="upload.drop"></span>
        <strong id="upload-chosen"></strong>
      </label>
      <div class="upload-actions">
        <button type="button" class="btn primary" id="upload-submit" data-i18n="upload.submit" disabled></button>
        <span id="upload-status" class="muted"></span>
      </div>
      <div id="upload-errors" hidden>
        <p class="upload-refused" id="upload-refused"></p>
        <table class="upload-table" id="upload-table"><thead></thead><tbody></tbody></table>
      </div>
    </div>`;
  document.body.append(dialog);
  applyStatic(dialog);
  applyStatic(document.querySelector('.top-actions'));
  $('btn-upload').addEventListener('click', open);
  $('upload-close').addEventListener('click', close);
  $('upload-file').addEventListener('change', e => choose(e.target.files[0]));
  const drop = $('upload-drop');
  drop.addEventListener('dragover', e => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', e => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer.files.length) {
      choose(e.dataTransfer.files[0]);
    }
  });
  $('upload-submit').addEventListener('click', send);
  document.addEventListener('careroute:lang', () => {
    applyStatic(dialog);
    renderChosen();
    renderErrors();
  });
}

function open() {
  $('upload-view').hidden = false;
}

function close() {
  $('upload-view').hidden = true;
}

function choose(file) {
  state.file = file || null;
  state.errors = null;
  $('upload-view').dataset.state = 'chosen';
  $('upload-status').textContent = '';
  renderChosen();
  renderErrors();
}

function renderChosen() {
  $('upload-chosen').textContent = state.file
    ? t('upload.chosen', state.file.name, Math.max(1, Math.round(state.file.size / 1024))) : '';
  $('upload-submit').disabled = !state.file;
}

async function send() {
  if (!state.file) {
    return;
  }
  const view = $('upload-view');
  view.dataset.state = 'sending';
  $('upload-submit').disabled = true;
  $('upload-status').textContent = t('upload.sending');
  state.errors = null;
  renderErrors();
  const form = new FormData();
  form.append('file', state.file, state.file.name);
  try {
    const accepted = await post(form);
    view.dataset.state = 'accepted';
    view.dataset.planId = accepted.id;
    $('upload-status').textContent = t('upload.accepted', accepted.id);
    close();
    location.hash = '#plan=' + encodeURIComponent(accepted.id);   // the console opens it and follows the solve
  } catch (e) {
    view.dataset.state = 'refused';
    $('upload-status').textContent = '';
    state.errors = e instanceof ApiError && e.errors.length ? e.errors
      : [{ field: state.file.name, reason: e.message || t('error.title') }];
    renderErrors();
  } finally {
    $('upload-submit').disabled = !state.file;
  }
}

/** The multipart POST (the browser sets the boundary); errors as the API's problem details. */
async function post(form) {
  let response;
  try {
    response = await fetch('/api/v1/plans', {
      method: 'POST', body: form,
      headers: { 'Accept-Language': acceptLanguage(), 'Accept': 'application/json, application/problem+json',
        'X-XSRF-TOKEN': csrfToken() },
    });
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
  if (response.status === 401) {
    window.location.assign('/login.html');
  }
  if (!response.ok) {
    throw new ApiError(response.status, json);
  }
  return json;
}

/** Cells by sheet, row and column when the error has them; other errors (a JSON field, the file) by where. */
function renderErrors() {
  const box = $('upload-errors');
  const errors = state.errors;
  box.hidden = !errors;
  if (!errors) {
    return;
  }
  $('upload-refused').textContent = t('upload.refused', errors.length);
  const cells = errors.some(e => e.sheet !== undefined);
  const table = $('upload-table');
  table.querySelector('thead').innerHTML = cells
    ? `<tr><th>${escapeHtml(t('upload.sheet'))}</th><th>${escapeHtml(t('upload.row'))}</th>`
      + `<th>${escapeHtml(t('upload.column'))}</th><th>${escapeHtml(t('upload.reason'))}</th></tr>`
    : `<tr><th>${escapeHtml(t('upload.where'))}</th><th>${escapeHtml(t('upload.reason'))}</th></tr>`;
  table.querySelector('tbody').innerHTML = errors.map(e => {
    const data = `data-sheet="${escapeHtml(e.sheet ?? '')}" data-row="${escapeHtml(e.row ?? '')}" `
      + `data-column="${escapeHtml(e.column ?? '')}" data-field="${escapeHtml(e.field ?? '')}"`;
    if (!cells) {
      return `<tr ${data}><td>${escapeHtml(e.field ?? '')}</td><td class="reason">${escapeHtml(e.reason ?? '')}</td></tr>`;
    }
    const where = e.sheet !== undefined
      ? `<td>${escapeHtml(e.sheet)}</td><td class="num">${escapeHtml(e.row ?? '')}</td><td>${escapeHtml(e.column ?? '')}</td>`
      : `<td colspan="3">${escapeHtml(e.field ?? '')}</td>`;
    return `<tr ${data}>${where}<td class="reason">${escapeHtml(e.reason ?? '')}</td></tr>`;
  }).join('');
}

build();
