// Times, durations, distances and colours as the console shows them. Times are shown in the plan's zone
// (Asia/Shanghai by default), whatever the browser's own zone is.
import { locale, t } from './i18n.js';

let zone = 'Asia/Shanghai';
const formatters = new Map();

export function setZone(timeZone) {
  zone = timeZone || 'Asia/Shanghai';
}

export function timeZone() {
  return zone;
}

function formatter() {
  const key = locale() + '|' + zone;
  if (!formatters.has(key)) {
    formatters.set(key, new Intl.DateTimeFormat(locale(), { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }));
  }
  return formatters.get(key);
}

/** "11:05" in the plan's zone. */
export function hhmm(value) {
  if (value === null || value === undefined) {
    return '–';
  }
  const date = value instanceof Date ? value : new Date(value);
  return formatter().format(date);
}

export function windowText(w) {
  return w ? hhmm(w.start) + '–' + hhmm(w.end) : '';
}

export function minutes(seconds) {
  return Math.round((seconds || 0) / 60);
}

export function hoursMinutes(seconds) {
  const total = Math.round((seconds || 0) / 60);
  return t('hm', Math.floor(total / 60), total % 60);
}

/** "5<small>h</small> 59<small>min</small>" for a figure tile (HTML). */
export function hoursMinutesHtml(seconds) {
  const total = Math.round((seconds || 0) / 60);
  return `${Math.floor(total / 60)}<small>${escapeHtml(t('unit.h'))}</small> ${total % 60}<small>${escapeHtml(t('unit.min'))}</small>`;
}

export function km(metres) {
  return ((metres || 0) / 1000).toLocaleString(locale(), { maximumFractionDigits: 1, minimumFractionDigits: 1 });
}

/** "0hard/-12medium/-3456soft" -> {hard: 0, medium: -12, soft: -3456}; null if it is not such a score. */
export function parseScore(score) {
  const m = /^(-?\d+)hard\/(-?\d+)medium\/(-?\d+)soft$/.exec(score || '');
  return m ? { hard: Number(m[1]), medium: Number(m[2]), soft: Number(m[3]) } : null;
}

/** The UTC offset ("+08:00") the plan's times carry, to write new times the same way. */
export function offsetOf(iso) {
  const m = /([+-]\d\d:\d\d|Z)$/.exec(iso || '');
  return m ? (m[1] === 'Z' ? '+00:00' : m[1]) : '+08:00';
}

/** The plan day's date ("2026-11-24") and a time of day ("10:30") as ISO-8601 with the plan's offset. */
export function isoAt(date, time, offset) {
  return date + 'T' + time + ':00' + offset;
}

/** "10:30" of an ISO time, in the plan's zone (for time inputs). */
export function timeOfDay(iso) {
  return hhmm(iso);
}

// Twenty colours that stay apart on a light map and in print (Tableau 20, reordered so neighbours differ).
const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2',
  '#bcbd22', '#393b79', '#637939', '#843c39', '#7b4173', '#3182bd', '#e6550d', '#31a354', '#756bb1',
  '#636363', '#de9ed6', '#9c9ede'];

export function colour(index) {
  return PALETTE[index % PALETTE.length];
}

export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
