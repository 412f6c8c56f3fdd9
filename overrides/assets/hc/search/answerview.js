/* An answer's parts written into the page: elements of a small allowlist made with createElement, text as
   text nodes, links only to this site's own pages. Whatever the answer files or an endpoint hold is never
   parsed as HTML, so markup in them shows as text or is dropped, and nothing in them runs.

   A screenshot (["shot", {src, srcset, alt, width, height}]) becomes a "Show screenshot" button, described by
   the image's alt text, that loads the image (from this site only) the first time it is pressed: asking a
   question downloads no image. */

const ALLOWED = new Set(["p", "ol", "ul", "li", "strong", "em", "code"]);

/* ``href`` as an address on this site, resolved against the answer's page ``base``; null for any other. */
export function ownPage(href, base) {
  try {
    const url = new URL(String(href), base);
    return /^https?:$/.test(url.protocol) && url.origin === window.location.origin ? url.href : null;
  } catch { return null; }
}

/* The image a shot node shows, its addresses checked against ``base`` (a srcset keeps only this site's
   entries); null when it has no address of ours. */
export function shotImage(data, base) {
  if (!data || typeof data !== "object") return null;
  const src = ownPage(data.src, base);
  if (!src) return null;
  const srcset = String(data.srcset || "").split(",").map(function (entry) {
    const [address, width] = entry.trim().split(/\s+/);
    const url = address && /^\d+w$/.test(width || "") ? ownPage(address, base) : null;
    return url ? url + " " + width : null;
  }).filter(Boolean).join(", ");
  const size = function (n) { return Number.isInteger(n) && n > 0 ? n : null; };
  return { src, srcset, alt: String(data.alt || ""), width: size(data.width), height: size(data.height) };
}

export const SHOT_SIZES = "(max-width: 44.9em) calc(100vw - 3.2rem), 30rem";
let shots = 0;

function shotControl(image, labels) {
  const holder = document.createElement("div");
  holder.className = "hc-assistant__shot";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "md-button hc-assistant__shot-button";
  button.setAttribute("aria-expanded", "false");
  button.textContent = labels.show;
  const described = document.createElement("span");
  described.id = "hc-shot-alt-" + (shots += 1);
  described.hidden = true;
  described.textContent = image.alt;
  button.setAttribute("aria-describedby", described.id);
  let shown = null;
  button.addEventListener("click", function () {
    if (!shown) {
      shown = document.createElement("img");
      if (image.srcset) { shown.setAttribute("srcset", image.srcset); shown.setAttribute("sizes", SHOT_SIZES); }
      shown.setAttribute("src", image.src);
      shown.setAttribute("alt", image.alt);
      if (image.width && image.height) { shown.setAttribute("width", image.width); shown.setAttribute("height", image.height); }
      shown.hidden = true;
      holder.appendChild(shown);
    }
    shown.hidden = !shown.hidden;
    button.setAttribute("aria-expanded", String(!shown.hidden));
    button.textContent = shown.hidden ? labels.show : labels.hide;
  });
  holder.appendChild(button);
  holder.appendChild(described);
  return holder;
}

function append(parent, node, base, depth, labels) {
  if (typeof node === "string") { parent.appendChild(document.createTextNode(node)); return; }
  if (!Array.isArray(node) || depth > 20) return;
  const tag = String(node[0]);
  if (tag === "shot") {
    const image = labels ? shotImage(node[1], base) : null;
    if (image) parent.appendChild(shotControl(image, labels));
    return;
  }
  let element = null;
  if (tag === "a") {
    const href = ownPage(node[1], base);
    if (href) { element = document.createElement("a"); element.setAttribute("href", href); }
  } else if (ALLOWED.has(tag)) {
    element = document.createElement(tag);
  }
  const target = element || parent; // an element outside the allowlist gives its text only
  node.slice(tag === "a" ? 2 : 1).forEach(function (child) { append(target, child, base, depth + 1, labels); });
  if (element) parent.appendChild(element);
}

/* The nodes of ``blocks`` as a fragment; ``base`` is the address of the answer's page (for its links and
   screenshots); ``labels`` ({ show, hide }) the screenshot button's words (no screenshots without them). */
export function rebuild(blocks, base, labels = null) {
  const fragment = document.createDocumentFragment();
  (Array.isArray(blocks) ? blocks : []).forEach(function (block) { append(fragment, block, base, 0, labels); });
  return fragment;
}
