/* Per-widget state in one place: what a search box or an assistant remembers between events. */

const states = new WeakMap();

export function stateOf(el) {
  if (!states.has(el)) states.set(el, {});
  return states.get(el);
}

/* A message attribute of ``el`` with its {placeholders} filled in. */
export function message(el, name, values = {}) {
  return (el.getAttribute("data-" + name) || "").replace(/\{(\w+)\}/g, function (whole, key) {
    return key in values ? String(values[key]) : whole;
  });
}
