/* Help-centre widgets on every page: progressive enhancement only; every page reads fine without them.
   Each widget is a module of this folder; the build joins them into one classic script, assets/hc/helpcentre.js
   (hooks/helpcentre/minify.py), so that they also run from a file:// copy, where browsers refuse ES modules,
   and a page makes one request for them. Runs once Material has set the page up (its document$). */

import { assistantCounter } from "./counter.js";
import { contactStatus } from "./contact.js";
import { searchLinked, showSearchButton, wireSearch } from "./firstuse.js";
import { helpful } from "./helpful.js";
import { post } from "./post.js";
import { skipLinks } from "./skiplink.js";

window.hcPost = post;

let wired = false;

function init() {
  contactStatus(document);
  helpful(document);
  assistantCounter(document);
  showSearchButton();
  if (!wired) {
    wired = true;
    skipLinks();
    wireSearch();
  }
  searchLinked();
}

if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(init);
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", init);
} else {
  init();
}
