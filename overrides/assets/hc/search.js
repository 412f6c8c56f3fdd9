/* Search and the answer assistant, loaded by helpcentre.js on first use (focus, typing, the header button,
   "/" or a ?q= link), never before. The parts live in search/: bundles.js loads and merges the indexes,
   retrieval.js (with text.js and spelling.js) answers a query, searchbox.js, assistant.js and dialog.js are
   the widgets that register on them; search.css, their styles, comes with this script (helpcentre/firstuse.js).
   Whatever a reader types is only ever written into the page as text. */

import { ask, setUp as setUpAssistant } from "./search/assistant.js";
import { openDialog, setUpDialog } from "./search/dialog.js";
import { deepLink, search, setUp as setUpSearch } from "./search/searchbox.js";

function init() {
  document.querySelectorAll("[data-hc='search']").forEach(setUpSearch);
  document.querySelectorAll("[data-hc='assistant']").forEach(setUpAssistant);
  setUpDialog();
  deepLink();
}

window.hcSearch = {
  openDialog,
  /* A submit that arrived before this script: answer it now. */
  submit: function (event) {
    const box = event.target.closest("[data-hc='search'], [data-hc='assistant']");
    if (!box) return;
    if (box.matches("[data-hc='assistant']")) ask(box);
    else search(box, box.querySelector(".hc-search__input").value);
  }
};

init();
