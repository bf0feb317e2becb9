// The clock display and the time controls: pause, resume, step, speed, and in replay a seek
// slider; the analyst's truth toggle.

import { h } from './dom.js';
import { formatClock } from './geo.js';
import { endTime } from './picture.js';

export const SPEEDS = [1, 2, 5, 10, 20, 50, 100];

/** The simulation clock readout: time, end, speed and state. */
export function createClockDisplay() {
  const time = h('span', { class: 'clock-time', 'data-testid': 'sim-time' }, '-:--:--');
  const end = h('span', { class: 'clock-end' });
  const state = h('span', { class: 'clock-state', 'data-testid': 'clock-state' });
  const element = h('div', { class: 'clock' }, time, end, state);
  return {
    element,
    update(picture, t) {
      time.textContent = formatClock(t);
      time.dataset.seconds = t.toFixed(1);
      const e = endTime(picture);
      end.textContent = e ? ` / ${formatClock(e)}` : '';
      const { paused, ended, speed } = picture.clock;
      const label = !picture.hello ? 'OFFLINE' : ended ? 'ENDED' : paused ? 'PAUSED' : `RUN x${speed}`;
      if (state.textContent !== label) {
        state.textContent = label;
        state.className = `clock-state ${ended ? 'ended' : paused ? 'paused' : 'running'}`;
      }
    },
  };
}

/**
 * Pause, resume, step and speed (for every role allowed to control the clock), and a seek slider
 * in replay. `send(message)` sends to the server.
 */
export function createTimeControls(send) {
  const pause = h('button', { class: 'btn', 'data-testid': 'control-pause', title: 'Pause', onclick: () => send({ type: 'control', action: 'pause' }) }, '❚❚ Pause');
  const resume = h('button', { class: 'btn', 'data-testid': 'control-resume', title: 'Resume', onclick: () => send({ type: 'control', action: 'resume' }) }, '▶ Resume');
  const step = h('button', { class: 'btn', 'data-testid': 'control-step', title: 'One record period (1 s) while paused', onclick: () => send({ type: 'control', action: 'step' }) }, '▶❙ Step');
  const speed = h('select', { class: 'select', 'data-testid': 'control-speed', title: 'Simulation speed' });
  speed.addEventListener('change', () => send({ type: 'control', action: 'speed', value: Number(speed.value) }));
  const seekValue = h('span', { class: 'seek-value' });
  const seek = h('input', { type: 'range', class: 'seek', 'data-testid': 'seek-slider', min: '0', max: '0', step: '1', value: '0', title: 'Seek (replay)' });
  let seeking = false;
  seek.addEventListener('input', () => {
    seeking = true;
    seekValue.textContent = formatClock(Number(seek.value));
  });
  seek.addEventListener('change', () => {
    seeking = false;
    send({ type: 'seek', t_s: Number(seek.value) });
  });
  const seekGroup = h('div', { class: 'seek-group', hidden: true }, seek, seekValue);
  const element = h('div', { class: 'time-controls', 'data-testid': 'time-controls' }, pause, resume, step, speed, seekGroup);

  return {
    element,
    configure(hello) {
      const max = hello.limits?.max_speed ?? 100;
      speed.replaceChildren(...SPEEDS.filter((s) => s <= max).map((s) => h('option', { value: String(s) }, `x${s}`)));
      seekGroup.hidden = hello.mode !== 'replay';
    },
    update(picture, t) {
      const { paused, ended } = picture.clock;
      pause.disabled = paused || ended;
      resume.disabled = !paused || ended;
      step.disabled = !paused || ended;
      const value = String(picture.clock.speed);
      if (speed.value !== value && document.activeElement !== speed) {
        if (![...speed.options].some((o) => o.value === value)) speed.append(h('option', { value }, `x${value}`));
        speed.value = value;
      }
      if (!seekGroup.hidden && !seeking) {
        seek.max = String(Math.round(endTime(picture)));
        seek.value = String(Math.round(t));
        seekValue.textContent = formatClock(t);
      }
    },
  };
}

/** The analyst's truth overlay toggle (off by default); `onToggle(show)` on each change. */
export function createTruthToggle(onToggle) {
  const box = h('input', { type: 'checkbox', 'data-testid': 'truth-toggle' });
  box.addEventListener('change', () => onToggle(box.checked));
  return { element: h('label', { class: 'toggle', title: 'Show the ground truth (analysis only)' }, box, ' Truth'), box };
}
