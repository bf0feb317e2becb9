// A minimal element builder: h('div', {class: 'x', 'data-testid': 'y', onclick}, child, ...).

export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') element.addEventListener(key.slice(2), value);
    else if (key === 'class') element.className = value;
    else if (key === 'text') element.textContent = value;
    else if (key in element && typeof value !== 'string') element[key] = value;
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** Replaces the children of `element`. */
export function fill(element, ...children) {
  element.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

/** A titled panel section; returns {section, body, title}. */
export function panel(title, testid, ...extra) {
  const titleElement = h('span', { class: 'panel-title-text' }, title);
  const body = h('div', { class: 'panel-body' });
  const section = h('section', { class: 'panel', 'data-testid': testid }, h('header', { class: 'panel-title' }, titleElement, ...extra), body);
  return { section, body, title: titleElement };
}
