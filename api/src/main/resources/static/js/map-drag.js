// Drag and drop on the route map: a dispatcher holds a numbered stop and drops it on another stop (the task goes
// right after that stop, on that stop's worker) or on a worker's route line (the task goes between the two stops
// nearest the drop, the cheapest place on the screen). The edit is drag-edit.js's own: the same check call, the same
// card of broken rules, the same undo and publish. Leaflet pans the map on mousedown; a press on a stop is taken
// here before it reaches the map (a press that does not move stays a click: the stop's popup opens as before).
import { editable, moveAfter } from './drag-edit.js';

const DRAG_PX = 6;
const $ = id => document.getElementById(id);
let drag = null;

/** What is under the pointer: another stop, or a route line (an svg path with the worker's id). */
function targetAt(x, y) {
  const hit = document.elementFromPoint(x, y);
  const stop = hit?.closest('#map .pin[data-task-id][data-worker]');
  if (stop && stop.dataset.taskId !== drag.taskId) {
    return { element: stop, workerId: stop.dataset.worker, afterTaskId: stop.dataset.taskId };
  }
  const line = hit?.closest('#map path.route-line[data-worker]');
  if (line) {
    return { element: line, workerId: line.dataset.worker, afterTaskId: cheapestAfter(line.dataset.worker, x, y) };
  }
  return null;
}

/**
 * The stop after which the drop point fits best on the worker's route as drawn: the pair of neighbours (or the first
 * or last stop) the point adds the least distance to. Measured on the screen, where the dispatcher aimed.
 */
function cheapestAfter(workerId, x, y) {
  const stops = [...document.querySelectorAll('#map .pin[data-worker]')]
    .filter(pin => pin.dataset.worker === workerId && pin.dataset.taskId !== drag.taskId)
    .map(pin => {
      const box = pin.getBoundingClientRect();
      return { taskId: pin.dataset.taskId, x: box.left + box.width / 2, y: box.top + box.height / 2,
        sequence: Number(pin.textContent) };
    })
    .sort((a, b) => a.sequence - b.sequence);
  const d = (a, b) => Math.hypot(a.x - b.x, a.y - b.y);
  const p = { x, y };
  let best = { cost: Infinity, after: null };
  for (let i = 0; i <= stops.length; i++) {
    const before = stops[i - 1];
    const next = stops[i];
    const cost = (before ? d(before, p) : 0) + (next ? d(p, next) : 0) - (before && next ? d(before, next) : 0);
    if (cost < best.cost) {
      best = { cost, after: before ? before.taskId : null };
    }
  }
  return best.after;
}

function clearMarks() {
  document.querySelectorAll('#map .map-drop-target, #map .map-drag-source')
    .forEach(el => el.classList.remove('map-drop-target', 'map-drag-source'));
}

function ghost(text) {
  let div = $('map-drag-ghost');
  if (!div) {
    div = document.createElement('div');
    div.id = 'map-drag-ghost';
    div.className = 'map-drag-ghost';
    document.body.append(div);
  }
  div.textContent = text;
  return div;
}

function wire() {
  const map = $('map');
  if (!map) {
    return;
  }
  const style = document.createElement('style');
  style.textContent = '#map .pin[data-worker] { cursor: grab; touch-action: none; }'
    + ' body.map-dragging, body.map-dragging #map .pin { cursor: grabbing; user-select: none; }'
    + ' #map .map-drag-source { opacity: .35; }'
    + ' #map .pin.map-drop-target { outline: 3px solid #e8590c; outline-offset: 2px; }'
    + ' #map path.map-drop-target { stroke-width: 8; }'
    + ' .map-drag-ghost { position: fixed; z-index: 2000; pointer-events: none; transform: translate(8px, 8px);'
    + ' background: #fff; border: 1px solid #868e96; border-radius: 4px; padding: 1px 6px; font-size: 12px; }';
  document.head.append(style);
  // Capture phase: the press is ours before Leaflet's map (a pan) or marker handlers see it.
  map.addEventListener('pointerdown', e => {
    const pin = e.target.closest('.pin[data-task-id][data-worker]');
    if (!pin || e.button !== 0 || !editable()) {
      return;
    }
    drag = { taskId: pin.dataset.taskId, workerId: pin.dataset.worker, x: e.clientX, y: e.clientY, moved: false, pin };
    e.preventDefault();   // no mousedown follows, so the map does not pan
  }, true);
  map.addEventListener('mousedown', e => {
    if (drag) {
      e.stopPropagation();
    }
  }, true);
  window.addEventListener('pointermove', e => {
    if (!drag) {
      return;
    }
    if (!drag.moved && Math.hypot(e.clientX - drag.x, e.clientY - drag.y) > DRAG_PX) {
      drag.moved = true;
      document.body.classList.add('map-dragging');
      drag.pin.classList.add('map-drag-source');
    }
    if (drag.moved) {
      const div = ghost(drag.taskId);
      div.style.left = e.clientX + 'px';
      div.style.top = e.clientY + 'px';
      div.hidden = false;
      document.querySelectorAll('#map .map-drop-target').forEach(el => el.classList.remove('map-drop-target'));
      targetAt(e.clientX, e.clientY)?.element.classList.add('map-drop-target');
    }
  });
  const end = e => {
    const done = drag;
    drag = null;
    if (!done) {
      return;
    }
    document.body.classList.remove('map-dragging');
    const div = $('map-drag-ghost');
    if (div) {
      div.hidden = true;
    }
    if (!done.moved || e.type === 'pointercancel') {
      clearMarks();
      return;   // a click: the stop's popup, as before
    }
    // The click that ends a drag is not a click on a stop (no popup); if none comes, the next real click counts.
    const swallow = ev => ev.stopPropagation();
    window.addEventListener('click', swallow, { capture: true, once: true });
    setTimeout(() => window.removeEventListener('click', swallow, { capture: true }), 0);
    drag = done;
    const target = targetAt(e.clientX, e.clientY);
    drag = null;
    clearMarks();
    if (target) {
      moveAfter(done.taskId, target.workerId, target.afterTaskId);
    }
  };
  window.addEventListener('pointerup', end);
  window.addEventListener('pointercancel', end);
}

wire();
