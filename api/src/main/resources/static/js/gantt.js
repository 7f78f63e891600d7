// The timeline: one row per worker, their shifts behind, and for every stop the travel to it, the wait at the
// door and the service (kitchen pick-ups in their own colour). Hover shows the details; click finds it on the map.
import { label, t } from './i18n.js';
import { escapeHtml, hhmm, minutes, windowText } from './format.js';

const LABEL_WIDTH = 118;
const ROW = 30;
const BAR = 14;
const AXIS = 26;

const ms = iso => new Date(iso).getTime();

export class Gantt {
  constructor(element, callbacks) {
    this.element = element;
    this.callbacks = callbacks;
    this.tooltip = document.createElement('div');
    this.tooltip.className = 'gantt-tooltip';
    this.tooltip.hidden = true;
    element.parentElement.appendChild(this.tooltip);
    element.addEventListener('mousemove', e => this.hover(e));
    element.addEventListener('mouseleave', () => { this.tooltip.hidden = true; });
    element.addEventListener('click', e => {
      const bar = e.target.closest('[data-task-id]');
      if (bar) {
        this.callbacks.onTask(bar.dataset.taskId);
        return;
      }
      const row = e.target.closest('[data-worker-label]');
      if (row) {
        this.callbacks.onWorker(row.dataset.workerLabel);
      }
    });
  }

  /** view: {plan, problem, colours, changed (Set), hidden (Set), at (ISO or null)} */
  render(view) {
    this.view = view;
    const { plan } = view;
    const elders = new Map((view.problem?.elders || []).map(e => [e.id, e]));
    const tasks = new Map(plan.tasks.map(task => [task.id, task]));
    const roles = new Map((view.problem?.workers || []).map(w => [w.id, w.role]));
    let from = Infinity;
    let to = -Infinity;
    for (const route of plan.workers) {
      for (const shift of route.shifts || (route.shift ? [route.shift] : [])) {
        from = Math.min(from, ms(shift.start));
        to = Math.max(to, ms(shift.end));
      }
      if (route.departure) {
        from = Math.min(from, ms(route.departure));
      }
      for (const stop of route.stops) {
        to = Math.max(to, ms(stop.end || stop.arrival));
      }
    }
    if (!Number.isFinite(from)) {
      this.element.innerHTML = '';
      return;
    }
    const hour = 3600 * 1000;
    from = Math.floor(from / hour) * hour;
    to = Math.ceil(to / hour) * hour;
    const width = Math.max(720, this.element.clientWidth || 900);
    const span = width - LABEL_WIDTH - 12;
    const x = time => LABEL_WIDTH + (time - from) / (to - from) * span;
    const height = AXIS + plan.workers.length * ROW + 6;
    const parts = [];
    parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" class="gantt-svg" role="img"
      data-from="${from}" data-to="${to}" data-left="${LABEL_WIDTH}" data-span="${span}">`);   // the axis, for drag-edit.js
    parts.push(`<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#9aa4b2" stroke-width="2"/></pattern></defs>`);
    for (let time = from; time <= to; time += hour) {
      const px = x(time);
      parts.push(`<line x1="${px}" y1="${AXIS - 6}" x2="${px}" y2="${height}" class="gantt-grid"/>`);
      parts.push(`<text x="${px}" y="${AXIS - 10}" class="gantt-hour" text-anchor="middle">${hhmm(time)}</text>`);
    }
    plan.workers.forEach((route, row) => {
      const y = AXIS + row * ROW;
      const mid = y + ROW / 2;
      const colour = view.colours.get(route.id);
      const dim = view.hidden.has(route.id) ? ' dim' : '';
      parts.push(`<g class="gantt-row${dim}" data-worker="${escapeHtml(route.id)}">`);
      parts.push(`<rect x="0" y="${y}" width="${width}" height="${ROW}" class="${row % 2 ? 'row-odd' : 'row-even'}"/>`);
      for (const shift of route.shifts || (route.shift ? [route.shift] : [])) {
        parts.push(`<rect x="${x(ms(shift.start))}" y="${mid - BAR / 2 - 4}" width="${Math.max(1, x(ms(shift.end)) - x(ms(shift.start)))}" height="${BAR + 8}" rx="3" class="gantt-shift"
          data-tip="${escapeHtml(t('gantt.shift') + ' ' + windowText(shift))}"/>`);
      }
      const role = roles.get(route.id);
      const about = [route.id, label('mode', route.mode), role ? label('role', role) : '',
        t('legend.tasks', route.stops.filter(s => s.taskId).length)].filter(Boolean).join(' · ');
      parts.push(`<g class="gantt-label" data-worker-label="${escapeHtml(route.id)}" data-tip="${escapeHtml(about)}">
        <rect x="8" y="${mid - 6}" width="12" height="12" rx="2" fill="${colour}"/>
        <text x="26" y="${mid + 4}" class="gantt-worker">${escapeHtml(route.id)}</text>
        <text x="62" y="${mid + 4}" class="gantt-mode">${escapeHtml(label('mode', route.mode))}</text></g>`);
      let sequence = 0;
      for (const stop of route.stops) {
        const arrival = ms(stop.arrival);
        const leave = arrival - (stop.travelSecondsFromPrevious || 0) * 1000;
        if (stop.travelSecondsFromPrevious > 0) {
          parts.push(`<rect x="${x(leave)}" y="${mid - 3}" width="${Math.max(1, x(arrival) - x(leave))}" height="6" class="seg-travel" fill="${colour}"
            data-tip="${escapeHtml(t('gantt.travel') + ' ' + hhmm(leave) + '–' + hhmm(arrival) + ' · ' + t('minutes', minutes(stop.travelSecondsFromPrevious)) + (stop.travelMetresFromPrevious ? ' · ' + (stop.travelMetresFromPrevious / 1000).toFixed(1) + ' km' : ''))}"/>`);
        }
        if (stop.kind === 'END') {
          parts.push(`<line x1="${x(arrival)}" y1="${mid - 8}" x2="${x(arrival)}" y2="${mid + 8}" class="seg-end" stroke="${colour}"
            data-tip="${escapeHtml(label('kind', 'END') + ' ' + hhmm(arrival))}"/>`);
          continue;
        }
        const start = ms(stop.start);
        const end = ms(stop.end);
        if (start > arrival) {
          parts.push(`<rect x="${x(arrival)}" y="${mid - BAR / 2}" width="${Math.max(1, x(start) - x(arrival))}" height="${BAR}" class="seg-wait"
            data-tip="${escapeHtml(t('gantt.wait') + ' ' + hhmm(arrival) + '–' + hhmm(start) + ' · ' + t('minutes', minutes((start - arrival) / 1000)))}"/>`);
        }
        if (stop.kind === 'KITCHEN') {
          parts.push(`<rect x="${x(start)}" y="${mid - BAR / 2}" width="${Math.max(3, x(end) - x(start))}" height="${BAR}" class="seg-kitchen"
            data-tip="${escapeHtml(t('gantt.kitchen') + ' ' + (stop.kitchenId || '') + ' ' + hhmm(start) + '–' + hhmm(end) + ' · ' + t('popup.load', stop.loadAfter))}"/>`);
          continue;
        }
        sequence++;
        const task = tasks.get(stop.taskId);
        const elder = elders.get(task?.elderId);
        const changed = view.changed.has(stop.taskId) ? ' changed' : '';
        const tip = [
          `${stop.taskId} · ${label('kind', stop.kind)} · ${route.id} #${sequence}`,
          `${t('popup.elder')} ${task?.elderId || ''}${elder?.name ? ' ' + elder.name : ''}`,
          `${t('popup.window')} ${(task?.windows || []).map(windowText).join(', ')}`,
          `${t('popup.arrival')} ${hhmm(arrival)} · ${t('popup.start')} ${hhmm(start)} · ${t('popup.end')} ${hhmm(end)}`,
        ];
        if (changed) {
          tip.push(view.changeLabel(stop.taskId));
        }
        parts.push(`<rect x="${x(start)}" y="${mid - BAR / 2}" width="${Math.max(3, x(end) - x(start))}" height="${BAR}" rx="2"
          class="seg-service seg-${stop.kind.toLowerCase()}${changed}" fill="${colour}" data-task-id="${escapeHtml(stop.taskId)}"
          data-tip="${escapeHtml(tip.join('\n'))}"/>`);
      }
      if (!route.stops.length) {
        parts.push(`<text x="${LABEL_WIDTH + 6}" y="${mid + 4}" class="gantt-idle">${escapeHtml(t('legend.idle'))}</text>`);
      }
      parts.push('</g>');
    });
    if (view.at) {
      const now = ms(view.at);
      if (now >= from && now <= to) {
        parts.push(`<line x1="${x(now)}" y1="${AXIS - 6}" x2="${x(now)}" y2="${height}" class="gantt-now"/>`);
        parts.push(`<text x="${x(now) + 3}" y="${height - 4}" class="gantt-now-label">${escapeHtml(t('gantt.asOf') + ' ' + hhmm(now))}</text>`);
      }
    }
    parts.push('</svg>');
    this.element.innerHTML = parts.join('');
  }

  hover(e) {
    const target = e.target.closest('[data-tip]');
    if (!target) {
      this.tooltip.hidden = true;
      return;
    }
    this.tooltip.textContent = target.getAttribute('data-tip');
    this.tooltip.hidden = false;
    const box = this.element.parentElement.getBoundingClientRect();
    let left = e.clientX - box.left + 14;
    const top = e.clientY - box.top + 14;
    if (left + 280 > box.width) {
      left = Math.max(4, e.clientX - box.left - 290);
    }
    this.tooltip.style.left = left + 'px';
    this.tooltip.style.top = top + 'px';
  }
}
