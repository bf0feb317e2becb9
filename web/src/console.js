// The console shared by both pages: connection, picture, map, panels and time controls.
// The trainee/analyst page (main.js) and the instructor's page (instructor.js) start it with
// their role and, for the instructor, an extra panel.

import 'ol/ol.css';
import './style.css';
import { connect, socketUrl } from './connection.js';
import { createClockDisplay, createTimeControls, createTruthToggle } from './controls.js';
import { h } from './dom.js';
import { createMap } from './map.js';
import {
  createEventLog, createProposals, createSelectedTrack, createStatus, createThreatList, createTimeline, createTrackTable,
  createUnitTable, showSummary,
} from './panels.js';
import { applyMessage, emptyPicture, simTimeAt, threatsByTrack, trackPositionAt, withoutTruth } from './picture.js';
import { installTestHook } from './testhook.js';

/** How often the panels follow the clock (countdowns, selected track, timeline). */
const PANEL_TICK_MS = 250;
/** The track table is rebuilt at most this often. */
const TABLE_REFRESH_MS = 1000;

/**
 * Starts the console in `document.body`. `role` is the WebSocket role; `extensions` are makers
 * `({send}) => {element, configure(hello, role)}` of extra left-column panels (the instructor's
 * injections).
 */
export function startConsole({ role, title, extensions: makers = [] }) {
  let picture = emptyPicture();
  let selected = null;
  let showTruth = false;
  let homed = false;
  let refusedShown = false;
  const now = () => performance.now();
  const simTime = () => simTimeAt(picture, now());

  // ------------------------------------------------------------ layout
  const status = createStatus();
  const clock = createClockDisplay();
  const timeControls = createTimeControls((m) => send(m));
  const truthToggle = createTruthToggle((show) => {
    showTruth = show;
    send({ type: 'truth', show });
    if (!show) picture = withoutTruth(picture);
    map.render();
  });
  const scenario = h('span', { class: 'scenario', 'data-testid': 'scenario' }, '');
  const badges = h('span', { class: 'badges', 'data-testid': 'badges' });
  const header = h('header', { class: 'topbar' },
    h('span', { class: 'brand' }, 'RAMPART'), h('span', { class: 'page-title' }, title), scenario, badges,
    clock.element, timeControls.element, truthToggle.element, status.element);

  const extensions = makers.map((make) => make({ send: (m) => send(m) }));
  const proposals = createProposals((id, approve) => send({ type: 'decide', proposal: id, approve }));
  const threats = createThreatList(select);
  const units = createUnitTable();
  const selectedTrack = createSelectedTrack();
  const tracks = createTrackTable(select);
  const log = createEventLog(select);
  const timeline = createTimeline((t) => send({ type: 'seek', t_s: t }));

  const mapElement = h('div', { class: 'map', 'data-testid': 'map' });
  const mousePosition = h('div', { class: 'mouse-position', 'data-testid': 'mouse-position' });
  const homeButton = h('button', { class: 'btn map-home', title: 'Show the defended area', 'data-testid': 'map-home', onclick: () => picture.hello && map.home(picture.hello) }, '⌂');
  const left = h('aside', { class: 'column left' }, proposals.element, ...extensions.map((e) => e.element), threats.element, units.element);
  const centre = h('main', { class: 'column centre' }, h('div', { class: 'map-frame' }, mapElement, homeButton, mousePosition), timeline.element);
  const right = h('aside', { class: 'column right' }, selectedTrack.element, tracks.element, log.element);
  document.body.append(h('div', { class: 'console', 'data-testid': 'console', 'data-role': role }, header, h('div', { class: 'columns' }, left, centre, right)));

  const map = createMap({
    target: mapElement,
    mousePositionTarget: mousePosition,
    frame: () => ({ picture, t: simTime(), selected }),
    onSelect: (id) => select(id, false),
  });
  map.setAnimating(() => Boolean(picture.hello) && ((!picture.clock.paused && !picture.clock.ended) || picture.proposals.length > 0));

  // ------------------------------------------------------------ behaviour
  function select(id, centreMap) {
    selected = id;
    const track = id === null ? null : picture.tracks.get(id);
    if (track && centreMap) {
      const p = trackPositionAt(track, simTime());
      map.centreOn(p.lat, p.lon);
    }
    refreshPanels(true);
    map.render();
  }

  function send(message) {
    if (!connection.send(message)) status.error(`not connected: ${message.type} not sent`);
  }

  function configure(hello) {
    const training = Boolean(hello.training);
    const controlsClock = !(training && role === 'trainee');
    scenario.textContent = hello.scenario ?? '';
    badges.replaceChildren(
      h('span', { class: `badge mode-${hello.mode}`, 'data-testid': 'mode' }, hello.mode === 'replay' ? 'REPLAY' : 'LIVE'),
      h('span', { class: 'badge role' }, (hello.role ?? role).toUpperCase()),
      ...(training ? [h('span', { class: 'badge training' }, 'TRAINING')] : []),
    );
    timeControls.configure(hello);
    timeControls.element.hidden = !controlsClock;
    truthToggle.element.hidden = !(role === 'analyst' && !training);
    proposals.element.hidden = !(training && role === 'trainee');
    units.configure(hello);
    for (const e of extensions) e.configure(hello, role);
    map.setLayout(hello);
    if (!homed) {
      map.home(hello);
      homed = true;
    }
    if (showTruth && !truthToggle.element.hidden) connection.send({ type: 'truth', show: true });
  }

  let tableRefreshedAt = -Infinity;
  let tableRevision = -1;
  function refreshPanels(force = false) {
    const t = simTime();
    clock.update(picture, t);
    timeControls.update(picture, t);
    timeline.update(picture, t);
    proposals.update(picture, t);
    const threatMap = threatsByTrack(picture);
    selectedTrack.update(picture, t, selected, threatMap);
    threats.update(picture, selected);
    units.update(picture);
    log.update(picture);
    if (force || (picture.revision !== tableRevision && now() - tableRefreshedAt >= TABLE_REFRESH_MS)) {
      tableRevision = picture.revision;
      tableRefreshedAt = now();
      tracks.update(picture, threatMap, selected);
    }
  }

  const connection = connect(socketUrl(window.location, role), {
    onStatus: (state, detail) => {
      status.connection(state, detail);
      if (state === 'closed' && !detail.everOpened && !refusedShown) {
        refusedShown = true;
        status.error(role === 'analyst'
          ? 'cannot connect: a training server refuses the analyst (open ?role=trainee or instructor.html)'
          : 'cannot connect to the server');
      }
    },
    onMessage: (message) => {
      if (message.type === 'error') {
        status.error(message.message ?? 'error');
        return;
      }
      picture = applyMessage(picture, message, now());
      if (message.type === 'hello') configure(message);
      if (message.type === 'ended') showSummary(message);
      if (selected !== null && !picture.tracks.has(selected)) selected = null;
      map.render();
    },
  });

  setInterval(() => refreshPanels(), PANEL_TICK_MS);
  refreshPanels(true);

  installTestHook({
    picture: () => picture,
    simTime,
    frameStats: () => map.frameStats(),
    selected: () => selected,
  });
}
