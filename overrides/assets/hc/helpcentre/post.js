/* POST JSON to an endpoint named in mkdocs.yml, giving up after four seconds: the helpful vote's, and the
   assistant's (search/assistant.js, a module loaded apart, finds it as window.hcPost). */

export function post(endpoint, payload) {
  const controller = window.AbortController ? new AbortController() : null;
  const timer = setTimeout(function () { if (controller) controller.abort(); }, 4000);
  return fetch(endpoint, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(payload),
    signal: controller ? controller.signal : undefined, keepalive: true
  }).finally(function () { clearTimeout(timer); });
}
