// Unit tests of the pure parts: the picture state, the clock and dead reckoning, the injection
// messages and the geodesy helpers. No browser.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  CONTINUITY_S, EXTRAPOLATION_LIMIT_MS, TRAIL_LENGTH, applyMessage, emptyPicture, interceptorPositionAt, simTimeAt,
  trackPositionAt, withoutTruth,
} from '../src/picture.js';
import { newRaid, outage, raidAgain, weaponsControl } from '../src/injections.js';
import { corridorOutline, deadReckon, destination, distanceM, formatClock, headingDeg } from '../src/geo.js';

const hello = { type: 'hello', mode: 'live', role: 'analyst', training: false, duration_s: 1200, origin: { lat: 35, lon: -30 }, layout: {} };
const track = (id, t, extra = {}) => ({ id, lat: 35, lon: -30, alt_m: 1000, ve: 100, vn: 0, vu: 0, identity: 'hostile', sigma_m: 100, t_s: t, ...extra });
const clock = (extra = {}) => ({ paused: false, speed: 1, end_s: 1200, ended: false, ...extra });
const snapshot = (t, extra = {}) => ({
  type: 'snapshot', t_s: t, clock: clock(), tracks: [track(1, t), track(2, t)], units: [{ name: 'LR-1', ready: 4, reserve: 8, channels: 2, free_channels: 2, in_action: false, linked: true }],
  threats: [{ track: 1, rank: 1, asset: 'City', score: 0.8, time_to_asset_s: 100, cpa_m: 0, explain: 'close' }],
  interceptors: [], proposals: [], events: [{ t_s: t - 1, kind: 'identity', unit: '', track: 1, text: 'hostile' }], ...extra,
});
const start = (t = 100) => applyMessage(applyMessage(emptyPicture(), hello, 0), snapshot(t), 1000);

test('hello resets the picture and keeps the scenario duration as the end', () => {
  const p = applyMessage(start(), hello, 5000);
  assert.equal(p.tracks.size, 0);
  assert.equal(p.hello, hello);
  assert.equal(p.clock.end_s, 1200);
});

test('a snapshot replaces everything', () => {
  const p = start();
  assert.equal(p.t_s, 100);
  assert.deepEqual([...p.tracks.keys()], [1, 2]);
  assert.equal(p.units.get('LR-1').ready, 4);
  assert.equal(p.threats.length, 1);
  assert.equal(p.events.length, 1);
  const q = applyMessage(p, snapshot(500, { tracks: [track(9, 500)], events: [] }), 2000);
  assert.deepEqual([...q.tracks.keys()], [9]);
  assert.equal(q.events.length, 0, 'a jump keeps none of the old events');
});

test('a delta adds, changes and drops tracks without touching the previous picture', () => {
  const p = start();
  const q = applyMessage(p, { type: 'delta', t_s: 101, clock: clock(), tracks: [track(1, 101, { identity: 'friend' }), track(3, 101)], dropped: [2] }, 2000);
  assert.deepEqual([...q.tracks.keys()].sort(), [1, 3]);
  assert.equal(q.tracks.get(1).identity, 'friend');
  assert.equal(p.tracks.get(1).identity, 'hostile', 'the old picture is unchanged');
  assert.equal(p.tracks.size, 2);
  assert.ok(q.revision > p.revision);
});

test('threats, proposals and truth come whole when present and stay when absent', () => {
  const p = start();
  const proposal = { id: 3, unit: 'LR-1', track: 1, rounds: 2, proposed_t_s: 100, deadline_t_s: 120, threat_rank: 1, explain: 'x' };
  const q = applyMessage(p, { type: 'delta', t_s: 101, clock: clock(), proposals: [proposal], truth: [{ id: 1, lat: 35, lon: -30 }] }, 2000);
  assert.equal(q.threats, p.threats, 'absent ranking: unchanged');
  assert.deepEqual(q.proposals, [proposal]);
  const r = applyMessage(q, { type: 'delta', t_s: 102, clock: clock(), threats: [], proposals: [] }, 3000);
  assert.deepEqual(r.threats, []);
  assert.deepEqual(r.proposals, []);
  assert.equal(r.truth.length, 1);
  assert.equal(withoutTruth(r).truth.length, 0);
});

test('units merge by name; events append; interceptors end', () => {
  const icp = { id: 5, shooter: 'LR-1', track: 1, launch_t_s: 100, intercept_t_s: 120, from: { lat: 35, lon: -30, alt_m: 0 }, aim: { lat: 35.1, lon: -30, alt_m: 1000 } };
  const p = applyMessage(start(), { type: 'delta', t_s: 101, clock: clock(), units: [{ name: 'LR-1', ready: 3 }], interceptors: [icp], events: [{ t_s: 100.5, kind: 'launch', unit: 'LR-1', track: 1, text: '' }] }, 2000);
  assert.equal(p.units.get('LR-1').ready, 3);
  assert.equal(p.units.get('LR-1').reserve, 8, 'fields not sent are kept');
  assert.equal(p.interceptors.size, 1);
  assert.deepEqual(p.events.map((e) => e.kind), ['identity', 'launch']);
  const q = applyMessage(p, { type: 'delta', t_s: 121, clock: clock(), interceptors_ended: [5] }, 3000);
  assert.equal(q.interceptors.size, 0);
});

test('trails grow with newer reports, are capped, and survive a resynchronising snapshot', () => {
  let p = start(0);
  for (let t = 1; t <= TRAIL_LENGTH + 10; t++) p = applyMessage(p, { type: 'delta', t_s: t, clock: clock(), tracks: [track(1, t, { lon: -30 + t * 0.001 })] }, t * 1000);
  const trail = p.tracks.get(1).trail;
  assert.equal(trail.length, TRAIL_LENGTH);
  assert.equal(trail[trail.length - 1][2], TRAIL_LENGTH + 10);
  const same = applyMessage(p, { type: 'delta', t_s: 80, clock: clock(), tracks: [track(1, TRAIL_LENGTH + 10)] }, 90000);
  assert.equal(same.tracks.get(1).trail, trail, 'a repeated report adds no point');
  const resync = applyMessage(p, snapshot(TRAIL_LENGTH + 11, { tracks: [track(1, TRAIL_LENGTH + 11)] }), 91000);
  assert.equal(resync.tracks.get(1).trail.length, TRAIL_LENGTH, 'continuous: trail kept (and capped)');
  const seek = applyMessage(p, snapshot(TRAIL_LENGTH + 10 + CONTINUITY_S + 1, { tracks: [track(1, 500)] }), 92000);
  assert.equal(seek.tracks.get(1).trail.length, 1, 'a jump starts the trail again');
});

test('a resynchronising snapshot keeps older events for the timeline', () => {
  let p = start(100);
  p = applyMessage(p, { type: 'delta', t_s: 101, clock: clock(), events: [{ t_s: 100.5, kind: 'launch', unit: 'LR-1', track: 1, text: '' }] }, 2000);
  const q = applyMessage(p, snapshot(110, { events: [{ t_s: 100.5, kind: 'launch', unit: 'LR-1', track: 1, text: '' }, { t_s: 109, kind: 'reload', unit: 'LR-1', track: 0, text: '' }] }), 3000);
  assert.deepEqual(q.events.map((e) => e.t_s), [99, 100.5, 109]);
});

test('the clock runs at its speed from the last message, capped, and stops when paused or ended', () => {
  const p = applyMessage(start(100), { type: 'delta', t_s: 100, clock: clock({ speed: 10 }) }, 10000);
  assert.equal(simTimeAt(p, 10500), 105);
  assert.equal(simTimeAt(p, 10000 + 10 * EXTRAPOLATION_LIMIT_MS), 100 + (10 * EXTRAPOLATION_LIMIT_MS) / 1000);
  const paused = applyMessage(p, { type: 'delta', t_s: 100, clock: clock({ paused: true }) }, 11000);
  assert.equal(simTimeAt(paused, 12000), 100);
  const nearEnd = applyMessage(p, { type: 'delta', t_s: 1199.9, clock: clock({ speed: 100 }) }, 20000);
  assert.equal(simTimeAt(nearEnd, 21000), 1200);
  const ended = applyMessage(p, { type: 'ended', t_s: 1200, summary: { killed: 3 } }, 30000);
  assert.equal(ended.clock.ended, true);
  assert.equal(simTimeAt(ended, 40000), 1200);
  assert.equal(ended.ended.summary.killed, 3);
});

test('tracks are dead-reckoned from their report time', () => {
  const p = trackPositionAt(track(1, 100, { ve: 0, vn: 100, vu: 5 }), 110);
  assert.ok(Math.abs(distanceM({ lat: 35, lon: -30 }, p) - 1000) < 1);
  assert.ok(p.lat > 35);
  assert.equal(p.alt_m, 1050);
});

test('interceptors fly straight from launch to intercept and hold at the ends', () => {
  const icp = { launch_t_s: 100, intercept_t_s: 120, from: { lat: 35, lon: -30, alt_m: 0 }, aim: { lat: 36, lon: -29, alt_m: 1000 } };
  assert.deepEqual(interceptorPositionAt(icp, 90), { lat: 35, lon: -30, alt_m: 0 });
  assert.deepEqual(interceptorPositionAt(icp, 110), { lat: 35.5, lon: -29.5, alt_m: 500 });
  assert.deepEqual(interceptorPositionAt(icp, 200), { lat: 36, lon: -29, alt_m: 1000 });
});

test('errors and unknown messages leave the picture as it is', () => {
  const p = start();
  assert.equal(applyMessage(p, { type: 'error', message: 'no' }, 5000), p);
  assert.equal(applyMessage(p, { type: 'whatever' }, 5000), p);
});

test('injection messages follow the protocol and refuse bad input', () => {
  assert.deepEqual(raidAgain('Northern strike'), { type: 'inject', event: { action: 'add_raid', raid: 'Northern strike' } });
  assert.deepEqual(
    newRaid({ kind: 'cruise_missile', count: 4, target: 'Harbour City', bearing_deg: 270, range_m: 120000, altitude_m: 50, speed_mps: 250 }),
    { type: 'inject', event: { action: 'add_raid', kind: 'cruise_missile', count: 4, target: 'Harbour City', bearing_deg: 270, range_m: 120000, altitude_m: 50, speed_mps: 250 } },
  );
  assert.throws(() => newRaid({ kind: 'tank', count: 1, target: 'x', bearing_deg: 0, range_m: 1e4, altitude_m: 100, speed_mps: 100 }), /kind/);
  assert.throws(() => newRaid({ kind: 'drone', count: 0, target: 'x', bearing_deg: 0, range_m: 1e4, altitude_m: 100, speed_mps: 100 }), /count/);
  assert.throws(() => newRaid({ kind: 'drone', count: 2, target: '', bearing_deg: 0, range_m: 1e4, altitude_m: 100, speed_mps: 100 }), /target/);
  assert.deepEqual(outage('link_lost', 'SR-1 Ridge'), { type: 'inject', event: { action: 'link_lost', target: 'SR-1 Ridge' } });
  assert.throws(() => outage('explode', 'SR-1 Ridge'));
  assert.deepEqual(weaponsControl('hold'), { type: 'inject', event: { action: 'weapons_control', control: 'hold' } });
  assert.throws(() => weaponsControl('loose'));
});

test('geodesy helpers', () => {
  const [lat, lon] = destination(35, -30, 90, 100000);
  assert.ok(Math.abs(distanceM({ lat: 35, lon: -30 }, { lat, lon }) - 100000) < 1);
  const [dlat, dlon] = deadReckon(35, -30, 0, 0, 100);
  assert.deepEqual([dlat, dlon], [35, -30]);
  assert.equal(Math.round(headingDeg(-1, 0)), 270);
  assert.equal(formatClock(3725.9), '1:02:05');
  const ring = corridorOutline([[35, -30], [35, -29]], 8000);
  assert.equal(ring.length, 5);
  const width = distanceM({ lat: ring[0][0], lon: ring[0][1] }, { lat: ring[3][0], lon: ring[3][1] });
  assert.ok(Math.abs(width - 8000) < 10, `corridor width ${width}`);
});
