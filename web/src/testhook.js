// `window.rampartConsole`: a small read-only view of the console for tests and diagnostics.

import { trackPositionAt } from './picture.js';

export function installTestHook({ picture, simTime, frameStats, selected }) {
  const hook = {
    /** Tracks in the picture. */
    trackCount: () => picture().tracks.size,
    /** Ids of the tracks in the picture. */
    trackIds: () => [...picture().tracks.keys()],
    /** A track's dead-reckoned position now, {lat, lon, alt_m}, or null. */
    trackPosition(id) {
      const track = picture().tracks.get(id);
      return track ? trackPositionAt(track, simTime()) : null;
    },
    /** Every track's id, identity and dead-reckoned position now. */
    tracks: () => [...picture().tracks.values()].map((t) => ({ id: t.id, identity: t.identity, ...trackPositionAt(t, simTime()) })),
    simTime,
    paused: () => picture().clock.paused,
    speed: () => picture().clock.speed,
    ended: () => Boolean(picture().ended),
    mode: () => picture().hello?.mode ?? null,
    training: () => Boolean(picture().hello?.training),
    layout: () => structuredClone(picture().hello?.layout ?? null),
    proposals: () => structuredClone(picture().proposals),
    interceptorCount: () => picture().interceptors.size,
    events: () => structuredClone(picture().events),
    truthCount: () => picture().truth.length,
    selected,
    /** Map frames: {fps (postrender events in the last second), frames (since load)}. */
    frameStats,
  };
  Object.defineProperty(window, 'rampartConsole', { value: Object.freeze(hook), writable: false, configurable: false });
}
