/* An answer's parts written into the page: elements of a small allowlist made with createElement, text as
   text nodes, links only to this site's own pages. Whatever the answer files or an endpoint hold is never
   parsed as HTML, so markup in them shows as text or is dropped, and nothing in them runs. */

const ALLOWED = new Set(["p", "ol", "ul", "li", "strong", "em", "code"]);

/* ``href`` as an address on this site, resolved against the answer's page ``base``; null for any other. */
export function ownPage(href, base) {
  try {
    const url = new URL(String(href), base);
    return /^https?:$/.test(url.protocol) && url.origin === window.location.origin ? url.href : null;
  } catch { return null; }
}

function append(parent, node, base, depth) {
  if (typeof node === "string") { parent.appendChild(document.createTextNode(node)); return; }
  if (!Array.isArray(node) || depth > 20) return;
  const tag = String(node[0]);
  let element = null;
  if (tag === "a") {
    const href = ownPage(node[1], base);
    if (href) { element = document.createElement("a"); element.setAttribute("href", href); }
  } else if (ALLOWED.has(tag)) {
    element = document.createElement(tag);
  }
  const target = element || parent; // an element outside the allowlist gives its text only
  node.slice(tag === "a" ? 2 : 1).forEach(function (child) { append(target, child, base, depth + 1); });
  if (element) parent.appendChild(element);
}

/* The nodes of ``blocks`` as a fragment; ``base`` is the address of the answer's page (for its links). */
export function rebuild(blocks, base) {
  const fragment = document.createDocumentFragment();
  (Array.isArray(blocks) ? blocks : []).forEach(function (block) { append(fragment, block, base, 0); });
  return fragment;
}
