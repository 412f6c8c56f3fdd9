/* Search and the assistant need search.js and this language's index: both load on first use (focus, typing,
   the header button, "/" or a ?q= link), never before. What the reader did meanwhile (a submit, "/") is
   handed to search.js once it has arrived (window.hcSearch). */

/* search.js and search.css sit beside helpcentre.js, the classic script these modules ship in
   (pages/minify.py): its address is known only while that script runs, so it is read now. */
const here = document.currentScript && document.currentScript.src.replace(/helpcentre\.js(\?.*)?$/, "search.");
let searchLoading = null;

/* ``tag`` with ``attributes`` added to the page, settled once it has loaded. */
function added(tag, attributes) {
  return new Promise(function (resolve, reject) {
    document.head.appendChild(Object.assign(document.createElement(tag), attributes, { onload: resolve, onerror: reject }));
  });
}

/* Search's script and its styles (results, answers, the header's dialog), fetched together; search is handed
   over once both have arrived, so the dialog never opens unstyled. Without its styles search still works. */
export function loadSearch() {
  if (window.hcSearch) return Promise.resolve(window.hcSearch);
  searchLoading = searchLoading || Promise.all([
    added("script", { type: "module", src: here + "js" }),
    added("link", { rel: "stylesheet", href: here + "css" }).catch(function () {})
  ]).then(function () { return window.hcSearch; });
  return searchLoading;
}

/* The header's search button shows where the dialog works; the events that need search load it. */
export function wireSearch() {
  const use = function (action) { return function (event) { loadSearch().then(function (api) { api[action](event); }); }; };
  document.addEventListener("click", function (event) {
    const button = event.target.closest && event.target.closest("[data-hc-search-open]");
    if (button && !window.hcSearch) use("openDialog")(event);
  });
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches(".hc-search__input, .hc-assistant__input")) loadSearch();
  });
  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (!window.hcSearch && form.closest && form.closest("[data-hc='search'], [data-hc='assistant']")) {
      event.preventDefault();
      use("submit")(event);
    }
  });
  document.addEventListener("keydown", function (event) {
    const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName || "") || event.target.isContentEditable;
    if (event.key === "/" && !typing) { event.preventDefault(); use("openDialog")(event); }
    /* Enter sends the question (Shift+Enter starts a line), here so that it works before search.js arrives. */
    if (event.key === "Enter" && !event.shiftKey && event.target.matches(".hc-assistant__input")) {
      event.preventDefault();
      event.target.form.requestSubmit();
    }
  });
}

/* The header's search button, shown only where the dialog works. */
export function showSearchButton() {
  const opener = document.querySelector("[data-hc-search-open]");
  if (opener && typeof HTMLDialogElement === "function") opener.hidden = false;
}

/* A ?q= link on a page with a search field searches at once. */
export function searchLinked() {
  if (new URLSearchParams(window.location.search).get("q") && document.querySelector(".md-content [data-hc='search']")) {
    loadSearch();
  }
}
