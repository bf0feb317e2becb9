// The instructor's injections (docs/console-protocol.md, `inject`): the messages, built and
// checked by pure functions, and the panel that sends them.

import { h, panel } from './dom.js';

export const RAID_KINDS = ['strike_aircraft', 'cruise_missile', 'drone', 'helicopter'];
export const OUTAGES = {
  sensor: ['sensor_out', 'sensor_back'],
  fire_unit: ['fire_unit_out', 'fire_unit_back'],
  link: ['link_lost', 'link_restored'],
};
export const WEAPONS_CONTROLS = ['free', 'tight', 'hold'];

const inject = (event) => ({ type: 'inject', event });

/** The scenario's raid `name` again, starting now. */
export function raidAgain(name) {
  if (!name) throw new Error('choose a raid');
  return inject({ action: 'add_raid', raid: name });
}

/** Limits of a new raid's fields: [min, max]. */
export const NEW_RAID_LIMITS = {
  count: [1, 200],
  bearing_deg: [0, 360],
  range_m: [1000, 1000000],
  altitude_m: [10, 25000],
  speed_mps: [10, 1500],
};

/**
 * A new raid of `count` `kind` flying straight at asset `target` from `bearing_deg` and `range_m`.
 * Throws with a readable message when a field is missing or out of its limits.
 */
export function newRaid({ kind, count, target, bearing_deg, range_m, altitude_m, speed_mps }) {
  if (!RAID_KINDS.includes(kind)) throw new Error(`unknown raid kind ${kind}`);
  if (!target) throw new Error('choose a target asset');
  const fields = { count, bearing_deg, range_m, altitude_m, speed_mps };
  for (const [name, value] of Object.entries(fields)) {
    const [min, max] = NEW_RAID_LIMITS[name];
    if (!Number.isFinite(value) || value < min || value > max) throw new Error(`${name.replace('_', ' ')} must be ${min} to ${max}`);
  }
  if (!Number.isInteger(count)) throw new Error('count must be a whole number');
  return inject({ action: 'add_raid', kind, count, target, bearing_deg: bearing_deg % 360, range_m, altitude_m, speed_mps });
}

/** An outage or its end: `action` one of OUTAGES' actions, `target` a sensor or fire unit name. */
export function outage(action, target) {
  if (!Object.values(OUTAGES).flat().includes(action)) throw new Error(`unknown action ${action}`);
  if (!target) throw new Error('choose a target');
  return inject({ action, target });
}

export function weaponsControl(control) {
  if (!WEAPONS_CONTROLS.includes(control)) throw new Error(`unknown weapons control ${control}`);
  return inject({ action: 'weapons_control', control });
}

/** The injection panel; a maker for startConsole's `extensions`. */
export function createInjectionPanel({ send }) {
  const { section, body } = panel('Injections', 'inject-panel');
  const feedback = h('div', { class: 'inject-feedback', 'data-testid': 'inject-feedback' });
  const attempt = (build) => {
    try {
      const message = build();
      send(message);
      feedback.className = 'inject-feedback ok';
      feedback.textContent = `sent ${describe(message.event)}`;
    } catch (error) {
      feedback.className = 'inject-feedback bad';
      feedback.textContent = error.message;
    }
  };

  // The scenario's raids again.
  const raidSelect = h('select', { class: 'select', 'data-testid': 'inject-raid-select' });
  const raidButton = h('button', { class: 'btn', 'data-testid': 'inject-raid-button', onclick: () => attempt(() => raidAgain(raidSelect.value)) }, 'Inject again');
  const raidRow = h('div', { class: 'form-row' }, raidSelect, raidButton);

  // A new raid.
  const number = (testid, value, step = '1') => h('input', { type: 'number', class: 'input', 'data-testid': testid, value: String(value), step });
  const kind = h('select', { class: 'select', 'data-testid': 'new-raid-kind' }, RAID_KINDS.map((k) => h('option', { value: k }, k.replace('_', ' '))));
  const count = number('new-raid-count', 4);
  const target = h('select', { class: 'select', 'data-testid': 'new-raid-target' });
  const bearing = number('new-raid-bearing', 90);
  const range = number('new-raid-range', 100000, '1000');
  const altitude = number('new-raid-altitude', 3000, '50');
  const speed = number('new-raid-speed', 250, '10');
  const labelled = (label, input) => h('label', { class: 'field' }, h('span', {}, label), input);
  const newRaidButton = h('button', { class: 'btn', 'data-testid': 'new-raid-button', onclick: () => attempt(() => newRaid({
    kind: kind.value, count: Number(count.value), target: target.value, bearing_deg: Number(bearing.value),
    range_m: Number(range.value), altitude_m: Number(altitude.value), speed_mps: Number(speed.value),
  })) }, 'Launch new raid');
  const newRaidForm = h('div', { class: 'form-grid' },
    labelled('Kind', kind), labelled('Count', count), labelled('Target', target), labelled('Bearing °', bearing),
    labelled('Range m', range), labelled('Altitude m', altitude), labelled('Speed m/s', speed), newRaidButton);

  // Outages and links.
  const outageTable = h('table', { class: 'outages', 'data-testid': 'outage-table' });

  // Weapons control.
  const wcButtons = h('div', { class: 'form-row' }, WEAPONS_CONTROLS.map((c) =>
    h('button', { class: `btn wc-${c}`, 'data-testid': `weapons-control-${c}`, onclick: () => attempt(() => weaponsControl(c)) }, `Weapons ${c}`)));

  body.append(
    h('h4', {}, 'Scenario raid again'), raidRow,
    h('h4', {}, 'New raid'), newRaidForm,
    h('h4', {}, 'Sensors, fire units, links'), outageTable,
    h('h4', {}, 'Weapons control'), wcButtons,
    feedback);

  const button = (action, name, label) =>
    h('button', { class: 'btn small', 'data-testid': `inject-${action}`, 'data-target': name, onclick: () => attempt(() => outage(action, name)) }, label);

  return {
    element: section,
    configure(hello) {
      const layout = hello.layout ?? {};
      raidSelect.replaceChildren(...(layout.raids ?? []).map((r) => h('option', { value: r }, r)));
      raidRow.hidden = !(layout.raids ?? []).length;
      target.replaceChildren(...(layout.assets ?? []).map((a) => h('option', { value: a.name }, a.name)));
      const row = (name, kindLabel, [out, back]) =>
        h('tr', {}, h('td', {}, name), h('td', { class: 'dim' }, kindLabel),
          h('td', {}, button(out, name, 'Out'), button(back, name, 'Back')),
          h('td', {}, button(OUTAGES.link[0], name, 'Cut link'), button(OUTAGES.link[1], name, 'Restore')));
      outageTable.replaceChildren(
        h('tr', {}, ['Element', 'Kind', 'Service', 'Link'].map((c) => h('th', {}, c))),
        ...(layout.sensors ?? []).map((s) => row(s.name, 'sensor', OUTAGES.sensor)),
        ...(layout.fire_units ?? []).map((u) => row(u.name, 'fire unit', OUTAGES.fire_unit)));
    },
  };
}

/** A short description of an injection for the instructor's feedback line. */
export function describe(event) {
  switch (event.action) {
    case 'add_raid':
      return event.raid ? `raid "${event.raid}" again` : `${event.count} ${event.kind} at ${event.target} from ${event.bearing_deg}°, ${event.range_m / 1000} km`;
    case 'weapons_control':
      return `weapons ${event.control}`;
    default:
      return `${event.action.replace('_', ' ')} ${event.target}`;
  }
}
