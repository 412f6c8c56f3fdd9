/* The answer assistant: a question of at most data-max characters, answered from the same retrieval as
   search (find.js), or first by the endpoint named in mkdocs.yml when there is one. */

import { indexOf } from "./bundles.js";
import { answer } from "./find.js";
import { keywords } from "./text.js";
import { articleLink, busy, safeUrl } from "./render.js";
import { message, stateOf } from "./widgets.js";

export const SHOWN = 3;

/* The best answers that have at least half of the question's words, or cover at least half of it with its
   words weighted by how rare they are (one rare word can say more than two common ones). */
async function localAnswers(box, question) {
  const { found, other } = await answer(box, question);
  const half = Math.ceil(found.words.length / 2);
  const good = function (item) { return item.coverage >= half || item.share >= 0.5; };
  return found.items.filter(good).slice(0, SHOWN).map(function (item) {
    return { title: item.data.meta.title, url: item.data.url, text: item.data.meta.teaser || "", other };
  });
}

/* The endpoint's answers; the shared poster (helpcentre.js) gives up after a few seconds. */
async function remoteAnswers(box, question) {
  const endpoint = box.getAttribute("data-endpoint");
  if (!endpoint || !window.hcPost) throw new Error("no endpoint");
  const response = await window.hcPost(endpoint, { question, lang: box.getAttribute("data-lang") });
  if (!response.ok) throw new Error("status " + response.status);
  const body = await response.json();
  const answers = (body && body.answers) || [];
  if (!answers.length) throw new Error("no answers");
  return answers.slice(0, SHOWN).map(function (a) {
    return { title: String(a.title), url: String(a.url), text: String(a.text || ""), other: null };
  });
}

function render(box, answers) {
  const list = box.querySelector(".hc-assistant__list");
  list.textContent = "";
  answers.forEach(function (found) {
    const li = document.createElement("li");
    li.appendChild(articleLink({ url: safeUrl(found.url), meta: { title: found.title } }, "hc-assistant__link", found.other));
    const p = document.createElement("p");
    p.textContent = found.text;
    if (found.other) p.lang = found.other.lang;
    li.appendChild(p);
    list.appendChild(li);
  });
  const note = box.querySelector(".hc-assistant__note");
  const other = answers.length && answers[0].other;
  note.textContent = other ? message(box, "other-none") : "";
  note.hidden = !other;
  box.querySelector(".hc-assistant__answers").hidden = !answers.length;
  box.querySelector(".hc-assistant__none").hidden = answers.length > 0;
  box.querySelector(".hc-assistant__contact").hidden = answers.length > 0;
}

export function ask(box) {
  const input = box.querySelector(".hc-assistant__input");
  const max = parseInt(box.getAttribute("data-max"), 10) || 200;
  const question = input.value.trim().slice(0, max);
  if (!question) { input.focus(); return Promise.resolve(); }
  const result = box.querySelector(".hc-assistant__result");
  busy(result, true);
  return remoteAnswers(box, question).catch(function () { return localAnswers(box, question); })
    .catch(function () { return []; })
    .then(function (answers) { render(box, answers); busy(result, false); if (!answers.length || answers[0].other) box.dispatchEvent(new CustomEvent("hc:unanswered", { bubbles: true, detail: { query: question, lang: box.getAttribute("data-lang"), shown: answers.length ? "other-language" : "nothing" } })); });
}

function warm(box) {
  const index = indexOf(box);
  if (index) index.ready().catch(function () { /* the question will say so */ });
}

export function setUp(box) {
  const state = stateOf(box);
  if (state.ready) return;
  state.ready = true;
  const input = box.querySelector(".hc-assistant__input");
  box.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    ask(box);
  });
  /* While the reader types, each word is searched as it ends (on a large site the index and the search take
     a few hundred milliseconds), so the answers follow the question at once. A word still being typed is
     only fetched ahead (preload) when typing pauses. */
  let pause = null;
  input.addEventListener("input", function () {
    clearTimeout(pause);
    const index = indexOf(box);
    const words = keywords(input.value, box.getAttribute("data-lang"));
    if (/[^\p{L}\p{N}]$/u.test(input.value)) {
      words.forEach(function (word) { index.search(word).catch(function () { /* the question will say so */ }); });
    } else {
      pause = setTimeout(function () {
        words.forEach(function (word) { index.preload(word).catch(function () { /* idem */ }); });
      }, 250);
    }
  });
  if (document.activeElement === input) warm(box);
  input.addEventListener("focus", function () { warm(box); });
}
