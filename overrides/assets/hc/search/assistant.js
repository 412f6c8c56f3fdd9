/* The answer assistant: a question of at most data-max characters, answered from the same retrieval as
   search (find.js), or by the endpoint named in mkdocs.yml when there is one and it answers within four
   seconds. The best answer shows in the box (exchange.js), from its answer file (bundles.js). */

import { indexOf, warm } from "./bundles.js";
import { answer } from "./find.js";
import { retrieve, sure } from "./retrieval.js";
import { keywords, NO_RULES } from "./text.js";
import { ownPage } from "./answerview.js";
import { focusShown, render, thank } from "./exchange.js";
import { teaser, textBlocks } from "./passage.js";
import { fromAnswerFile } from "./result.js";
import { busy, readerCar } from "./render.js";
import { stateOf } from "./widgets.js";

export const SHOWN = 3;
export const ENDPOINT_WAIT = 4000; // ms: then the offline answers

/* A suggestion is a result (result.js) with the index it came from and its answer file, once fetched. */
function suggestionOf(item, index) {
  return Object.assign({}, item.result, { index, file: null });
}

/* A suggestion from an answer file (an endpoint's cited article). */
function fromFile(file, index) {
  return Object.assign(fromAnswerFile(file, ownPage(file.url, index.root) || "#", index.lang), { index, file });
}

/* The question's words as retrieval used them (corrected where it corrected them). */
function usedWords(found) {
  return found.words.map(function (word) {
    const corrected = found.corrections.find(function (c) { return c.typed === word; });
    return corrected ? corrected.used : word;
  });
}

/* The best answers in the order search lists them (one ranking: retrieval.js, then the reader's car first, as
   the search box does); ``unsure`` when the first one
   covers too little of the question (retrieval.sure), and then none is shown in full: the box says so, lists
   them and offers the contact of the first one's category; ``lead``, the answer the question belongs to,
   whose contact is offered when nothing helped. */
async function localAnswers(box, question) {
  const [{ found, other }, reader] = await Promise.all([answer(box, question), readerCar()]);
  const index = indexOf(box, other ? other.lang : null);
  const ordered = reader.first(found.items, function (item) { return item.result; });
  const suggestions = ordered.slice(0, SHOWN).map(function (item) { return suggestionOf(item, index); });
  // Sure or not of the answer it would show: the first for the reader's car, when one is chosen.
  const unsure = !sure(Object.assign({}, found, { items: ordered }));
  return { suggestions, words: usedWords(found), lead: suggestions[0] || null, unsure };
}

/* The endpoint's answer, { answer: text, ids: [article ids] }, shown first and citing those articles, which
   follow it as suggestions. */
async function remoteAnswers(box, question, words) {
  const endpoint = box.getAttribute("data-endpoint");
  if (!endpoint || !window.hcPost) throw new Error("no endpoint");
  const response = await window.hcPost(endpoint, { question, lang: box.getAttribute("data-lang") });
  if (!response.ok) throw new Error("status " + response.status);
  const body = await response.json();
  const text = body && typeof body.answer === "string" ? body.answer.trim() : "";
  if (!text) throw new Error("no answer");
  const index = indexOf(box);
  const ids = (Array.isArray(body.ids) ? body.ids : []).map(function (id) { return parseInt(id, 10); })
    .filter(function (id) { return Number.isInteger(id) && id >= 0; }).slice(0, SHOWN);
  const files = await Promise.all(ids.map(function (id) { return index.answer(String(id)); }));
  const sources = files.filter(function (file) { return file && Array.isArray(file.blocks); })
    .map(function (file) { return fromFile(file, index); });
  const blocks = textBlocks(text);
  const said = { blocks, sources, teaser: teaser(blocks), other: null };
  return { suggestions: [said, ...sources], words, lead: sources[0] || null };
}

function late(ms) {
  return new Promise(function (resolve, reject) { setTimeout(function () { reject(new Error("late")); }, ms); });
}

async function withFile(suggestion) {
  if (suggestion && !suggestion.file && !suggestion.sources && suggestion.id) {
    suggestion.file = await suggestion.index.answer(suggestion.id);
  }
  return suggestion;
}

/* The key of the contact block offered when nothing helped: the lead answer's, or the general one (""). */
async function contactOf(lead) {
  await withFile(lead);
  return (lead && lead.file && typeof lead.file.contact === "string") ? lead.file.contact : "";
}

function show(box, exchange) {
  const onAnswer = function (said) {
    if (said === "yes") { thank(box); return; }
    exchange.current += 1;
    withFile(exchange.suggestions[exchange.current]).catch(function () { /* its teaser then */ }).then(function () {
      render(box, exchange, onAnswer);
      focusShown(box);
    });
  };
  render(box, exchange, onAnswer);
}

/* The page's language's stop words and elisions, as far as they have arrived (they load with the index). */
function rulesOf(box) {
  const index = indexOf(box);
  return index ? index.rulesNow() : NO_RULES;
}

/* A question with no good answer here (nothing, only the other language's, or none the assistant is sure of), for
   the feedback collector when there is one (feedback.js). */
function unanswered(box, query, shown) {
  const detail = { query, lang: box.getAttribute("data-lang"), shown };
  box.dispatchEvent(new CustomEvent("hc:unanswered", { bubbles: true, detail }));
}

export function ask(box) {
  const input = box.querySelector(".hc-assistant__input");
  const max = parseInt(box.getAttribute("data-max"), 10) || 200;
  const question = input.value.trim().slice(0, max);
  if (!question) { input.focus(); return Promise.resolve(); }
  const state = stateOf(box);
  const token = (state.asked || 0) + 1;
  state.asked = token;
  const result = box.querySelector(".hc-assistant__result");
  busy(result, true);
  const local = localAnswers(box, question);
  local.catch(function () { /* an endpoint may answer; else no answers */ });
  const remote = box.hasAttribute("data-endpoint")
    ? Promise.race([remoteAnswers(box, question, keywords(question, rulesOf(box))), late(ENDPOINT_WAIT)])
    : Promise.reject(new Error("no endpoint"));
  return remote.catch(function () { return local; })
    .catch(function () { return { suggestions: [], words: [], lead: null }; })
    .then(async function (found) {
      const unsure = Boolean(found.unsure && found.suggestions.length);
      if (!unsure) await withFile(found.suggestions[0]).catch(function () { /* its teaser then */ });
      const contact = await contactOf(found.lead).catch(function () { return ""; });
      return { suggestions: found.suggestions, current: unsure ? found.suggestions.length : 0, words: found.words, contact, unsure };
    })
    .then(function (exchange) {
      if (token !== state.asked) return;
      show(box, exchange);
      busy(result, false);
      const first = exchange.suggestions[0];
      if (!first || first.other) unanswered(box, question, first ? "other-language" : "nothing");
      else if (exchange.unsure) unanswered(box, question, "not-sure");
    });
}

/* The best answer's file, fetched while the reader types (as a word ends), so that the answer shows as soon as
   the question is sent, without a second wait. Only this language's index, only the best result's data: a
   question still being typed often finds nothing yet, and must not load the other language's index. */
function prefetch(box, question) {
  const index = indexOf(box);
  const lang = box.getAttribute("data-lang");
  if (!index || !keywords(question, index.rulesNow()).length) return;
  retrieve(index, question, lang, { shown: 1 }).then(function (found) {
    const top = found.items[0];
    if (top && top.result.id) return index.answer(top.result.id);
    return null;
  }).catch(function () { /* the question will fetch it */ });
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
     a few hundred milliseconds) and the best answer's file fetched, so the answers follow the question at
     once. A word still being typed is only fetched ahead (preload) when typing pauses. */
  let pause = null;
  input.addEventListener("input", function () {
    clearTimeout(pause);
    const index = indexOf(box);
    const words = keywords(input.value, index.rulesNow());
    if (/[^\p{L}\p{N}]$/u.test(input.value)) {
      words.forEach(function (word) { index.search(word).catch(function () { /* the question will say so */ }); });
      clearTimeout(state.prefetch);
      const complete = input.value; // its words so far, not the start of the next one
      state.prefetch = setTimeout(function () { prefetch(box, complete); }, 150);
    } else {
      pause = setTimeout(function () {
        words.forEach(function (word) { index.preload(word).catch(function () { /* idem */ }); });
      }, 250);
    }
  });
  if (document.activeElement === input) warm(box);
  input.addEventListener("focus", function () { warm(box); });
}
