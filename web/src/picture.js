// The air picture a console holds, and how each server message changes it
// (docs/console-protocol.md). Everything here is pure: `applyMessage` returns a new picture and
// never changes the one it is given, and time enters only as arguments, so it runs and is tested
// without a browser.

import { deadReckon } from './geo.js';

/** Positions of a track's history trail kept (one per report of the track). */
export const TRAIL_LENGTH = 60;
/** Events kept for the log and the timeline. */
export const EVENT_LIMIT = 5000;
/** How long the clock is extrapolated past the last message before it waits for the next. */
export const EXTRAPOLATION_LIMIT_MS = 2000;
/** A snapshot this far (sim seconds) after the picture it replaces continues it: trails survive. */
export const CONTINUITY_S = 60;

const EMPTY_MAP = new Map();

export function emptyPicture() {
  return {
    hello: null,
    t_s: 0,
    receivedAt: 0,
    clock: { paused: true, speed: 1, end_s: 0, ended: false },
    tracks: EMPTY_MAP,
    units: EMPTY_MAP,
    threats: [],
    interceptors: EMPTY_MAP,
    proposals: [],
    events: [],
    truth: [],
    ended: null,
    revision: 0,
  };
}

/**
 * The picture after one server message, received at wall-clock `nowMs`. Messages that do not
 * change the picture (`error`, unknown types) return it unchanged.
 */
export function applyMessage(picture, message, nowMs) {
  switch (message.type) {
    case 'hello':
      return { ...emptyPicture(), hello: message, clock: { ...emptyPicture().clock, end_s: message.duration_s ?? 0 }, receivedAt: nowMs, revision: picture.revision + 1 };
    case 'snapshot':
      return applySnapshot(picture, message, nowMs);
    case 'delta':
      return applyDelta(picture, message, nowMs);
    case 'ended':
      return {
        ...picture,
        t_s: message.t_s ?? picture.t_s,
        receivedAt: nowMs,
        clock: { ...picture.clock, ended: true },
        ended: message,
        revision: picture.revision + 1,
      };
    default:
      return picture;
  }
}

function withClock(picture, message, nowMs) {
  return {
    ...picture,
    t_s: message.t_s ?? picture.t_s,
    receivedAt: nowMs,
    clock: message.clock ? { ...picture.clock, ...message.clock } : picture.clock,
    revision: picture.revision + 1,
  };
}

function applySnapshot(picture, message, nowMs) {
  const dt = (message.t_s ?? 0) - picture.t_s;
  const continuous = picture.tracks.size > 0 && dt >= 0 && dt <= CONTINUITY_S;
  const tracks = new Map();
  for (const t of message.tracks ?? []) {
    const previous = continuous ? picture.tracks.get(t.id) : undefined;
    tracks.set(t.id, withReport(previous, t));
  }
  const incoming = message.events ?? [];
  // A resynchronisation within the same run keeps the events older than those it resends,
  // so the timeline does not lose its start; a jump (seek, new run) takes the snapshot's alone.
  const kept = continuous && incoming.length > 0 ? picture.events.filter((e) => e.t_s < incoming[0].t_s) : [];
  return {
    ...withClock(picture, message, nowMs),
    tracks,
    units: new Map((message.units ?? []).map((u) => [u.name, u])),
    threats: message.threats ?? [],
    interceptors: new Map((message.interceptors ?? []).map((i) => [i.id, i])),
    proposals: message.proposals ?? [],
    events: capEvents([...kept, ...incoming]),
    truth: message.truth ?? [],
    ended: null,
  };
}

function applyDelta(picture, message, nowMs) {
  const next = withClock(picture, message, nowMs);
  if (message.tracks?.length || message.dropped?.length) {
    const tracks = new Map(picture.tracks);
    for (const t of message.tracks ?? []) tracks.set(t.id, withReport(tracks.get(t.id), t));
    for (const id of message.dropped ?? []) tracks.delete(id);
    next.tracks = tracks;
  }
  if (message.units?.length) {
    const units = new Map(picture.units);
    for (const u of message.units) units.set(u.name, { ...units.get(u.name), ...u });
    next.units = units;
  }
  if (message.interceptors?.length || message.interceptors_ended?.length) {
    const interceptors = new Map(picture.interceptors);
    for (const i of message.interceptors ?? []) interceptors.set(i.id, i);
    for (const id of message.interceptors_ended ?? []) interceptors.delete(id);
    next.interceptors = interceptors;
  }
  // The ranking, the pending proposals and truth come whole when present; absent, unchanged.
  if (message.threats) next.threats = message.threats;
  if (message.proposals) next.proposals = message.proposals;
  if (message.truth) next.truth = message.truth;
  if (message.events?.length) next.events = capEvents([...picture.events, ...message.events]);
  return next;
}

/** A track's new report, its trail extended when the report is newer than the last point. */
function withReport(previous, report) {
  const trail = previous ? previous.trail : [];
  const last = trail[trail.length - 1];
  const point = [report.lon, report.lat, report.t_s];
  let nextTrail;
  if (!last) nextTrail = [point];
  else if (report.t_s > last[2]) nextTrail = trail.length >= TRAIL_LENGTH ? [...trail.slice(trail.length - TRAIL_LENGTH + 1), point] : [...trail, point];
  else nextTrail = trail;
  return { ...report, trail: nextTrail };
}

function capEvents(events) {
  return events.length > EVENT_LIMIT ? events.slice(events.length - EVENT_LIMIT) : events;
}

/** Without the truth: what a client holds once it has asked the server to stop sending it. */
export function withoutTruth(picture) {
  return picture.truth.length ? { ...picture, truth: [], revision: picture.revision + 1 } : picture;
}

/**
 * The simulation time at wall-clock `nowMs`: the latest message's `t_s`, advanced at the clock's
 * speed while it runs, for at most EXTRAPOLATION_LIMIT_MS past that message and never past the end.
 */
export function simTimeAt(picture, nowMs) {
  const { paused, ended, speed, end_s: endS } = picture.clock;
  if (paused || ended || !picture.hello) return picture.t_s;
  const wall = Math.min(Math.max(0, nowMs - picture.receivedAt), EXTRAPOLATION_LIMIT_MS);
  const t = picture.t_s + (speed * wall) / 1000;
  return endS > 0 ? Math.min(t, endS) : t;
}

/** A track's position dead-reckoned to simulation time `t`: {lat, lon, alt_m}. */
export function trackPositionAt(track, t) {
  const dt = t - track.t_s;
  const [lat, lon] = deadReckon(track.lat, track.lon, track.ve ?? 0, track.vn ?? 0, dt);
  return { lat, lon, alt_m: (track.alt_m ?? 0) + (track.vu ?? 0) * dt };
}

/**
 * An interceptor's position at simulation time `t` on the straight line from `from` at
 * `launch_t_s` to `aim` at `intercept_t_s` (held at the ends).
 */
export function interceptorPositionAt(interceptor, t) {
  const span = interceptor.intercept_t_s - interceptor.launch_t_s;
  const f = span > 0 ? Math.min(1, Math.max(0, (t - interceptor.launch_t_s) / span)) : 1;
  const { from, aim } = interceptor;
  return {
    lat: from.lat + (aim.lat - from.lat) * f,
    lon: from.lon + (aim.lon - from.lon) * f,
    alt_m: (from.alt_m ?? 0) + ((aim.alt_m ?? 0) - (from.alt_m ?? 0)) * f,
  };
}

/** The run's end in simulated seconds, from the clock or else the scenario's duration. */
export function endTime(picture) {
  return picture.clock.end_s || picture.hello?.duration_s || 0;
}

/** The threat entry of each ranked track: Map track id -> THREAT. */
export function threatsByTrack(picture) {
  return new Map(picture.threats.map((t) => [t.track, t]));
}

/** The ids of the tracks that a pending proposal names. */
export function proposedTracks(picture) {
  return new Set(picture.proposals.map((p) => p.track));
}
