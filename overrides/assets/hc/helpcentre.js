/* Help-centre widgets: progressive enhancement only; every page reads fine without this file.
   Runs once Material has set the page up (its document$), on each page load. */
(function () {
  "use strict";

  var STORE = "hc-helpful:";

  function store(key, value) {
    try {
      if (value === undefined) return window.localStorage.getItem(key);
      window.localStorage.setItem(key, value);
    } catch { /* private mode: the vote still shows its thank-you */ }
    return null;
  }

  /* "Open now / Closed now" from the contact's weekly hours in its own time zone. */
  function minutesIn(timeZone) {
    var parts = new Intl.DateTimeFormat("en-US", {
      timeZone: timeZone, weekday: "short", hour: "numeric", minute: "numeric", hourCycle: "h23"
    }).formatToParts(new Date());
    var get = function (type) { return parts.filter(function (p) { return p.type === type; })[0].value; };
    var day = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(get("weekday"));
    return { day: day, minutes: parseInt(get("hour"), 10) * 60 + parseInt(get("minute"), 10) };
  }

  function contactStatus(root) {
    root.querySelectorAll("[data-hc='contact'][data-schedule]").forEach(function (block) {
      var status = block.querySelector(".hc-contact__status");
      if (!status) return;
      try {
        var schedule = JSON.parse(block.getAttribute("data-schedule"));
        var now = minutesIn(schedule.tz);
        var open = (schedule.days[String(now.day)] || []).some(function (range) {
          return now.minutes >= range[0] && now.minutes < range[1];
        });
        status.textContent = status.getAttribute(open ? "data-open" : "data-closed");
        status.classList.toggle("hc-contact__status--open", open);
        status.hidden = false;
      } catch { status.hidden = true; }
    });
  }

  /* POST JSON to an endpoint named in mkdocs.yml, giving up after four seconds; shared with the assistant
     (search/assistant.js) as window.hcPost. */
  function post(endpoint, payload) {
    var controller = window.AbortController ? new AbortController() : null;
    var timer = setTimeout(function () { if (controller) controller.abort(); }, 4000);
    return fetch(endpoint, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(payload),
      signal: controller ? controller.signal : undefined, keepalive: true
    }).finally(function () { clearTimeout(timer); });
  }
  window.hcPost = post;

  function send(endpoint, payload) {
    if (!endpoint || !window.fetch) return;
    post(endpoint, payload).catch(function () { /* a failing endpoint never breaks the page */ });
  }

  function showVote(widget, answer) {
    widget.querySelector(".hc-helpful__buttons").hidden = true;
    var why = widget.querySelector(".hc-helpful__why");
    if (why) why.hidden = true;
    var thanks = widget.querySelector(".hc-helpful__thanks");
    thanks.hidden = false;
    var sorry = widget.querySelector(".hc-helpful__sorry");
    if (answer === "no" && sorry) sorry.hidden = false;
    return thanks;
  }

  /* A finished vote: to helpful_endpoint as before, and as an hc:vote event that feedback.js sends to the
     team's collector when there is one. */
  function voted(widget, vote) {
    var article = parseInt(widget.getAttribute("data-article"), 10);
    var lang = widget.getAttribute("data-lang");
    send(widget.getAttribute("data-endpoint"), { article: article, lang: lang, answer: vote.answer });
    widget.dispatchEvent(new CustomEvent("hc:vote", {
      bubbles: true, detail: { article: article, lang: lang, answer: vote.answer, reason: vote.reason || null, comment: vote.comment || "" }
    }));
    var thanks = showVote(widget, vote.answer);
    thanks.setAttribute("tabindex", "-1");
    thanks.focus();
  }

  /* With a collector, "No" first asks why (a reason, a comment of at most data-max characters, counted);
     a reader who leaves without sending still counts as a "no" without a reason. */
  function askWhy(widget, why) {
    var comment = why.querySelector(".hc-helpful__comment");
    var counter = why.querySelector(".hc-helpful__counter");
    var max = parseInt(why.getAttribute("data-max"), 10) || 500;
    var pending = true;
    var finish = function () {
      if (!pending) return;
      pending = false;
      var checked = why.querySelector("input[name=reason]:checked");
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

  function helpful(root) {
    root.querySelectorAll("[data-hc='helpful']").forEach(function (widget) {
      var key = STORE + widget.getAttribute("data-lang") + ":" + widget.getAttribute("data-article");
      var previous = store(key);
      if (previous) { showVote(widget, previous); return; }
      widget.querySelectorAll("[data-answer]").forEach(function (button) {
        button.addEventListener("click", function () {
          var answer = button.getAttribute("data-answer");
          store(key, answer);
          var why = widget.querySelector(".hc-helpful__why");
          if (answer === "no" && why) askWhy(widget, why);
          else voted(widget, { answer: answer });
        });
      });
    });
  }

  /* Search and the assistant need search.js and this language's index: both load on first use
     (focus, typing, the header button, "/" or a ?q= link), never before. */
  var searchScript = document.currentScript && document.currentScript.src.replace(/helpcentre\.js(\?.*)?$/, "search.js");
  var searchLoading = null;

  function loadSearch() {
    if (window.hcSearch) return Promise.resolve(window.hcSearch);
    if (!searchLoading) {
      searchLoading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.type = "module";
        script.src = searchScript;
        script.onload = function () { resolve(window.hcSearch); };
        script.onerror = reject;
        document.body.appendChild(script);
      });
    }
    return searchLoading;
  }

  function assistantCounter(root) {
    root.querySelectorAll("[data-hc='assistant']").forEach(function (box) {
      var input = box.querySelector(".hc-assistant__input");
      var counter = box.querySelector(".hc-assistant__counter");
      var max = parseInt(box.getAttribute("data-max"), 10) || 200;
      if (!input || input.hcCounted) return;
      input.hcCounted = true;
      var update = function () {
        if (input.value.length > max) input.value = input.value.slice(0, max);
        counter.textContent = box.getAttribute("data-counter").replace("{n}", input.value.length).replace("{max}", max);
      };
      input.addEventListener("input", update);
      update();
    });
  }

  /* The skip link moves the keyboard focus itself, whatever Material does with in-page links. */
  function skipLinks() {
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a.hc-skip");
      var target = link && document.getElementById(link.hash.slice(1));
      if (!target) return;
      event.preventDefault();
      target.setAttribute("tabindex", "-1");
      target.focus();
      target.addEventListener("blur", function () { target.removeAttribute("tabindex"); }, { once: true });
    });
  }

  var wired = false;

  function wireSearch() {
    var opener = document.querySelector("[data-hc-search-open]");
    if (opener && typeof HTMLDialogElement === "function") opener.hidden = false;
    if (wired) return;
    wired = true;
    skipLinks();
    var use = function (action) { return function (event) { loadSearch().then(function (api) { api[action](event); }); }; };
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("[data-hc-search-open]");
      if (button && !window.hcSearch) use("openDialog")(event);
    });
    document.addEventListener("focusin", function (event) {
      if (event.target.matches && event.target.matches(".hc-search__input, .hc-assistant__input")) loadSearch();
    });
    document.addEventListener("submit", function (event) {
      var form = event.target;
      if (!window.hcSearch && form.closest && form.closest("[data-hc='search'], [data-hc='assistant']")) {
        event.preventDefault();
        use("submit")(event);
      }
    });
    document.addEventListener("keydown", function (event) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName || "") || event.target.isContentEditable;
      if (event.key === "/" && !typing) { event.preventDefault(); use("openDialog")(event); }
      /* Enter sends the question (Shift+Enter starts a line), here so that it works before search.js arrives. */
      if (event.key === "Enter" && !event.shiftKey && event.target.matches(".hc-assistant__input")) {
        event.preventDefault();
        event.target.form.requestSubmit();
      }
    });
  }

  function init() {
    contactStatus(document);
    helpful(document);
    assistantCounter(document);
    wireSearch();
    if (new URLSearchParams(window.location.search).get("q") && document.querySelector(".md-content [data-hc='search']")) {
      loadSearch();
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
