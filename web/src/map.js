// The map: coastlines and borders from world-atlas (served beside the page, never fetched from
// outside), a graticule, the scenario's layout (assets, rings, zones, corridors) and the live
// picture drawn by a custom canvas layer every animation frame.

import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import Feature from 'ol/Feature.js';
import Layer from 'ol/layer/Layer.js';
import VectorImageLayer from 'ol/layer/VectorImage.js';
import Graticule from 'ol/layer/Graticule.js';
import VectorSource from 'ol/source/Vector.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import Point from 'ol/geom/Point.js';
import Polygon, { circular } from 'ol/geom/Polygon.js';
import { Fill, Icon, Stroke, Style, Text } from 'ol/style.js';
import { defaults as defaultControls, MousePosition, ScaleLine } from 'ol/control.js';
import { fromLonLat } from 'ol/proj.js';
import { boundingExtent } from 'ol/extent.js';
import ms from 'milsymbol';
import { feature as topoFeature, mesh as topoMesh } from 'topojson-client';

import { corridorOutline, deadReckon, destination, formatLatLon, mercator } from './geo.js';
import { interceptorPositionAt, proposedTracks, trackPositionAt } from './picture.js';
import { IDENTITY_COLOUR, IDENTITIES, SIDC, airTrackSidc, createLabelCache, createSymbolCache } from './symbols.js';

const ATLAS_URL = 'countries-50m.json';
const TRACK_SYMBOL_SIZE = 18;
const INTERCEPTOR_SYMBOL_SIZE = 12;
/** Seconds of flight the velocity leader shows. */
export const LEADER_S = 60;
/** Track numbers are drawn beside every track only while at most this many are in view. */
export const LABEL_LIMIT = 400;
/** Clicks farther than this (CSS pixels) from every track select nothing. */
const PICK_RADIUS_PX = 14;
const ZONE_COLOUR = { free: '#5cc46a', tight: '#ffb347', hold: '#ff5a5a' };

const ringStyle = (colour, dash, width = 1.2) => new Style({ stroke: new Stroke({ color: colour, width, lineDash: dash }) });
const labelStyle = (text, colour, offsetY = 0) =>
  new Style({
    text: new Text({
      text,
      font: '11px "DejaVu Sans", sans-serif',
      fill: new Fill({ color: colour }),
      stroke: new Stroke({ color: 'rgba(0,0,0,0.8)', width: 3 }),
      offsetY,
    }),
  });

function circleGeometry(lat, lon, radiusM) {
  return circular([lon, lat], radiusM, 128).transform('EPSG:4326', 'EPSG:3857');
}

function pointAt(lat, lon) {
  return new Point(fromLonLat([lon, lat]));
}

function symbolIcon(sidc, size) {
  const symbol = new ms.Symbol(sidc, { size, outlineWidth: 2, outlineColor: 'rgba(0,0,0,0.7)' });
  const anchor = symbol.getAnchor();
  return new Icon({
    src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(symbol.asSVG())}`,
    anchor: [anchor.x, anchor.y],
    anchorXUnits: 'pixels',
    anchorYUnits: 'pixels',
  });
}

/** Layout features (rings, assets, zones, corridors, own sensors and fire units) of a `hello`. */
function layoutFeatures(layout) {
  const features = [];
  const add = (geometry, style) => {
    const f = new Feature(geometry);
    f.setStyle(style);
    features.push(f);
  };
  for (const z of layout.zones ?? []) {
    const colour = ZONE_COLOUR[z.control] ?? '#cccccc';
    add(circleGeometry(z.lat, z.lon, z.radius_m), new Style({ stroke: new Stroke({ color: colour, width: 1.2, lineDash: [8, 5] }), fill: new Fill({ color: `${colour}14` }) }));
    const [la, lo] = destination(z.lat, z.lon, 180, z.radius_m);
    add(pointAt(la, lo), labelStyle(`${z.name} (${z.control})`, colour, -8));
  }
  for (const c of layout.corridors ?? []) {
    const ring = corridorOutline(c.points, c.width_m).map(([lat, lon]) => fromLonLat([lon, lat]));
    if (ring.length) add(new Polygon([ring]), new Style({ stroke: new Stroke({ color: '#8fb8ff', width: 1, lineDash: [3, 4] }), fill: new Fill({ color: 'rgba(143,184,255,0.06)' }) }));
    const mid = c.points[Math.floor(c.points.length / 2)] ?? c.points[0];
    if (mid) add(pointAt(mid[0], mid[1]), labelStyle(`${c.name} ${c.min_alt_m}-${c.max_alt_m} m`, '#8fb8ff', -10));
  }
  for (const s of layout.sensors ?? []) {
    add(circleGeometry(s.lat, s.lon, s.range_m), ringStyle('rgba(90,200,255,0.55)', [10, 6]));
    const [la, lo] = destination(s.lat, s.lon, 0, s.range_m);
    add(pointAt(la, lo), labelStyle(`${s.name} ${Math.round(s.range_m / 1000)} km`, 'rgba(90,200,255,0.9)', -8));
    add(pointAt(s.lat, s.lon), [new Style({ image: symbolIcon(SIDC.sensor, 16) }), labelStyle(s.name, '#9fdcff', 18)]);
  }
  for (const u of layout.fire_units ?? []) {
    add(circleGeometry(u.lat, u.lon, u.max_range_m), ringStyle('rgba(255,176,60,0.7)', [6, 4]));
    if (u.min_range_m > 0) add(circleGeometry(u.lat, u.lon, u.min_range_m), ringStyle('rgba(255,176,60,0.5)', [2, 3]));
    const [la, lo] = destination(u.lat, u.lon, 180, u.max_range_m);
    add(pointAt(la, lo), labelStyle(`${u.name} ${Math.round(u.max_range_m / 1000)} km`, 'rgba(255,190,90,0.95)', 10));
    add(pointAt(u.lat, u.lon), [new Style({ image: symbolIcon(SIDC.fireUnit, 16) }), labelStyle(u.name, '#ffc680', 18)]);
  }
  for (const a of layout.assets ?? []) {
    add(circleGeometry(a.lat, a.lon, a.radius_m), new Style({ stroke: new Stroke({ color: '#f2f2f2', width: 1.5 }), fill: new Fill({ color: 'rgba(242,242,242,0.12)' }) }));
    add(pointAt(a.lat, a.lon), labelStyle(`${a.name}`, '#ffffff', 0));
  }
  return features;
}

/** Extent (EPSG:3857) to show first: the fire units' reach around the layout, at least 100 km. */
function homeExtent(layout, origin) {
  const reach = Math.max(100000, ...(layout.fire_units ?? []).map((u) => 1.5 * u.max_range_m));
  const corners = [0, 90, 180, 270].map((b) => destination(origin.lat, origin.lon, b, reach));
  return boundingExtent(corners.map(([lat, lon]) => fromLonLat([lon, lat])));
}

/**
 * Creates the map in `target`. `frame()` is called every render and returns what to draw:
 * {picture, t (sim seconds), selected (track id or null), showTruth}.
 */
export function createMap({ target, mousePositionTarget, frame, onSelect }) {
  const pixelRatio = window.devicePixelRatio || 1;
  const symbols = createSymbolCache(pixelRatio);
  const labels = createLabelCache(pixelRatio);

  const landSource = new VectorSource();
  const layoutSource = new VectorSource();
  const landLayer = new VectorImageLayer({
    source: landSource,
    style: (f) => (f.get('kind') === 'land' ? LAND_STYLE : f.get('kind') === 'coast' ? COAST_STYLE : BORDER_STYLE),
    imageRatio: 1.5,
  });
  const layoutLayer = new VectorImageLayer({ source: layoutSource, imageRatio: 1.5, declutter: false });
  const graticule = new Graticule({
    strokeStyle: new Stroke({ color: 'rgba(150,170,190,0.22)', width: 1, lineDash: [2, 4] }),
    showLabels: true,
    wrapX: false,
    lonLabelStyle: new Text({ font: '10px "DejaVu Sans Mono", monospace', textBaseline: 'bottom', fill: new Fill({ color: 'rgba(170,190,210,0.7)' }) }),
    latLabelStyle: new Text({ font: '10px "DejaVu Sans Mono", monospace', textAlign: 'end', fill: new Fill({ color: 'rgba(170,190,210,0.7)' }) }),
  });

  // The chart (land, graticule, layout, trails) is one map, redrawn only when the view or the
  // picture changes; the live picture is a second map on the same view, on top, redrawn every
  // animation frame while the clock runs. Each frame then costs the moving symbols alone.
  const trails = canvasLayer();
  const live = canvasLayer();
  const trailLayer = new Layer({ render: (frameState) => renderTrails(frameState) });
  const pictureLayer = new Layer({ render: (frameState) => renderPicture(frameState) });
  let trailKey = '';
  // Where each track was drawn in the last frame (CSS pixels), for picking.
  let drawn = { ids: [], xs: new Float64Array(0), ys: new Float64Array(0) };

  const view = new View({ center: fromLonLat([0, 30]), zoom: 3, maxZoom: 14, minZoom: 2 });
  const controls = defaultControls({ attribution: false, rotate: false }).extend([
    new ScaleLine({ units: 'metric', bar: false }),
    ...(mousePositionTarget ? [new MousePosition({ target: mousePositionTarget, projection: 'EPSG:4326', coordinateFormat: (c) => (c ? formatLatLon(c[1], c[0]) : ''), placeholder: '' })] : []),
  ]);
  const chartElement = document.createElement('div');
  const liveElement = document.createElement('div');
  for (const e of [chartElement, liveElement]) {
    e.style.position = 'absolute';
    e.style.inset = '0';
    target.append(e);
  }
  const chart = new OlMap({ target: chartElement, view, controls: [], interactions: [], layers: [landLayer, graticule, layoutLayer, trailLayer] });
  const map = new OlMap({ target: liveElement, view, controls, layers: [pictureLayer] });

  // Frame accounting: timestamps of the live map's last postrender events.
  const frameTimes = [];
  let frameCount = 0;
  let animating = () => false;
  map.on('postrender', () => {
    const now = performance.now();
    frameCount += 1;
    frameTimes.push(now);
    while (frameTimes.length && frameTimes[0] < now - 1000) frameTimes.shift();
    if (animating()) map.render();
  });

  map.on('singleclick', (event) => {
    const [x, y] = event.pixel;
    let best = null;
    let bestD = PICK_RADIUS_PX * PICK_RADIUS_PX;
    for (let i = 0; i < drawn.ids.length; i++) {
      const d = (drawn.xs[i] - x) ** 2 + (drawn.ys[i] - y) ** 2;
      if (d < bestD) {
        bestD = d;
        best = drawn.ids[i];
      }
    }
    onSelect(best);
  });

  fetch(ATLAS_URL)
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${ATLAS_URL}: HTTP ${r.status}`))))
    .then((topology) => landSource.addFeatures(atlasFeatures(topology)))
    .catch((error) => console.warn('coastlines unavailable:', error.message));

  function renderPicture(frameState) {
    const { ctx, toPixel, inside, pr } = live.begin(frameState);
    ctx.imageSmoothingEnabled = false; // sprites are blitted 1:1 at whole pixels
    const { picture, t, selected } = frame();

    // Dead-reckoned positions, then leaders batched per identity colour.
    const n = picture.tracks.size;
    const ids = new Array(n);
    const xs = new Float64Array(n);
    const ys = new Float64Array(n);
    const shown = [];
    let i = 0;
    for (const track of picture.tracks.values()) {
      const p = trackPositionAt(track, t);
      const [x, y] = toPixel(p.lon, p.lat);
      ids[i] = track.id;
      xs[i] = x / pr;
      ys[i] = y / pr;
      i += 1;
      if (inside(x, y)) shown.push([track, x, y, p]);
    }
    drawn = { ids, xs, ys };

    ctx.lineWidth = 1.2 * pr;
    for (const identity of IDENTITIES) {
      ctx.beginPath();
      for (const [track, x, y, p] of shown) {
        if (track.identity !== identity) continue;
        const [lat, lon] = deadReckon(p.lat, p.lon, track.ve ?? 0, track.vn ?? 0, LEADER_S);
        const [lx, ly] = toPixel(lon, lat);
        ctx.moveTo(x, y);
        ctx.lineTo(lx, ly);
      }
      ctx.strokeStyle = IDENTITY_COLOUR[identity];
      ctx.stroke();
    }

    drawInterceptors(ctx, picture, t, toPixel, pr);

    const proposed = proposedTracks(picture);
    const labelAll = shown.length <= LABEL_LIMIT;
    for (const [track, x, y] of shown) {
      const s = symbols.get(airTrackSidc(track.identity, track.class), TRACK_SYMBOL_SIZE);
      ctx.drawImage(s.canvas, Math.round(x - s.anchorX), Math.round(y - s.anchorY));
      if (labelAll || track.id === selected || proposed.has(track.id)) {
        const label = labels.get(String(track.id).padStart(4, '0'), IDENTITY_COLOUR[track.identity] ?? '#ffffff');
        ctx.drawImage(label, Math.round(x + 11 * pr), Math.round(y - 15 * pr));
      }
      if (proposed.has(track.id)) drawProposalMark(ctx, x, y, pr);
      if (track.id === selected) drawSelectionMark(ctx, x, y, pr);
    }
    // Truth on top, so the gap between a track and what it follows shows.
    if (picture.truth.length) drawTruth(ctx, picture.truth, toPixel, inside, pr);
    return live.canvas;
  }

  /** Trails change only with the picture or the view: drawn again only then. */
  function renderTrails(frameState) {
    const { picture } = frame();
    const key = `${picture.revision}|${frameState.coordinateToPixelTransform.join(',')}|${frameState.size.join('x')}|${frameState.pixelRatio}`;
    if (key === trailKey) return trails.canvas;
    trailKey = key;
    const { ctx, toPixel, pr } = trails.begin(frameState);
    ctx.lineWidth = 1 * pr;
    ctx.globalAlpha = 0.45;
    for (const identity of IDENTITIES) {
      ctx.beginPath();
      for (const track of picture.tracks.values()) {
        if (track.identity !== identity || track.trail.length < 2) continue;
        track.trail.forEach(([lon, lat], k) => {
          const [x, y] = toPixel(lon, lat);
          if (k === 0) ctx.moveTo(x, y);
          else ctx.lineTo(x, y);
        });
      }
      ctx.strokeStyle = IDENTITY_COLOUR[identity];
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
    return trails.canvas;
  }

  function drawInterceptors(ctx, picture, t, toPixel, pr) {
    if (!picture.interceptors.size) return;
    const s = symbols.get(SIDC.interceptor, INTERCEPTOR_SYMBOL_SIZE);
    for (const icp of picture.interceptors.values()) {
      if (t < icp.launch_t_s) continue;
      const p = interceptorPositionAt(icp, t);
      const [fx, fy] = toPixel(icp.from.lon, icp.from.lat);
      const [x, y] = toPixel(p.lon, p.lat);
      const [ax, ay] = toPixel(icp.aim.lon, icp.aim.lat);
      ctx.lineWidth = 1.5 * pr;
      ctx.strokeStyle = '#7fd8ff';
      ctx.setLineDash([]);
      ctx.beginPath();
      ctx.moveTo(fx, fy);
      ctx.lineTo(x, y);
      ctx.stroke();
      ctx.setLineDash([3 * pr, 4 * pr]);
      ctx.strokeStyle = 'rgba(127,216,255,0.5)';
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.lineTo(ax, ay);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.drawImage(s.canvas, Math.round(x - s.anchorX), Math.round(y - s.anchorY));
    }
  }

  return {
    map,
    setLayout(hello) {
      layoutSource.clear();
      layoutSource.addFeatures(layoutFeatures(hello.layout ?? {}));
    },
    home(hello) {
      view.fit(homeExtent(hello.layout ?? {}, hello.origin ?? { lat: 0, lon: 0 }), { size: map.getSize(), padding: [20, 20, 20, 20] });
    },
    centreOn(lat, lon) {
      view.animate({ center: fromLonLat([lon, lat]), duration: 250 });
    },
    /** `isAnimating()` says whether to redraw every animation frame (the clock runs). */
    setAnimating(isAnimating) {
      animating = isAnimating;
    },
    /** Draws the picture again (and the chart, whose trails follow the picture). */
    render() {
      chart.render();
      map.render();
    },
    frameStats() {
      const now = performance.now();
      return { fps: frameTimes.filter((f) => f >= now - 1000).length, frames: frameCount };
    },
  };
}

/**
 * A canvas for a custom layer: `begin(frameState)` sizes and clears it and gives its context and
 * the projection of lon/lat to its device pixels.
 */
function canvasLayer() {
  const canvas = document.createElement('canvas');
  canvas.style.position = 'absolute';
  canvas.style.left = '0';
  canvas.style.top = '0';
  return {
    canvas,
    begin(frameState) {
      const [width, height] = frameState.size;
      const pr = frameState.pixelRatio;
      if (canvas.width !== Math.round(width * pr) || canvas.height !== Math.round(height * pr)) {
        canvas.width = Math.round(width * pr);
        canvas.height = Math.round(height * pr);
        canvas.style.width = `${width}px`;
        canvas.style.height = `${height}px`;
      }
      const ctx = canvas.getContext('2d');
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      const m = frameState.coordinateToPixelTransform; // map coordinates to CSS pixels
      const toPixel = (lon, lat) => {
        const [x, y] = mercator(lon, lat);
        return [(m[0] * x + m[2] * y + m[4]) * pr, (m[1] * x + m[3] * y + m[5]) * pr];
      };
      const margin = 40 * pr;
      const inside = (x, y) => x > -margin && y > -margin && x < canvas.width + margin && y < canvas.height + margin;
      return { ctx, toPixel, inside, pr };
    },
  };
}

const LAND_STYLE = new Style({ fill: new Fill({ color: '#1c2631' }) });
const COAST_STYLE = new Style({ stroke: new Stroke({ color: '#5a7088', width: 1 }) });
const BORDER_STYLE = new Style({ stroke: new Stroke({ color: 'rgba(120,140,160,0.55)', width: 0.8, lineDash: [4, 3] }) });

/** Land polygons, coastlines and borders of a world-atlas countries topology, in EPSG:3857. */
function atlasFeatures(topology) {
  const countries = topology.objects.countries;
  const format = new GeoJSON({ featureProjection: 'EPSG:3857' });
  const read = (geometry, kind) => format.readFeature({ type: 'Feature', geometry, properties: { kind } });
  return [
    read(mergeLand(topology, countries), 'land'),
    read(topoMesh(topology, countries, (a, b) => a === b), 'coast'),
    read(topoMesh(topology, countries, (a, b) => a !== b), 'border'),
  ];
}

/** All countries' polygons as one MultiPolygon (land), so it is filled in one pass. */
function mergeLand(topology, countries) {
  const polygons = [];
  for (const f of topoFeature(topology, countries).features) {
    if (!f.geometry) continue;
    if (f.geometry.type === 'Polygon') polygons.push(f.geometry.coordinates);
    else if (f.geometry.type === 'MultiPolygon') polygons.push(...f.geometry.coordinates);
  }
  return { type: 'MultiPolygon', coordinates: polygons };
}

function drawTruth(ctx, truth, toPixel, inside, pr) {
  ctx.lineWidth = 1 * pr;
  for (const e of truth) {
    const [x, y] = toPixel(e.lon, e.lat);
    if (!inside(x, y)) continue;
    const colour = e.side === 'hostile' ? '#ffffff' : '#b8e6ff';
    const r = 3 * pr;
    ctx.strokeStyle = colour;
    ctx.beginPath();
    ctx.moveTo(x - r, y - r);
    ctx.lineTo(x + r, y + r);
    ctx.moveTo(x - r, y + r);
    ctx.lineTo(x + r, y - r);
    ctx.stroke();
  }
}

function drawSelectionMark(ctx, x, y, pr) {
  const r = 15 * pr;
  const k = 6 * pr;
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 1.5 * pr;
  ctx.beginPath();
  for (const [sx, sy] of [[-1, -1], [1, -1], [1, 1], [-1, 1]]) {
    ctx.moveTo(x + sx * r, y + sy * (r - k));
    ctx.lineTo(x + sx * r, y + sy * r);
    ctx.lineTo(x + sx * (r - k), y + sy * r);
  }
  ctx.stroke();
}

function drawProposalMark(ctx, x, y, pr) {
  const phase = (performance.now() % 1000) / 1000;
  ctx.strokeStyle = `rgba(255,200,40,${1 - phase * 0.7})`;
  ctx.lineWidth = 2 * pr;
  ctx.beginPath();
  ctx.arc(x, y, (16 + 8 * phase) * pr, 0, 2 * Math.PI);
  ctx.stroke();
}
