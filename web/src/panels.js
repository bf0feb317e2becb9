// The console's panels: track table, threat ranking, fire units, event log, timeline,
// engagement proposals, the selected track, the status line and the end-of-run summary.

import { fill, h, panel } from './dom.js';
import { formatClock, formatLatLon, groundSpeed, headingDeg } from './geo.js';
import { endTime, trackPositionAt } from './picture.js';
import { IDENTITY_COLOUR } from './symbols.js';

const identityLabel = (identity) => (identity ?? 'unknown').replace('_', ' ');
const identityChip = (identity) =>
  h('span', { class: 'ident', style: `color:${IDENTITY_COLOUR[identity] ?? '#fff'}` }, identityLabel(identity));
const trackNumber = (id) => String(id).padStart(4, '0');
const km = (m) => (m === undefined || m === null ? '' : `${(m / 1000).toFixed(1)} km`);

// ---------------------------------------------------------------- track table

const TRACK_COLUMNS = [
  { key: 'id', label: 'TN', value: (t) => t.id, text: (t) => trackNumber(t.id) },
  { key: 'identity', label: 'Ident', value: (t) => IDENTITY_ORDER[t.identity] ?? 9, cell: (t) => identityChip(t.identity) },
  { key: 'alt', label: 'Alt m', value: (t) => t.alt_m ?? 0, text: (t) => Math.round(t.alt_m ?? 0) },
  { key: 'speed', label: 'Spd m/s', value: (t) => groundSpeed(t.ve ?? 0, t.vn ?? 0), text: (t) => Math.round(groundSpeed(t.ve ?? 0, t.vn ?? 0)) },
  { key: 'heading', label: 'Hdg', value: (t) => headingDeg(t.ve ?? 0, t.vn ?? 0), text: (t) => String(Math.round(headingDeg(t.ve ?? 0, t.vn ?? 0)) % 360).padStart(3, '0') },
  { key: 'rank', label: 'Thr', value: (t, threats) => threats.get(t.id)?.rank ?? Infinity, text: (t, threats) => threats.get(t.id)?.rank ?? '' },
  { key: 'sigma', label: 'σ m', value: (t) => t.sigma_m ?? 0, text: (t) => Math.round(t.sigma_m ?? 0) },
];
const IDENTITY_ORDER = { hostile: 0, suspect: 1, unknown: 2, pending: 3, neutral: 4, assumed_friend: 5, friend: 6 };
const ROW_HEIGHT = 20;

/** Sortable, virtualised track table: only the visible rows are in the DOM. */
export function createTrackTable(onSelect) {
  const { section, body, title } = panel('Tracks', 'track-panel');
  const count = h('span', { class: 'count', 'data-testid': 'track-count' }, '0');
  title.after(count);
  let sort = { key: 'rank', ascending: true };
  const headerCells = TRACK_COLUMNS.map((c) =>
    h('div', { class: 'cell sortable', 'data-testid': `track-sort-${c.key}`, onclick: () => {
      sort = { key: c.key, ascending: sort.key === c.key ? !sort.ascending : true };
      rows = sortRows(rows);
      render();
    } }, c.label),
  );
  const header = h('div', { class: 'row header' }, headerCells);
  const spacer = h('div', { class: 'spacer' });
  const viewport = h('div', { class: 'table-scroll', 'data-testid': 'track-table' }, spacer);
  body.append(header, viewport);
  viewport.addEventListener('scroll', () => render());

  let rows = [];
  let threats = new Map();
  let selected = null;

  function sortRows(list) {
    const column = TRACK_COLUMNS.find((c) => c.key === sort.key);
    const sign = sort.ascending ? 1 : -1;
    return list.slice().sort((a, b) => sign * (column.value(a, threats) - column.value(b, threats)) || a.id - b.id);
  }

  function render() {
    for (const [i, c] of TRACK_COLUMNS.entries()) headerCells[i].dataset.sort = c.key === sort.key ? (sort.ascending ? 'asc' : 'desc') : '';
    spacer.style.height = `${rows.length * ROW_HEIGHT}px`;
    const first = Math.max(0, Math.floor(viewport.scrollTop / ROW_HEIGHT) - 5);
    const last = Math.min(rows.length, first + Math.ceil((viewport.clientHeight || 400) / ROW_HEIGHT) + 10);
    const visible = [];
    for (let i = first; i < last; i++) {
      const t = rows[i];
      visible.push(
        h('div', {
          class: `row${t.id === selected ? ' selected' : ''}`,
          style: `top:${i * ROW_HEIGHT}px`,
          'data-testid': 'track-row',
          'data-track-id': String(t.id),
          onclick: () => onSelect(t.id, true),
        }, TRACK_COLUMNS.map((c) => h('div', { class: 'cell' }, c.cell ? c.cell(t) : c.text(t, threats)))),
      );
    }
    fill(spacer, visible);
  }

  return {
    element: section,
    update(picture, threatMap, selectedId) {
      threats = threatMap;
      selected = selectedId;
      rows = sortRows([...picture.tracks.values()]);
      count.textContent = String(rows.length);
      render();
    },
  };
}

// ---------------------------------------------------------------- threats

export function createThreatList(onSelect) {
  const { section, body } = panel('Threat ranking', 'threat-panel');
  const list = h('ol', { class: 'threats', 'data-testid': 'threat-list' });
  body.append(list);
  let shown = null;
  return {
    element: section,
    update(picture, selected) {
      if (shown === picture.threats && list.dataset.selected === String(selected)) return;
      shown = picture.threats;
      list.dataset.selected = String(selected);
      fill(list, picture.threats.slice().sort((a, b) => a.rank - b.rank).map((t) => {
        const track = picture.tracks.get(t.track);
        return h('li', { class: `threat${t.track === selected ? ' selected' : ''}`, 'data-testid': 'threat-item', 'data-track-id': String(t.track), onclick: () => onSelect(t.track, true) },
          h('div', { class: 'threat-head' },
            h('span', { class: 'rank' }, `#${t.rank}`),
            h('span', { class: 'tn' }, trackNumber(t.track)),
            track ? identityChip(track.identity) : null,
            h('span', { class: 'asset' }, `→ ${t.asset}`),
            h('span', { class: 'score' }, (t.score ?? 0).toFixed(2))),
          h('div', { class: 'threat-figures' }, `TTA ${formatClock(t.time_to_asset_s ?? 0)}  CPA ${km(t.cpa_m)}`),
          h('div', { class: 'explain' }, t.explain ?? ''));
      }));
      if (!picture.threats.length) list.append(h('li', { class: 'empty' }, 'No threats'));
    },
  };
}

// ---------------------------------------------------------------- fire units

// A fire unit out of action is OUT; one guiding interceptors (a channel busy) is ENGAGING.
const unitState = (u) =>
  u.in_action === false ? h('span', { class: 'badge bad' }, 'OUT')
    : (u.free_channels ?? 0) < (u.channels ?? 0) ? h('span', { class: 'badge warn' }, 'ENGAGING')
      : h('span', { class: 'badge ok' }, 'READY');

export function createUnitTable() {
  const { section, body } = panel('Fire units', 'unit-panel');
  const table = h('table', { class: 'units', 'data-testid': 'unit-table' });
  body.append(table);
  let weapons = new Map();
  let shown = null;
  return {
    element: section,
    configure(hello) {
      weapons = new Map((hello.layout?.fire_units ?? []).map((u) => [u.name, u.weapon]));
      shown = null;
    },
    update(picture) {
      if (shown === picture.units) return;
      shown = picture.units;
      fill(table,
        h('thead', {}, h('tr', {}, ['Unit', 'Weapon', 'Ready', 'Rsv', 'Free ch', 'State', 'Link'].map((c) => h('th', {}, c)))),
        h('tbody', {}, [...picture.units.values()].map((u) =>
          h('tr', { 'data-testid': 'unit-row', 'data-unit': u.name, class: u.linked === false ? 'unlinked' : '' },
            h('td', {}, u.name),
            h('td', { class: 'dim' }, weapons.get(u.name) ?? ''),
            h('td', { class: 'num' }, u.ready ?? ''),
            h('td', { class: 'num' }, u.reserve ?? ''),
            h('td', { class: 'num' }, `${u.free_channels ?? '?'}/${u.channels ?? '?'}`),
            h('td', {}, unitState(u)),
            h('td', {}, u.linked === false ? h('span', { class: 'badge bad' }, 'LOST') : h('span', { class: 'badge ok' }, 'OK'))))));
    },
  };
}

// ---------------------------------------------------------------- event log and timeline

export const EVENT_COLOUR = {
  fire_ordered: '#ffb347', launch: '#7fd8ff', kill_assessed: '#5cc46a', order_dropped: '#b0b0b0', blocked: '#ff8a65',
  identity: '#ffe680', reload: '#9fa8da', fighter: '#80cbc4', arrival: '#ff5a5a', script: '#ce93d8', decision: '#ffffff',
};
const LOG_LIMIT = 300;

export function createEventLog(onSelect) {
  const { section, body } = panel('Event log', 'event-panel');
  const list = h('ol', { class: 'log', 'data-testid': 'event-log' });
  body.append(list);
  let shown = null;
  return {
    element: section,
    update(picture) {
      if (shown === picture.events) return;
      shown = picture.events;
      const recent = picture.events.slice(-LOG_LIMIT).reverse();
      fill(list, recent.map((e) =>
        h('li', { class: 'event', 'data-testid': 'event-item', 'data-kind': e.kind, onclick: e.track ? () => onSelect(e.track, true) : undefined },
          h('span', { class: 't' }, formatClock(e.t_s)),
          h('span', { class: 'kind', style: `color:${EVENT_COLOUR[e.kind] ?? '#ddd'}` }, e.kind),
          h('span', { class: 'who' }, [e.unit, e.track ? trackNumber(e.track) : null].filter(Boolean).join(' ')),
          h('span', { class: 'text' }, e.text ?? ''))));
    },
  };
}

const TIMELINE_TICKS_S = [10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600];

/** The run on a time bar: each event a mark, the current time a cursor; clicking seeks in replay. */
export function createTimeline(onSeek) {
  const canvas = h('canvas', { class: 'timeline-canvas' });
  const element = h('div', { class: 'timeline', 'data-testid': 'timeline' }, canvas);
  let state = { picture: null, t: 0, seekable: false };
  const timeAt = (clientX) => {
    const rect = canvas.getBoundingClientRect();
    return Math.max(0, Math.min(1, (clientX - rect.left) / rect.width)) * endTime(state.picture);
  };
  canvas.addEventListener('click', (event) => {
    if (state.seekable && state.picture && endTime(state.picture) > 0) onSeek(Math.round(timeAt(event.clientX)));
  });
  canvas.addEventListener('mousemove', (event) => {
    if (!state.picture) return;
    const t = timeAt(event.clientX);
    const near = state.picture.events.filter((e) => Math.abs(e.t_s - t) < endTime(state.picture) / 200).slice(-3);
    canvas.title = [`${formatClock(t)}${state.seekable ? ' (click to seek)' : ''}`, ...near.map((e) => `${formatClock(e.t_s)} ${e.kind} ${e.text ?? ''}`)].join('\n');
  });

  function draw() {
    const { picture, t } = state;
    const pr = window.devicePixelRatio || 1;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    if (!width || !height) return;
    if (canvas.width !== Math.round(width * pr) || canvas.height !== Math.round(height * pr)) {
      canvas.width = Math.round(width * pr);
      canvas.height = Math.round(height * pr);
    }
    const ctx = canvas.getContext('2d');
    ctx.setTransform(pr, 0, 0, pr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const end = picture ? endTime(picture) : 0;
    ctx.fillStyle = '#121a23';
    ctx.fillRect(0, 0, width, height);
    if (!end) return;
    const x = (s) => (s / end) * width;
    ctx.fillStyle = 'rgba(127,216,255,0.10)';
    ctx.fillRect(0, 0, x(t), height);
    ctx.font = '10px "DejaVu Sans Mono", monospace';
    ctx.fillStyle = '#6f8296';
    const tick = TIMELINE_TICKS_S.find((s) => end / s <= 12) ?? TIMELINE_TICKS_S[TIMELINE_TICKS_S.length - 1];
    for (let s = 0; s <= end; s += tick) {
      ctx.fillRect(Math.round(x(s)), height - 6, 1, 6);
      ctx.fillText(tick < 60 ? formatClock(s) : formatClock(s).slice(0, -3), x(s) + 2, height - 2);
    }
    const kinds = Object.keys(EVENT_COLOUR);
    for (const e of picture.events) {
      const row = Math.max(0, kinds.indexOf(e.kind));
      ctx.fillStyle = EVENT_COLOUR[e.kind] ?? '#ddd';
      ctx.fillRect(Math.round(x(e.t_s)), 3 + (row % 6) * 4, 2, 4);
    }
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(Math.round(x(t)) - 1, 0, 2, height);
  }
  new ResizeObserver(draw).observe(canvas);

  return {
    element,
    update(picture, t) {
      state = { picture, t, seekable: picture.hello?.mode === 'replay' };
      element.classList.toggle('seekable', state.seekable);
      draw();
    },
  };
}

// ---------------------------------------------------------------- proposals

/** Pending engagement proposals (training): approve or reject before the deadline. */
export function createProposals(onDecide) {
  const { section, body } = panel('Engagement proposals', 'proposals');
  const list = h('div', { class: 'proposals' });
  body.append(list);
  let shown = null;
  const decided = new Set();
  let cards = [];
  return {
    element: section,
    update(picture, t) {
      if (shown !== picture.proposals) {
        shown = picture.proposals;
        cards = picture.proposals.map((p) => {
          const countdown = h('span', { class: 'countdown', 'data-testid': 'proposal-countdown' });
          const bar = h('div', { class: 'bar' });
          const decide = (approve) => {
            decided.add(p.id);
            approveButton.disabled = true;
            rejectButton.disabled = true;
            onDecide(p.id, approve);
          };
          const approveButton = h('button', { class: 'btn approve', 'data-testid': 'proposal-approve', disabled: decided.has(p.id), onclick: () => decide(true) }, 'Approve');
          const rejectButton = h('button', { class: 'btn reject', 'data-testid': 'proposal-reject', disabled: decided.has(p.id), onclick: () => decide(false) }, 'Reject');
          const element = h('div', { class: 'proposal', 'data-testid': 'proposal', 'data-proposal-id': String(p.id), 'data-track-id': String(p.track) },
            h('div', { class: 'proposal-head' },
              h('span', { class: 'unit' }, p.unit),
              h('span', {}, ` → TN ${trackNumber(p.track)}`),
              h('span', { class: 'rounds' }, `${p.rounds} rd`),
              p.threat_rank ? h('span', { class: 'rank' }, `threat #${p.threat_rank}`) : null,
              countdown),
            h('div', { class: 'track-bar' }, bar),
            h('div', { class: 'explain' }, p.explain ?? ''),
            h('div', { class: 'buttons' }, approveButton, rejectButton));
          return { p, element, countdown, bar };
        });
        fill(list, cards.length ? cards.map((c) => c.element) : h('div', { class: 'empty' }, 'No pending proposals'));
      }
      for (const { p, countdown, bar } of cards) {
        const left = Math.max(0, p.deadline_t_s - t);
        const span = Math.max(1, p.deadline_t_s - p.proposed_t_s);
        countdown.textContent = `${left.toFixed(0)} s`;
        countdown.classList.toggle('urgent', left < 5);
        bar.style.width = `${(100 * left) / span}%`;
      }
    },
  };
}

// ---------------------------------------------------------------- selected track

export function createSelectedTrack() {
  const { section, body } = panel('Selected track', 'selected-track');
  return {
    element: section,
    update(picture, t, selected, threats) {
      const track = selected === null ? null : picture.tracks.get(selected);
      if (!track) {
        fill(body, h('div', { class: 'empty' }, 'Click a track on the map or in a list'));
        return;
      }
      const p = trackPositionAt(track, t);
      const threat = threats.get(track.id);
      const rows = [
        ['TN', trackNumber(track.id)],
        ['Identity', identityChip(track.identity)],
        ['Position', formatLatLon(p.lat, p.lon)],
        ['Altitude', `${Math.round(p.alt_m)} m`],
        ['Speed', `${Math.round(groundSpeed(track.ve ?? 0, track.vn ?? 0))} m/s, climb ${Math.round(track.vu ?? 0)} m/s`],
        ['Heading', `${Math.round(headingDeg(track.ve ?? 0, track.vn ?? 0))}°`],
        ['Accuracy', `σ ${Math.round(track.sigma_m ?? 0)} m`],
        ['Report', formatClock(track.t_s)],
        ...(threat ? [['Threat', `#${threat.rank} → ${threat.asset}, TTA ${formatClock(threat.time_to_asset_s ?? 0)}`], ['Why', threat.explain ?? '']] : []),
      ];
      fill(body, h('table', { class: 'kv' }, rows.map(([k, v]) => h('tr', {}, h('th', {}, k), h('td', {}, v)))));
    },
  };
}

// ---------------------------------------------------------------- status and summary

/** Connection state and the last few errors from the server. */
export function createStatus() {
  const connection = h('span', { class: 'connection', 'data-testid': 'connection' }, 'connecting');
  const messages = h('ul', { class: 'status-messages', 'data-testid': 'status' });
  const element = h('div', { class: 'status' }, connection, messages);
  const push = (text, kind) => {
    messages.prepend(h('li', { class: kind }, `${new Date().toLocaleTimeString()} ${text}`));
    while (messages.children.length > 3) messages.lastChild.remove();
  };
  return {
    element,
    connection(state, detail) {
      connection.dataset.state = state;
      connection.textContent = state === 'closed' ? `disconnected, retry in ${(detail.retryInMs / 1000).toFixed(1)} s` : state;
    },
    error(text) {
      push(text, 'error');
    },
  };
}

const SUMMARY_KEYS = [
  'threats', 'killed', 'leakers', 'killed_after_leaking', 'survived_otherwise', 'interceptors_fired', 'air_to_air_fired',
  'asset_value_lost', 'fratricides', 'blocked_engagements', 'tracks_confirmed', 'false_tracks', 'track_breaks', 'gospa_mean_m',
];

/** A generic view of any JSON value: objects as nested key/value tables. */
function jsonView(value) {
  if (value === null || value === undefined) return h('span', { class: 'dim' }, '—');
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(3);
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return value.join(', ');
    return h('details', {}, h('summary', {}, `${value.length} item${value.length === 1 ? '' : 's'}`), value.map((v) => jsonView(v)));
  }
  if (typeof value === 'object') return h('table', { class: 'kv' }, Object.entries(value).map(([k, v]) => h('tr', {}, h('th', {}, k.replaceAll('_', ' ')), h('td', {}, jsonView(v)))));
  return String(value);
}

/** The end-of-run dialog: key counts, the training score if any, and the whole summary. */
export function showSummary(ended) {
  const { training: nested, ...rest } = ended.summary ?? {};
  const training = ended.training ?? nested; // the protocol's wording allows either place
  const key = Object.fromEntries(SUMMARY_KEYS.filter((k) => k in rest).map((k) => [k, rest[k]]));
  const dialog = h('dialog', { class: 'summary', 'data-testid': 'summary-dialog' },
    h('h2', {}, `Run ended at ${formatClock(ended.t_s ?? 0)}`),
    h('div', { class: 'summary-grid' },
      h('div', {}, h('h3', {}, 'Outcome'), jsonView(key)),
      training ? h('div', { 'data-testid': 'training-score' }, h('h3', {}, 'Training score'), jsonView(training)) : null),
    h('details', {}, h('summary', {}, 'Full summary'), jsonView(rest)),
    h('form', { method: 'dialog' }, h('button', { class: 'btn', 'data-testid': 'summary-close' }, 'Close')));
  document.querySelector('dialog.summary')?.remove();
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}
