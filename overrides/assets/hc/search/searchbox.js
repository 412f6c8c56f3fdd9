/* The search box: the home page's field, the header dialog's, the 404 pages' and ?q= links. Each search is
   one retrieval (retrieval.js); results, corrections and answers in another language are written as text. */

import { warm } from "./bundles.js";
import { answer } from "./find.js";
import { busy, readerCar, resultItem } from "./render.js";
import { message, stateOf } from "./widgets.js";

function parts(box) {
  return {
    list: box.querySelector("[data-hc='search-results']"),
    status: box.querySelector(".hc-search__status"),
    note: box.querySelector(".hc-search__note"),
    input: box.querySelector(".hc-search__input")
  };
}

const LOOK = { item: "hc-search__result", link: "hc-search__link", text: "hc-search__excerpt" };

/* What the reader should know about these results: corrected words (with a way back to the words as
   typed), results that match only some words, answers from another language. */
function writeNote(box, note, query, { found, other }) {
  note.textContent = "";
  const lines = [];
  if (found.corrections.length) {
    const p = document.createElement("p");
    p.textContent = message(box, "corrected", { words: found.corrections.map(function (c) { return c.used; }).join(" ") }) + " ";
    const asTyped = document.createElement("button");
    asTyped.type = "button";
    asTyped.className = "hc-search__as-typed";
    asTyped.textContent = message(box, "as-typed", { words: found.corrections.map(function (c) { return c.typed; }).join(" ") });
    asTyped.addEventListener("click", function () { search(box, query, { correct: false }); });
    p.appendChild(asTyped);
    lines.push(p);
  }
  if (other) lines.push(message(box, "in-" + other.lang + "-none"));
  if (found.items.length && !found.complete) lines.push(message(box, "partial"));
  lines.forEach(function (line) {
    if (typeof line === "string") { const p = document.createElement("p"); p.textContent = line; line = p; }
    note.appendChild(line);
  });
  note.hidden = lines.length === 0;
}

function render(box, query, result, reader) {
  const { list, status, note } = parts(box);
  list.textContent = "";
  reader.first(result.found.items, function (item) { return item.result; }).forEach(function (item) { list.appendChild(resultItem(item.result, LOOK)); });
  /* Whether the results have every word of the query: said in the note, and to machines (make bench-search). */
  list.setAttribute("data-match", !result.found.items.length ? "none" : result.found.complete ? "all" : "some");
  const total = result.found.total;
  status.textContent = total ? message(box, total === 1 ? "one" : "other", { n: total }) : message(box, "none");
  writeNote(box, note, query, result);
  busy(list, false);
  if (result.other || !total) box.dispatchEvent(new CustomEvent("hc:unanswered", { bubbles: true, detail: { query, lang: box.getAttribute("data-lang"), shown: total ? "other-language" : "nothing" } }));
}

export async function search(box, query, { correct = true } = {}) {
  const state = stateOf(box);
  const token = (state.token || 0) + 1;
  state.token = token;
  const { list, status, note } = parts(box);
  if (!query.trim()) {
    list.textContent = "";
    status.textContent = "";
    note.hidden = true;
    busy(list, false);
    return;
  }
  status.textContent = message(box, "loading");
  busy(list, true);
  try {
    const [result, reader] = await Promise.all([answer(box, query, correct), readerCar()]);
    if (token === state.token) render(box, query, result, reader);
  } catch {
    if (token !== state.token) return;
    status.textContent = message(box, "unavailable");
    busy(list, false);
  }
}

function moveFocus(box, step) {
  const links = Array.from(box.querySelectorAll(".hc-search__link"));
  const index = links.indexOf(document.activeElement);
  const next = index + step;
  if (next < 0) { parts(box).input.focus(); return; }
  if (links[next]) links[next].focus();
}

export function setUp(box) {
  const state = stateOf(box);
  if (state.ready) return;
  state.ready = true;
  const { input } = parts(box);
  let timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(box, input.value); }, 120);
  });
  box.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    search(box, input.value);
  });
  box.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { event.preventDefault(); moveFocus(box, 1); }
    if (event.key === "ArrowUp") { event.preventDefault(); moveFocus(box, -1); }
  });
  if (document.activeElement === input) warm(box);
  input.addEventListener("focus", function () { warm(box); });
  if (input.value.trim() && !state.token) search(box, input.value);
}

/* A ?q= link fills the page's main search field (the home page's) and searches. */
export function deepLink() {
  const query = new URLSearchParams(window.location.search).get("q");
  const box = document.querySelector(".md-content [data-hc='search']");
  if (!query || !box) return;
  const { input } = parts(box);
  input.value = query.slice(0, parseInt(input.getAttribute("maxlength"), 10) || 200);
  search(box, input.value);
}
