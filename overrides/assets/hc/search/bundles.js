/* The indexes: one per language, each loaded and merged once, on first use, never before.

   A page names its language's Pagefind bundle (data-bundle), on a large site the bundles merged into it
   (data-merge: Pagefind's mergeIndex ranks their results together), its spelling data and search rules
   (data-words), and the same for each other language in fallback order (data-others="fr es", then
   data-in-fr-bundle, ...), loaded only when the languages before it find nothing; and the folder of its
   answer files (data-parts, data-in-fr-parts) the assistant shows. ``indexOf(el, lang)`` gives { lang,
   search(word), words(letter), rules(), rulesNow(), answer(id), root } for retrieval.js and the assistant. */

import { META_WEIGHTS } from "./result.js";
import { NO_RULES } from "./text.js";

const indexes = new Map();
const RULES = "language"; /* the language's rules file, beside its spelling data (search/spelling.py) */
const MAX_REMEMBERED = 200;

/* Metadata Pagefind searches besides the text: result.js names it. */
const RANKING = { metaWeights: { ...META_WEIGHTS } };

function resolved(el, attribute) {
  const value = el.getAttribute(attribute);
  return value ? new URL(value, window.location.href) : null;
}

function load(bundle, root, merge) {
  const options = { baseUrl: root.pathname, excerptLength: 22, ranking: RANKING };
  return import(bundle.href).then(function (pagefind) {
    return pagefind.options(options).then(function () {
      return Promise.all(merge.map(function (path) { return pagefind.mergeIndex(path, options); }));
    }).then(function () { return pagefind; });
  });
}

/* Each result's fragment is fetched at most once, however many steps ask for it. */
function withDataOnce(found) {
  const results = found.results.map(function (result) {
    let data = null;
    return { id: result.id, score: result.score, words: result.words, data: function () { return data || (data = result.data()); } };
  });
  return Object.assign({}, found, { results });
}

/* Small JSON files of one folder, each fetched once: ``name`` -> its content, or ``missing`` when it fails. */
function jsonFiles(base, missing) {
  const files = new Map();
  if (!base) return function () { return Promise.resolve(missing); };
  return function (name) {
    if (!files.has(name)) {
      if (files.size >= MAX_REMEMBERED) files.delete(files.keys().next().value);
      files.set(name, fetch(new URL(encodeURIComponent(name) + ".json", base)).then(function (response) {
        return response.ok ? response.json() : missing;
      }).catch(function () { return missing; }));
    }
    return files.get(name);
  };
}

/* The other languages ``el`` offers, in fallback order. */
export function otherLanguages(el) {
  return (el.getAttribute("data-others") || "").split(" ").filter(Boolean);
}

/* The index of ``lang`` (the page's own when not given) that ``el`` names, or null. URLs are resolved against
   the page that rendered ``el``, once. */
export function indexOf(el, lang = null) {
  const own = !lang || lang === el.getAttribute("data-lang");
  const prefix = own ? "" : "in-" + lang + "-";
  const bundle = resolved(el, "data-" + prefix + "bundle");
  if (!bundle) return null;
  if (!indexes.has(bundle.href)) {
    const root = resolved(el, "data-root");
    const merge = (el.getAttribute("data-" + prefix + "merge") || "").split(" ").filter(Boolean).map(function (entry) {
      return new URL(entry, window.location.href).pathname.replace(/pagefind-entry\.json$/, "");
    });
    let pagefind = null;
    const ready = function () {
      if (!pagefind) {
        pagefind = load(bundle, root, merge);
        pagefind.catch(function () { pagefind = null; });
      }
      return pagefind;
    };
    const words = jsonFiles(resolved(el, "data-" + prefix + "words"), []);
    let rules = null;
    let known = NO_RULES;
    const rulesOf = function () {
      if (!rules) rules = words(RULES).then(function (found) { known = found && found.stop ? found : NO_RULES; return known; });
      return rules;
    };
    const searches = new Map(); // word -> its search, so a word searched while typing is not searched again
    indexes.set(bundle.href, {
      lang: own ? el.getAttribute("data-lang") : lang,
      ready,
      search: function (word) {
        if (!searches.has(word)) {
          if (searches.size >= MAX_REMEMBERED) searches.delete(searches.keys().next().value);
          const found = ready().then(function (pf) { return pf.search(word); }).then(withDataOnce);
          found.catch(function () { searches.delete(word); });
          searches.set(word, found);
        }
        return searches.get(word);
      },
      preload: function (word) { return ready().then(function (pf) { return pf.preload(word); }); },
      words,
      /* The language's stop words and elisions, loaded once with the index; ``rulesNow`` until they arrive. */
      rules: rulesOf,
      rulesNow: function () { return known; },
      /* An article's answer file (hooks/helpcentre/answerparts.py) by id, or null. */
      answer: jsonFiles(resolved(el, "data-" + prefix + "parts"), null),
      root: resolved(el, "data-root")
    });
  }
  return indexes.get(bundle.href);
}

/* Start loading the page's index (Pagefind, its WebAssembly and entry) when a reader is about to search:
   the field has the focus. Pagefind would start its worker and WebAssembly only at the first query; ``init``
   starts them now, while the reader finds the first letter. */
export function warm(el) {
  const index = indexOf(el);
  if (!index) return;
  index.ready().then(function (pagefind) { return pagefind.init(); }).catch(function () { /* the search will say so */ });
  index.rules();
}
