/* Search and the answer assistant, on this language's Pagefind index (site/pagefind/<lang>/).
   Whatever a reader types is only ever used as text: results are built with text nodes, never HTML. */
(function () {
  "use strict";

  var bundles = {};
  var decoder = document.createElement("textarea");
  var STOP = {
    en: ("a an and are as at be by can could do does did for from get got has have how i if in is it its me " +
         "my of on or our should the their there this to was what when where which who why will with would you your").split(" "),
    fr: ("a à au aux avec ce ces cet cette comment dans de des du elle elles en est et être il ils je la le les leur " +
         "lui ma mais me mes moi mon ne nos notre nous on ou où par pas peut peux pour puis quand que quel quelle qui " +
         "quoi sa se ses si son sur ta te tes ton tu un une vos votre vous y faire fait").split(" ")
  };

  /* An element's URLs are relative to the page that rendered it: resolved once, then kept. */
  function absolute(el, attribute) {
    el.hcUrls = el.hcUrls || {};
    if (!el.hcUrls[attribute]) el.hcUrls[attribute] = new URL(el.getAttribute(attribute), window.location.href).href;
    return new URL(el.hcUrls[attribute]);
  }

  /* A large site's index comes in several bundles (data-merge): Pagefind merges them into the first and
     ranks their results together. */
  function merged(el) {
    el.hcMerge = el.hcMerge || (el.getAttribute("data-merge") || "").split(" ").filter(Boolean).map(function (entry) {
      return new URL(entry, window.location.href).pathname.replace(/pagefind-entry\.json$/, "");
    });
    return el.hcMerge;
  }

  /* One Pagefind instance per bundle: loaded on first use, never before. */
  function pagefind(el) {
    var url = absolute(el, "data-bundle").href;
    if (!bundles[url]) {
      var options = { baseUrl: absolute(el, "data-root").pathname, excerptLength: 22 };
      bundles[url] = import(url).then(function (pf) {
        return pf.options(options).then(function () {
          return Promise.all(merged(el).map(function (path) { return pf.mergeIndex(path, options); }));
        }).then(function () { return pf; });
      });
      bundles[url].catch(function () { delete bundles[url]; });
    }
    return bundles[url];
  }

  function decode(html) { decoder.innerHTML = html; return decoder.value; }

  /* Pagefind's excerpt is escaped text with <mark> around matches: rebuild it from text nodes only. */
  function highlighted(excerpt) {
    var fragment = document.createDocumentFragment();
    var marked = false;
    String(excerpt || "").split(/(<mark>|<\/mark>)/).forEach(function (part) {
      if (part === "<mark>" || part === "</mark>") { marked = part === "<mark>"; return; }
      var text = document.createTextNode(decode(part).replace(/<[^>]*>/g, ""));
      if (marked) { var mark = document.createElement("mark"); mark.appendChild(text); fragment.appendChild(mark); }
      else { fragment.appendChild(text); }
    });
    return fragment;
  }

  /* French elisions: "l'application" is looked up as "application" (Pagefind keeps "lapplication"). */
  function normalised(query, lang) {
    query = query.replace(/\u2019/g, "'");
    return lang === "fr" ? query.replace(/(^|[^\p{L}])(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)'(?=\p{L})/giu, "$1") : query;
  }

  function views(data) { return parseInt((data.meta && data.meta.views) || "0", 10) || 0; }

  /* Questions outrank body text through the index weights; popularity breaks near ties. */
  function ranked(items) {
    return items.map(function (item) {
      return { item: item, score: item.score * (1 + 0.04 * Math.log10(1 + views(item.data))) };
    }).sort(function (a, b) { return b.score - a.score; }).map(function (x) { return x.item; });
  }

  function withData(results, count) {
    return Promise.all(results.slice(0, count).map(function (result) {
      return result.data().then(function (data) { return { id: result.id, score: result.score, data: data }; });
    }));
  }

  function link(data, cls) {
    var a = document.createElement("a");
    a.className = cls;
    a.href = data.url;
    a.textContent = (data.meta && data.meta.title) || data.url;
    return a;
  }

  /* ---- search ------------------------------------------------------------------------------- */

  function renderResults(box, items, total) {
    var list = box.querySelector("[data-hc='search-results']");
    var status = box.querySelector(".hc-search__status");
    list.textContent = "";
    list.removeAttribute("aria-busy");
    items.forEach(function (item) {
      var li = document.createElement("li");
      li.className = "hc-search__result";
      li.appendChild(link(item.data, "hc-search__link"));
      var p = document.createElement("p");
      p.className = "hc-search__excerpt";
      p.appendChild(highlighted(item.data.excerpt));
      li.appendChild(p);
      list.appendChild(li);
    });
    status.textContent = total ? box.getAttribute(total === 1 ? "data-one" : "data-other").replace("{n}", total)
                               : box.getAttribute("data-none");
  }

  function search(box, query) {
    var list = box.querySelector("[data-hc='search-results']");
    var status = box.querySelector(".hc-search__status");
    var token = (box.hcToken || 0) + 1;
    box.hcToken = token;
    if (!query.trim()) { list.textContent = ""; status.textContent = ""; list.removeAttribute("aria-busy"); return Promise.resolve(); }
    status.textContent = box.getAttribute("data-loading");
    list.setAttribute("aria-busy", "true");
    var lang = box.getAttribute("data-lang");
    return pagefind(box).then(function (pf) { return pf.search(normalised(query, lang)); }).then(function (found) {
      if (token !== box.hcToken) return null;
      return withData(found.results, 10).then(function (items) {
        if (token === box.hcToken) renderResults(box, ranked(items), found.results.length);
      });
    }).catch(function () {
      if (token !== box.hcToken) return;
      status.textContent = box.getAttribute("data-unavailable");
      list.removeAttribute("aria-busy");
    });
  }

  function moveFocus(box, step) {
    var links = Array.prototype.slice.call(box.querySelectorAll(".hc-search__link"));
    var input = box.querySelector(".hc-search__input");
    var index = links.indexOf(document.activeElement);
    var next = index + step;
    if (next < 0) { input.focus(); return; }
    if (links[next]) links[next].focus();
  }

  function setUpSearch(box) {
    if (box.hcReady) return;
    box.hcReady = true;
    absolute(box, "data-bundle");
    absolute(box, "data-root");
    merged(box);
    var input = box.querySelector(".hc-search__input");
    var timer = null;
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
  }

  function openDialog() {
    var dialog = document.querySelector("[data-hc-search-dialog]");
    if (!dialog || typeof dialog.showModal !== "function") return;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector(".hc-search__input").focus();
  }

  function setUpDialog() {
    var dialog = document.querySelector("[data-hc-search-dialog]");
    var opener = document.querySelector("[data-hc-search-open]");
    if (!dialog || !opener || typeof dialog.showModal !== "function" || opener.hcReady) return;
    opener.hcReady = true;
    var open = openDialog;
    opener.addEventListener("click", open);
    dialog.querySelector("[data-hc-search-close]").addEventListener("click", function () { dialog.close(); opener.focus(); });
    dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
    document.addEventListener("keydown", function (event) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test((event.target && event.target.tagName) || "") || event.target.isContentEditable;
      if (event.key === "/" && !typing && !dialog.open) { event.preventDefault(); open(); }
    });
  }

  /* A ?q= deep link fills the page's main search field (the home page's) and searches. */
  function deepLink() {
    var query = new URLSearchParams(window.location.search).get("q");
    var box = document.querySelector(".md-content [data-hc='search']");
    if (!query || !box) return;
    var input = box.querySelector(".hc-search__input");
    input.value = query.slice(0, 200);
    search(box, input.value);
  }

  /* ---- assistant ---------------------------------------------------------------------------- */

  function keywords(question, lang) {
    var stop = STOP[lang] || STOP.en;
    var seen = {};
    return normalised(question, lang).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (word) {
      if (word.length < 2 || stop.indexOf(word) >= 0 || seen[word]) return false;
      seen[word] = true;
      return true;
    }).slice(0, 8);
  }

  /* Each word's search, started once: while the reader types (see setUpAssistant) or on submit. Only the
     question's current words are kept. */
  function searchWords(box, words) {
    var kept = {};
    words.forEach(function (word) {
      kept[word] = (box.hcWords && box.hcWords[word]) || pagefind(box).then(function (pf) { return pf.search(word); });
      kept[word].catch(function () { delete box.hcWords[word]; });
    });
    box.hcWords = kept;
    return Promise.all(words.map(function (word) { return kept[word]; }));
  }

  /* Each keyword searched on its own (Pagefind requires every word of a query), then merged:
     articles matching more of the question's words first, then by score. */
  function localAnswers(box, question) {
    var words = keywords(question, box.getAttribute("data-lang"));
    if (!words.length) return Promise.resolve([]);
    return searchWords(box, words).then(function (searches) {
      var merged = {};
      searches.forEach(function (found) {
        found.results.slice(0, 200).forEach(function (result) {
          var entry = merged[result.id] || (merged[result.id] = { result: result, hits: 0, score: 0 });
          entry.hits += 1;
          entry.score += result.score;
        });
      });
      var needed = Math.max(1, Math.ceil(words.length / 2));
      var good = Object.keys(merged).map(function (id) { return merged[id]; })
        .filter(function (entry) { return entry.hits >= needed; })
        .sort(function (a, b) { return (b.hits - a.hits) || (b.score - a.score); });
      return withData(good.map(function (entry) { return entry.result; }), 3);
    }).then(function (items) {
      return items.map(function (item) {
        return { title: item.data.meta.title, url: item.data.url, text: item.data.meta.teaser || "" };
      });
    });
  }

  function remoteAnswers(box, question) {
    var endpoint = box.getAttribute("data-endpoint");
    if (!endpoint || !window.fetch || !window.AbortController) return Promise.reject(new Error("no endpoint"));
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, 4000);
    return fetch(endpoint, {
      method: "POST", headers: { "Content-Type": "application/json" }, signal: controller.signal,
      body: JSON.stringify({ question: question, lang: box.getAttribute("data-lang") })
    }).then(function (response) {
      clearTimeout(timer);
      if (!response.ok) throw new Error("status " + response.status);
      return response.json();
    }).then(function (body) {
      var answers = (body && body.answers) || [];
      if (!answers.length) throw new Error("no answers");
      return answers.slice(0, 3).map(function (a) { return { title: String(a.title), url: String(a.url), text: String(a.text || "") }; });
    });
  }

  function safeUrl(url) {
    try {
      var parsed = new URL(url, window.location.href);
      return /^https?:$/.test(parsed.protocol) || parsed.protocol === "file:" ? parsed.href : "#";
    } catch { return "#"; }
  }

  function renderAnswers(box, answers) {
    var list = box.querySelector(".hc-assistant__list");
    list.textContent = "";
    answers.forEach(function (answer) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = safeUrl(answer.url);
      a.className = "hc-assistant__link";
      a.textContent = answer.title;
      var p = document.createElement("p");
      p.textContent = answer.text;
      li.appendChild(a);
      li.appendChild(p);
      list.appendChild(li);
    });
    box.querySelector(".hc-assistant__answers").hidden = !answers.length;
    box.querySelector(".hc-assistant__none").hidden = answers.length > 0;
    box.querySelector(".hc-assistant__contact").hidden = answers.length > 0;
  }

  function ask(box) {
    var input = box.querySelector(".hc-assistant__input");
    var max = parseInt(box.getAttribute("data-max"), 10) || 200;
    var question = input.value.trim().slice(0, max);
    if (!question) { input.focus(); return; }
    var result = box.querySelector(".hc-assistant__result");
    result.setAttribute("aria-busy", "true");
    remoteAnswers(box, question).catch(function () { return localAnswers(box, question); })
      .catch(function () { return []; })
      .then(function (answers) { renderAnswers(box, answers); result.removeAttribute("aria-busy"); });
  }

  function setUpAssistant(box) {
    if (box.hcReady) return;
    box.hcReady = true;
    var input = box.querySelector(".hc-assistant__input");
    box.querySelector("form").addEventListener("submit", function (event) {
      event.preventDefault();
      ask(box);
    });
    /* While the reader types, search each word as it ends (Pagefind, its index and the search itself take
       a few hundred milliseconds on a large site), so the answers follow the submit at once. A word still
       being typed is only fetched ahead (preload) when typing pauses. */
    var pause = null;
    input.addEventListener("input", function () {
      clearTimeout(pause);
      var words = keywords(input.value, box.getAttribute("data-lang"));
      if (/[^\p{L}\p{N}]$/u.test(input.value)) {
        searchWords(box, words).catch(function () { /* the submit will say so */ });
      } else {
        pause = setTimeout(function () {
          pagefind(box).then(function (pf) { words.forEach(function (word) { pf.preload(word); }); });
        }, 250);
      }
    });
    if (document.activeElement === input) warm(box);
    input.addEventListener("focus", function () { warm(box); });
  }

  function warm(box) {
    pagefind(box).then(function (pf) { return pf.init(); }).catch(function () { /* the submit will say so */ });
  }

  /* Loaded on first use (see helpcentre.js): answer whatever the reader already typed or asked for. */
  function init() {
    document.querySelectorAll("[data-hc='search']").forEach(function (box) {
      setUpSearch(box);
      var input = box.querySelector(".hc-search__input");
      if (input.value.trim() && !box.hcToken) search(box, input.value);
    });
    document.querySelectorAll("[data-hc='assistant']").forEach(setUpAssistant);
    setUpDialog();
    deepLink();
  }

  window.hcSearch = {
    openDialog: openDialog,
    submit: function (event) {
      var box = event.target.closest("[data-hc='search'], [data-hc='assistant']");
      if (!box) return;
      if (box.matches("[data-hc='assistant']")) ask(box);
      else search(box, box.querySelector(".hc-search__input").value);
    }
  };

  init();
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
})();
