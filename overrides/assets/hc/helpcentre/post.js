/* POST JSON to an endpoint named in mkdocs.yml, giving up after four seconds: the helpful vote's, and the
   assistant's (search/assistant.js, a module loaded apart, finds it as window.hcPost). A browser without
   AbortSignal.timeout (before 2022) waits as long as fetch does. */

export function post(endpoint, payload) {
  return fetch(endpoint, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(payload),
    signal: AbortSignal.timeout && AbortSignal.timeout(4000), keepalive: true
  });
}
