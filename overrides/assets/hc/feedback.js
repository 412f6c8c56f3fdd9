/* Feedback to the team's collector (extra.helpcentre.feedback_url), loaded only when it is set: one count per
   article page opened, each finished vote (helpcentre.js's hc:vote), each search or assistant question with no
   good answer (search/'s hc:unanswered). Sent in the background as text/plain JSON, without cookies, without
   the page's address and without any identifier; a collector that is away or refuses is never the reader's
   problem. */
(function () {
  "use strict";

  var script = document.currentScript;
  var endpoint = script && script.getAttribute("data-endpoint");
  if (!endpoint || !window.fetch) return;
  var SETTLE = 1500; /* the search box searches as the reader types: only the words it settles on count */

  function send(event) {
    try {
      fetch(endpoint, {
        method: "POST", body: JSON.stringify(event), credentials: "omit", referrerPolicy: "no-referrer",
        keepalive: true, cache: "no-store"
      }).catch(function () { /* the collector is away: the reader never knows */ });
    } catch { /* idem */ }
  }

  document.addEventListener("hc:vote", function (event) {
    var vote = event.detail;
    var sent = { kind: "vote", article: vote.article, lang: vote.lang, answer: vote.answer };
    if (vote.answer === "no") { sent.reason = vote.reason; sent.comment = vote.comment; }
    send(sent);
  });

  /* A search that found nothing is sent once the reader stops typing (or leaves); typing again first
     forgets it. An assistant question is sent at once: the reader asked it. */
  var waiting = new Map();
  function flush(box) {
    var pending = waiting.get(box);
    if (!pending) return;
    clearTimeout(pending.timer);
    waiting.delete(box);
    send(pending.event);
  }
  document.addEventListener("hc:unanswered", function (event) {
    var box = event.target;
    var detail = event.detail;
    var sent = { kind: "unanswered", source: box.matches("[data-hc='assistant']") ? "assistant" : "search",
      lang: detail.lang, query: detail.query.trim().slice(0, 200), shown: detail.shown };
    if (!sent.query) return;
    if (sent.source === "assistant") { send(sent); return; }
    var pending = waiting.get(box);
    if (pending) clearTimeout(pending.timer);
    waiting.set(box, { event: sent, timer: setTimeout(function () { flush(box); }, SETTLE) });
  });
  document.addEventListener("input", function (event) {
    var box = event.target.closest && event.target.closest("[data-hc='search']");
    var pending = box && waiting.get(box);
    if (pending) { clearTimeout(pending.timer); waiting.delete(box); }
  });
  window.addEventListener("pagehide", function () { Array.from(waiting.keys()).forEach(flush); });

  var article = document.querySelector("[data-hc='helpful']");
  if (article) {
    send({ kind: "view", article: parseInt(article.getAttribute("data-article"), 10), lang: article.getAttribute("data-lang") });
  }
})();
