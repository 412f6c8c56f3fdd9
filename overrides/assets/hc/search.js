/* Search and the answer assistant, loaded by helpcentre.js on first use (focus, typing, the header button,
   "/" or a ?q= link), never before. The parts live in search/: bundles.js loads and merges the indexes,
   retrieval.js (with text.js and spelling.js) answers a query, searchbox.js and dialog.js are the widgets
   that register on them; search.css, their styles, comes with this script (helpcentre/firstuse.js).
   The assistant's own modules (assistant.js, exchange.js, answerview.js: some 14 kB) load only when a reader
   turns to the assistant (its field has the focus, or a question is sent): a search needs none of them.
   Whatever a reader types is only ever written into the page as text. */

import { openDialog, setUpDialog } from "./search/dialog.js";
import { deepLink, search, setUp as setUpSearch } from "./search/searchbox.js";
import { stateOf } from "./search/widgets.js";

let assistantModule = null;

/* The assistant of ``box``, its modules loaded and its events wired once: a promise of the module. */
function assistantOf(box) {
  assistantModule = assistantModule || import("./search/assistant.js");
  return assistantModule.then(function (assistant) { assistant.setUp(box); return assistant; });
}

/* A question sent before the assistant's modules arrived (before search.js too): answered once they have. */
function askWhenReady(box) {
  assistantOf(box).then(function (assistant) { assistant.ask(box); });
}

function awaitAssistant(box) {
  box.addEventListener("focusin", function () { assistantOf(box); });
  box.querySelector("form").addEventListener("submit", function (event) {
    if (stateOf(box).ready) return;
    event.preventDefault();
    askWhenReady(box);
  });
  if (box.contains(document.activeElement)) assistantOf(box);
}

function init() {
  document.querySelectorAll("[data-hc='search']").forEach(setUpSearch);
  document.querySelectorAll("[data-hc='assistant']").forEach(awaitAssistant);
  setUpDialog();
  deepLink();
}

window.hcSearch = {
  openDialog,
  /* A submit that arrived before this script: answer it now. */
  submit: function (event) {
    const box = event.target.closest("[data-hc='search'], [data-hc='assistant']");
    if (!box) return;
    if (box.matches("[data-hc='assistant']")) askWhenReady(box);
    else search(box, box.querySelector(".hc-search__input").value);
  }
};

init();
