/* "Was this helpful?" under an answer: the vote, remembered in this browser, sent to helpful_endpoint and
   told to feedback.js as an hc:vote event; with a collector, "No" first asks why. */

import { post } from "./post.js";

const STORE = "hc-helpful:";

function store(key, value) {
  try {
    if (value === undefined) return window.localStorage.getItem(key);
    window.localStorage.setItem(key, value);
  } catch { /* private mode: the vote still shows its thank-you */ }
  return null;
}

function send(endpoint, payload) {
  if (!endpoint || !window.fetch) return;
  post(endpoint, payload).catch(function () { /* a failing endpoint never breaks the page */ });
}

function showVote(widget, answer) {
  widget.querySelector(".hc-helpful__buttons").hidden = true;
  const why = widget.querySelector(".hc-helpful__why");
  if (why) why.hidden = true;
  const thanks = widget.querySelector(".hc-helpful__thanks");
  thanks.hidden = false;
  const sorry = widget.querySelector(".hc-helpful__sorry");
  if (answer === "no" && sorry) sorry.hidden = false;
  return thanks;
}

/* A finished vote: to helpful_endpoint as before, and as an hc:vote event that feedback.js sends to the
   team's collector when there is one. */
function voted(widget, vote) {
  const article = parseInt(widget.getAttribute("data-article"), 10);
  const lang = widget.getAttribute("data-lang");
  send(widget.getAttribute("data-endpoint"), { article, lang, answer: vote.answer });
  widget.dispatchEvent(new CustomEvent("hc:vote", {
    bubbles: true, detail: { article, lang, answer: vote.answer, reason: vote.reason || null, comment: vote.comment || "" }
  }));
  const thanks = showVote(widget, vote.answer);
  thanks.setAttribute("tabindex", "-1");
  thanks.focus();
}

/* With a collector, "No" first asks why (a reason, a comment of at most data-max characters, counted);
   a reader who leaves without sending still counts as a "no" without a reason. */
function askWhy(widget, why) {
  const comment = why.querySelector(".hc-helpful__comment");
  const counter = why.querySelector(".hc-helpful__counter");
  const max = parseInt(why.getAttribute("data-max"), 10) || 500;
  let pending = true;
  const finish = function () {
    if (!pending) return;
    pending = false;
    const checked = why.querySelector("input[name=reason]:checked");
    voted(widget, { answer: "no", reason: checked && checked.value, comment: comment.value.trim().slice(0, max) });
  };
  comment.addEventListener("input", function () {
    if (comment.value.length > max) comment.value = comment.value.slice(0, max);
    counter.textContent = why.getAttribute("data-counter").replace("{n}", comment.value.length).replace("{max}", max);
  });
  why.addEventListener("submit", function (event) { event.preventDefault(); finish(); });
  window.addEventListener("pagehide", finish);
  widget.querySelector(".hc-helpful__buttons").hidden = true;
  why.hidden = false;
  why.querySelector("legend").setAttribute("tabindex", "-1");
  why.querySelector("legend").focus();
}

export function helpful(root) {
  root.querySelectorAll("[data-hc='helpful']").forEach(function (widget) {
    const key = STORE + widget.getAttribute("data-lang") + ":" + widget.getAttribute("data-article");
    const previous = store(key);
    if (previous) { showVote(widget, previous); return; }
    widget.querySelectorAll("[data-answer]").forEach(function (button) {
      button.addEventListener("click", function () {
        const answer = button.getAttribute("data-answer");
        store(key, answer);
        const why = widget.querySelector(".hc-helpful__why");
        if (answer === "no" && why) askWhy(widget, why);
        else voted(widget, { answer });
      });
    });
  });
}
