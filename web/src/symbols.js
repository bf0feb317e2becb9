// MIL-STD-2525C / APP-6 symbols drawn by milsymbol, rendered once per key into canvases that
// the map blits, so thousands of tracks cost one drawImage each per frame.

import ms from 'milsymbol';

/** Standard identity letter of each track identity of the protocol. */
const IDENTITY_LETTER = {
  pending: 'P',
  unknown: 'U',
  assumed_friend: 'A',
  friend: 'F',
  neutral: 'N',
  suspect: 'S',
  hostile: 'H',
};

/** Line colour per identity, on the dark map (frame colours of 2525 affiliations, brightened). */
export const IDENTITY_COLOUR = {
  pending: '#ffe680',
  unknown: '#ffe680',
  assumed_friend: '#7fd8ff',
  friend: '#7fd8ff',
  neutral: '#9cf29c',
  suspect: '#ffa066',
  hostile: '#ff5a5a',
};

export const IDENTITIES = Object.keys(IDENTITY_LETTER);

/** Air function of each kinematic class C2 gives a track (2525C: military fixed wing, missile in
 * flight, unmanned aerial vehicle, surface-to-surface missile in flight); a track without one is
 * a plain air track. */
const CLASS_FUNCTION = { aircraft: 'MF----', missile: 'WM----', drone: 'MFQ---', ballistic: 'WMSS--' };

/** 15-character letter SIDC of an air track (battle dimension A, present) by identity and class. */
export function airTrackSidc(identity, kind) {
  return `S${IDENTITY_LETTER[identity] ?? 'U'}AP${CLASS_FUNCTION[kind] ?? '------'}*****`;
}

/** SIDCs of the layout's own forces and of interceptors in flight. */
export const SIDC = {
  sensor: 'SFGPESR---*****', // ground equipment: radar
  fireUnit: 'SFGPUCDM--*****', // air defence missile unit
  interceptor: 'SFAPWM----*****', // friendly missile in flight
};

/**
 * A cache of rendered symbols: `get(sidc, size)` gives {canvas, anchorX, anchorY, width, height}
 * in device pixels for the display's pixel ratio.
 */
export function createSymbolCache(pixelRatio) {
  const cache = new Map();
  return {
    get(sidc, size) {
      const key = `${sidc}|${size}`;
      let entry = cache.get(key);
      if (!entry) {
        const symbol = new ms.Symbol(sidc, { size, outlineWidth: 2, outlineColor: 'rgba(0,0,0,0.7)' });
        const canvas = symbol.asCanvas(pixelRatio);
        const anchor = symbol.getAnchor();
        entry = { canvas, anchorX: anchor.x * pixelRatio, anchorY: anchor.y * pixelRatio, width: canvas.width, height: canvas.height };
        createImageBitmap(canvas).then((b) => { entry.canvas = b; });
        cache.set(key, entry);
      }
      return entry;
    },
  };
}

/**
 * A cache of pre-rendered text labels (track numbers never change, so each label is drawn once):
 * `get(text, colour)` gives a canvas in device pixels.
 */
export function createLabelCache(pixelRatio, font = '11px "DejaVu Sans Mono", monospace') {
  const cache = new Map();
  const measure = document.createElement('canvas').getContext('2d');
  measure.font = font;
  return {
    get(text, colour) {
      const key = `${text}|${colour}`;
      let canvas = cache.get(key)?.canvas;
      if (!canvas) {
        canvas = document.createElement('canvas');
        const width = Math.ceil(measure.measureText(text).width) + 4;
        canvas.width = width * pixelRatio;
        canvas.height = 14 * pixelRatio;
        const ctx = canvas.getContext('2d');
        ctx.scale(pixelRatio, pixelRatio);
        ctx.font = font;
        ctx.textBaseline = 'middle';
        ctx.lineWidth = 3;
        ctx.strokeStyle = 'rgba(0,0,0,0.85)';
        ctx.strokeText(text, 2, 7);
        ctx.fillStyle = colour;
        ctx.fillText(text, 2, 7);
        const entry = { canvas };
        createImageBitmap(canvas).then((b) => { entry.canvas = b; });
        cache.set(key, entry);
        return canvas;
      }
      return canvas;
    },
  };
}
