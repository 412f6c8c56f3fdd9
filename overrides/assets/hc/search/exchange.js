/* The assistant's answers on the page: the best suggestion's answer in the box (passage.js chooses, answerview.js
   writes it from the allowlist), "Read the whole answer", the other suggestions as links with their teaser,
   and "Did this answer your question?": Yes closes the exchange, No shows the next suggestion in place, and
   after the last one the contact block of the answer the question belongs to.

   An exchange is { suggestions, current, words, contact, unsure }; when ``unsure`` (the best answer covers too
   little of the question), no suggestion is shown in full: the box says it is not sure, lists them all and
   shows the contact (``current`` is then their number); a suggestion is an article, a result (result.js)
   with its ``file``, its answer file, or null when it could not be fetched; or { blocks, sources } (an
   endpoint's answer, citing the articles it used, results too). */

import { rebuild } from "./answerview.js";
import { passage } from "./passage.js";
import { articleLink, resultItem } from "./render.js";
import { message } from "./widgets.js";

let uid = 0;

function paragraph(text, className) {
  const p = document.createElement("p");
  if (className) p.className = className;
  p.textContent = text;
  return p;
}

/* The assistant's lists of results (render.js): its other suggestions with their teaser, an endpoint's sources
   as links alone. */
const SUGGESTION = { item: "hc-assistant__item", link: "hc-assistant__link", text: "", excerpt: false };
const SOURCE = { item: "", link: "hc-assistant__source", text: null };

function feedback(box, exchange, onAnswer) {
  const group = document.createElement("div");
  group.className = "hc-assistant__feedback";
  group.setAttribute("role", "group");
  const question = paragraph(message(box, "helpful"), "hc-assistant__helpful");
  question.id = "hc-assistant-helpful-" + (uid += 1);
  group.setAttribute("aria-labelledby", question.id);
  group.appendChild(question);
  ["yes", "no"].forEach(function (answer) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button hc-assistant__" + answer;
    button.textContent = message(box, answer);
    button.addEventListener("click", function () { onAnswer(answer); });
    group.appendChild(button);
  });
  return group;
}

/* The shown suggestion: its question, its answer (or the passage of a long one, linked to that place),
   the link to the whole answer, the sources an endpoint cited. */
function shown(box, exchange, suggestion, onAnswer) {
  const li = document.createElement("li");
  li.className = "hc-assistant__item hc-assistant__item--shown";
  const answerDiv = document.createElement("div");
  answerDiv.className = "hc-assistant__answer";
  if (suggestion.sources) {
    answerDiv.appendChild(rebuild(suggestion.blocks, window.location.href));
    li.appendChild(answerDiv);
    if (suggestion.sources.length) {
      li.appendChild(paragraph(message(box, "sources"), "hc-assistant__sources-title"));
      const list = document.createElement("ul");
      list.className = "hc-assistant__sources";
      suggestion.sources.forEach(function (source) { list.appendChild(resultItem(source, SOURCE)); });
      li.appendChild(list);
    }
  } else {
    const title = paragraph(suggestion.title, "hc-assistant__question");
    if (suggestion.other) title.lang = suggestion.other.lang;
    li.appendChild(title);
    if (suggestion.other) answerDiv.lang = suggestion.other.lang;
    const part = suggestion.file ? passage(suggestion.file, exchange.words) : { blocks: [["p", suggestion.teaser]], whole: true };
    const labels = { show: message(box, "shot-show"), hide: message(box, "shot-hide") };
    answerDiv.appendChild(rebuild(part.blocks, new URL(suggestion.url, window.location.href).href, labels));
    li.appendChild(answerDiv);
    const links = document.createElement("p");
    links.className = "hc-assistant__links";
    if (part.anchor) {
      links.appendChild(articleLink(suggestion.url.split("#")[0] + "#" + encodeURIComponent(part.anchor), message(box, "part"), "hc-assistant__part"));
    }
    links.appendChild(articleLink(suggestion.url, message(box, "read", { title: suggestion.title }), "hc-assistant__link", suggestion.other));
    li.appendChild(links);
  }
  li.appendChild(feedback(box, exchange, onAnswer));
  return li;
}

/* Another suggestion, as search lists it; an endpoint's answer by its teaser. */
function folded(suggestion) {
  if (!suggestion.sources) return resultItem(suggestion, SUGGESTION);
  const li = document.createElement("li");
  li.className = "hc-assistant__item";
  li.appendChild(paragraph(suggestion.teaser));
  return li;
}

/* The contact block under ``key`` in the assistant, or a copy of the page's own (the page shows it, so the
   assistant does not carry it twice), or null. */
function contactBlock(holder, key) {
  if (!key) return null;
  const selector = "[data-hc='contact'][data-contact=\"" + CSS.escape(key) + "\"]";
  const held = holder.querySelector(selector);
  if (held) return held;
  const shown = document.querySelector(selector);
  if (!shown) return null;
  const copy = shown.cloneNode(true);
  holder.appendChild(copy);
  return copy;
}

/* The contact block under ``key`` (else the general one) shown, or every block hidden when ``key`` is null. */
export function showContact(box, key) {
  const holder = box.querySelector(".hc-assistant__contact");
  const chosen = key === null ? null : contactBlock(holder, key) || contactBlock(holder, box.getAttribute("data-general-contact"));
  holder.querySelectorAll("[data-hc='contact']").forEach(function (block) { block.hidden = block !== chosen; });
  holder.hidden = !chosen;
}

function parts(box) {
  return {
    answers: box.querySelector(".hc-assistant__answers"),
    list: box.querySelector(".hc-assistant__list"),
    none: box.querySelector(".hc-assistant__none"),
    exhausted: box.querySelector(".hc-assistant__exhausted")
  };
}

/* Write ``exchange`` into the box; ``onAnswer(answer)`` gets "yes" or "no". The suggestion shown is
   ``exchange.current``; past the last one (``current`` = their number), only the contact is shown. */
export function render(box, exchange, onAnswer) {
  const { answers, list, none, exhausted } = parts(box);
  list.textContent = "";
  exchange.suggestions.forEach(function (suggestion, i) {
    list.appendChild(i === exchange.current ? shown(box, exchange, suggestion, onAnswer) : folded(suggestion));
  });
  const other = exchange.suggestions.length && exchange.suggestions[0].other;
  const note = box.querySelector(".hc-assistant__note");
  note.textContent = other ? message(box, "in-" + other.lang + "-none") : "";
  note.hidden = !other;
  const found = exchange.suggestions.length > 0;
  const done = found && exchange.current >= exchange.suggestions.length;
  const unsure = Boolean(found && exchange.unsure);
  box.querySelector(".hc-assistant__unsure").hidden = !unsure;
  answers.hidden = !found;
  none.hidden = found;
  exhausted.hidden = !done || unsure;
  showContact(box, !found || done ? exchange.contact : null);
}

/* Yes: the question is answered; the thanks takes the focus. */
export function thank(box) {
  const group = box.querySelector(".hc-assistant__feedback");
  if (!group) return;
  const thanks = paragraph(message(box, "thanks"), "hc-assistant__thanks");
  thanks.tabIndex = -1;
  group.replaceWith(thanks);
  thanks.focus();
}

/* After No: the focus on what is shown now (the next suggestion, or the contact). */
export function focusShown(box) {
  const target = box.querySelector(".hc-assistant__item--shown .hc-assistant__question, .hc-assistant__item--shown .hc-assistant__answer")
    || box.querySelector(".hc-assistant__exhausted:not([hidden]) p");
  if (!target) return;
  if (!target.hasAttribute("tabindex")) target.tabIndex = -1;
  target.focus();
}
