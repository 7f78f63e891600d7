// The route map: Leaflet with no tile layer. The streets come from the server's road network (GeoJSON), so the
// map works without internet; routes follow the roads, one colour per worker; stops are numbered in route order.
import { label, t } from './i18n.js';
import { escapeHtml, hhmm, minutes, windowText } from './format.js';

/* global L */

const MAJOR = new Set(['motorway', 'trunk', 'primary', 'secondary']);

function roadStyle(feature) {
  const cls = feature.properties.class;
  if (MAJOR.has(cls)) {
    return { color: '#c3cad4', weight: 4, opacity: 1 };
  }
  if (cls === 'tertiary') {
    return { color: '#cdd3db', weight: 3, opacity: 1 };
  }
  return { color: '#d9dee4', weight: 1.6, opacity: 1 };
}

export class RouteMap {
  constructor(element, callbacks) {
    this.callbacks = callbacks;
    this.map = L.map(element, { zoomSnap: 0.25, zoomDelta: 0.5, minZoom: 10, maxZoom: 20, attributionControl: true });
    this.map.attributionControl.setPrefix(false);
    this.map.setView([31.23, 121.475], 15);
    L.control.scale({ imperial: false, position: 'bottomright' }).addTo(this.map);
    this.svg = L.svg({ padding: 0.5 });
    this.roadLayer = null;
    this.workerLayers = new Map();
    this.shared = L.layerGroup().addTo(this.map);
    this.markers = new Map();
    this.legend = this.legendControl().addTo(this.map);
    element.addEventListener('click', e => {
      const pin = e.target.closest('[data-pin-task]');
      if (pin) {
        this.callbacks.onPin(pin.dataset.pinTask);
      }
      const absent = e.target.closest('[data-absent-worker]');
      if (absent) {
        this.callbacks.onAbsent(absent.dataset.absentWorker);
      }
    });
  }

  legendControl() {
    const control = L.control({ position: 'bottomleft' });
    control.onAdd = () => {
      const div = L.DomUtil.create('div', 'map-legend');
      this.legendDiv = div;
      this.fillLegend();
      return div;
    };
    return control;
  }

  fillLegend() {
    if (!this.legendDiv) {
      return;
    }
    this.legendDiv.innerHTML = `
      <div><span class="lg-pin"></span>${escapeHtml(label('kind', 'DELIVERY'))}</div>
      <div><span class="lg-pin lg-visit"></span>${escapeHtml(label('kind', 'VISIT'))}</div>
      <div><span class="lg-kitchen">K</span>${escapeHtml(label('kind', 'KITCHEN'))}</div>
      <div><span class="lg-unassigned">!</span>${escapeHtml(t('map.unassigned'))}</div>
      <div><span class="lg-frozen"></span>${escapeHtml(t('map.frozen'))}</div>`;
    if (this.roadText) {
      this.legendDiv.insertAdjacentHTML('beforeend', `<div class="lg-roads">${escapeHtml(this.roadText)}</div>`);
    }
  }

  relabel() {
    this.fillLegend();
  }

  drawRoads(geojson) {
    if (this.roadLayer) {
      this.roadLayer.remove();
    }
    this.roadLayer = L.geoJSON(geojson, { renderer: L.canvas({ padding: 0.5 }), style: roadStyle, interactive: false });
    this.roadLayer.addTo(this.map);
    this.roadLayer.bringToBack();
    const box = geojson.bbox;
    if (Array.isArray(box) && box.length === 4) {
      this.roadBounds = L.latLngBounds([box[1], box[0]], [box[3], box[2]]);
      this.map.fitBounds(this.roadBounds, { padding: [10, 10] });
      this.map.setMaxBounds(this.roadBounds.pad(0.5));
    }
    this.map.attributionControl.addAttribution(escapeHtml(geojson.attribution || '© OpenStreetMap contributors, ODbL'));
    this.roadCount = [geojson.features.length, geojson.droppedEdges || 0];
    this.roadText = t('map.roads', geojson.features.length) + (geojson.droppedEdges ? t('map.roadsDropped', geojson.droppedEdges) : '');
    this.fillLegend();
  }

  clear() {
    this.workerLayers.forEach(layer => layer.remove());
    this.workerLayers.clear();
    this.shared.clearLayers();
    this.markers.clear();
  }

  /**
   * view: {job, plan, routes, problem, colours (workerId -> colour), changed (Set of task ids), hidden (Set of workers)}
   */
  render(view) {
    this.clear();
    this.view = view;
    const { plan, routes, problem, colours } = view;
    const points = new Map();       // "TASK:O17" / "KITCHEN:K1" / "START:W01" -> [lat, lng] on the road
    const lines = new Map();        // workerId -> [[lat, lng]...] per leg
    for (const f of routes?.features || []) {
      const p = f.properties || {};
      if (f.geometry.type === 'Point') {
        const [lng, lat] = f.geometry.coordinates;
        const kind = p.kind === 'DELIVERY' || p.kind === 'VISIT' ? 'TASK' : p.kind;
        points.set(kind + ':' + p.id, [lat, lng]);
      } else if (f.geometry.type === 'LineString') {
        if (!lines.has(p.workerId)) {
          lines.set(p.workerId, []);
        }
        lines.get(p.workerId).push(f.geometry.coordinates.map(([lng, lat]) => [lat, lng]));
      }
    }
    const wgs84 = (plan.coordinateSystem || 'WGS84') === 'WGS84';
    const where = (key, location) => points.get(key) || (wgs84 && location ? [location.lat, location.lon] : null);
    const elders = new Map((problem?.elders || []).map(e => [e.id, e]));
    const tasks = new Map(plan.tasks.map(task => [task.id, task]));
    const workersById = new Map((problem?.workers || []).map(w => [w.id, w]));
    const bounds = L.latLngBounds([]);
    const kitchens = new Map();

    for (const route of plan.workers) {
      const colour = colours.get(route.id);
      const group = L.layerGroup();
      this.workerLayers.set(route.id, group);
      const legs = lines.get(route.id) || [];
      if (legs.length) {
        const line = L.polyline(legs, { color: colour, weight: 4, opacity: 0.85, className: 'route-line', renderer: this.svg });
        line.on('add', () => line.getElement()?.setAttribute('data-worker', route.id));
        line.bindTooltip(route.id, { sticky: true });
        group.addLayer(line);
        legs.forEach(leg => leg.forEach(p => bounds.extend(p)));
      }
      // A re-plan's routes hold only the open part; the stops done before "now" are joined by straight lines.
      const frozen = [];
      const start = workersById.get(route.id)?.start;
      const replan = Boolean(view.job?.replanOf);
      let sequence = 0;
      let kitchenAt = null;
      for (const stop of route.stops) {
        if (stop.kind === 'KITCHEN') {
          kitchenAt = where('KITCHEN:' + stop.kitchenId, stop.location);
          if (kitchenAt && !kitchens.has(stop.kitchenId)) {
            kitchens.set(stop.kitchenId, kitchenAt);
          }
          continue;
        }
        if (stop.kind === 'END' || !stop.taskId) {
          continue;
        }
        sequence++;
        const at = where('TASK:' + stop.taskId, stop.location);
        if (!at) {
          continue;
        }
        bounds.extend(at);
        if (replan && !points.has('TASK:' + stop.taskId)) {
          if (kitchenAt) {
            frozen.push(kitchenAt);
          }
          frozen.push(at);
        }
        kitchenAt = null;
        const task = tasks.get(stop.taskId);
        const changed = view.changed.has(stop.taskId);
        const marker = L.marker(at, {
          icon: L.divIcon({
            className: 'stop-marker' + (changed ? ' changed' : ''),
            html: `<div class="pin pin-${stop.kind.toLowerCase()}" style="--c:${colour}" data-task-id="${escapeHtml(stop.taskId)}" data-worker="${escapeHtml(route.id)}">${sequence}</div>`,
            iconSize: [22, 22],
            iconAnchor: [11, 11],
            popupAnchor: [0, -10],
          }),
          title: stop.taskId,
          riseOnHover: true,
          zIndexOffset: changed ? 1000 : 0,
        });
        marker.bindPopup(() => this.stopPopup(route, stop, task, elders.get(task?.elderId), sequence), { maxWidth: 300 });
        group.addLayer(marker);
        this.markers.set(stop.taskId, marker);
      }
      if (frozen.length) {
        const startAt = where('START:' + route.id, wgs84 ? start : null);
        const path = startAt ? [startAt, ...frozen] : frozen;
        if (path.length > 1) {
          group.addLayer(L.polyline(path, { color: colour, weight: 2.5, opacity: 0.7, dashArray: '6 6', className: 'route-frozen', renderer: this.svg, interactive: false }));
        }
      }
      if (!view.hidden.has(route.id)) {
        group.addTo(this.map);
      }
    }

    kitchens.forEach((at, id) => {
      bounds.extend(at);
      L.marker(at, {
        icon: L.divIcon({ className: 'kitchen-marker', html: `<div>${escapeHtml(id)}</div>`, iconSize: [30, 22], iconAnchor: [15, 11] }),
        title: id,
        zIndexOffset: 500,
      }).bindTooltip(label('kind', 'KITCHEN') + ' ' + id).addTo(this.shared);
    });

    // Unassigned tasks at the elder's home (when the problem is in WGS-84, the map's system).
    const problemWgs84 = (problem?.coordinateSystem || 'WGS84') === 'WGS84';
    for (const task of plan.tasks) {
      const elder = elders.get(task.elderId);
      if (task.assignedTo || !elder?.location || !problemWgs84) {
        continue;
      }
      const at = [elder.location.lat, elder.location.lon];
      const changed = view.changed.has(task.id);
      const marker = L.marker(at, {
        icon: L.divIcon({ className: 'unassigned-marker' + (changed ? ' changed' : ''), html: `<div data-task-id="${escapeHtml(task.id)}">!</div>`, iconSize: [20, 20], iconAnchor: [10, 10] }),
        title: task.id,
        zIndexOffset: 800,
      });
      marker.bindPopup(() => this.unassignedPopup(task, elder), { maxWidth: 300 });
      marker.addTo(this.shared);
      this.markers.set(task.id, marker);
    }

    if (bounds.isValid()) {
      this.map.fitBounds(bounds, { padding: [24, 24], maxZoom: 17 });
    }
  }

  stopPopup(route, stop, task, elder, sequence) {
    const rows = [];
    const name = elder ? `${escapeHtml(elder.id)}${elder.name ? ' ' + escapeHtml(elder.name) : ''}` : escapeHtml(task?.elderId || '');
    const cls = elder?.priorityClass ? ` · ${escapeHtml(label('class', elder.priorityClass))}` : '';
    rows.push(`<tr><th>${t('popup.elder')}</th><td>${name}${cls}</td></tr>`);
    if (elder?.address) {
      rows.push(`<tr><th></th><td class="muted">${escapeHtml(elder.address)}</td></tr>`);
    }
    if (task?.windows?.length) {
      rows.push(`<tr><th>${t('popup.window')}</th><td>${task.windows.map(windowText).join(', ')}</td></tr>`);
    }
    rows.push(`<tr><th>${t('popup.arrival')}</th><td>${hhmm(stop.arrival)} <span class="muted">(${t('popup.travel', minutes(stop.travelSecondsFromPrevious))}${stop.waitingSeconds ? ', ' + t('popup.wait', minutes(stop.waitingSeconds)) : ''})</span></td></tr>`);
    rows.push(`<tr><th>${t('popup.start')}</th><td>${hhmm(stop.start)} – ${hhmm(stop.end)}</td></tr>`);
    if (task?.boxes) {
      rows.push(`<tr><th></th><td>${t('popup.boxes', task.boxes)}</td></tr>`);
    }
    const changed = this.view.changed.has(stop.taskId) ? ` <span class="tag tag-changed">${escapeHtml(this.view.changeLabel(stop.taskId))}</span>` : '';
    const actions = [];
    const pinnable = stop.kind === 'VISIT' && (!this.view.problem || (this.view.problem.visits || []).some(v => v.id === stop.taskId));
    if (pinnable) {
      actions.push(`<button type="button" class="link" data-pin-task="${escapeHtml(stop.taskId)}">${t('popup.pin')}</button>`);
    }
    actions.push(`<button type="button" class="link" data-absent-worker="${escapeHtml(route.id)}">${t('popup.absent')}</button>`);
    return `<div class="popup">
      <div class="popup-title"><span class="swatch" style="background:${this.view.colours.get(route.id)}"></span>
        <b>${escapeHtml(stop.taskId)}</b> · ${escapeHtml(label('kind', stop.kind))} · ${escapeHtml(route.id)} #${sequence}${changed}</div>
      <table>${rows.join('')}</table>
      <div class="popup-actions">${actions.join('')}</div></div>`;
  }

  unassignedPopup(task, elder) {
    const name = `${escapeHtml(elder.id)}${elder.name ? ' ' + escapeHtml(elder.name) : ''}`;
    const pin = task.kind === 'VISIT' ? `<div class="popup-actions"><button type="button" class="link" data-pin-task="${escapeHtml(task.id)}">${t('popup.pin')}</button></div>` : '';
    return `<div class="popup">
      <div class="popup-title"><b>${escapeHtml(task.id)}</b> · ${escapeHtml(label('kind', task.kind))} · <span class="tag tag-bad">${t('map.unassigned')}</span></div>
      <table><tr><th>${t('popup.elder')}</th><td>${name}</td></tr>
      <tr><th>${t('popup.window')}</th><td>${(task.windows || []).map(windowText).join(', ')}</td></tr>
      <tr><th>${t('popup.reason')}</th><td>${escapeHtml(task.unassignedReason || '')}</td></tr></table>${pin}</div>`;
  }

  setHidden(hidden) {
    this.workerLayers.forEach((layer, id) => {
      if (hidden.has(id)) {
        layer.remove();
      } else if (!this.map.hasLayer(layer)) {
        layer.addTo(this.map);
      }
    });
  }

  focusTask(taskId) {
    const marker = this.markers.get(taskId);
    if (!marker) {
      return;
    }
    this.map.setView(marker.getLatLng(), Math.max(this.map.getZoom(), 16), { animate: true });
    marker.openPopup();
  }

  focusWorker(workerId) {
    const layer = this.workerLayers.get(workerId);
    if (!layer) {
      return;
    }
    const bounds = L.latLngBounds([]);
    layer.eachLayer(l => {
      if (l.getBounds) {
        bounds.extend(l.getBounds());
      } else if (l.getLatLng) {
        bounds.extend(l.getLatLng());
      }
    });
    if (bounds.isValid()) {
      this.map.fitBounds(bounds, { padding: [30, 30], maxZoom: 17 });
    }
  }

  invalidate() {
    this.map.invalidateSize();
  }
}
