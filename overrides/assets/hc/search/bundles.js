/* The indexes: one per language, each loaded and merged once, on first use, never before.

   A page names its language's Pagefind bundle (data-bundle), on a large site the bundles merged into it
   (data-merge: Pagefind's mergeIndex ranks their results together), its spelling data (data-words), and
   the same for the other language (data-other-*), which is loaded only when the page's language finds
   nothing; and the folder of its answer files (data-parts, data-other-parts) the assistant shows.
   ``indexOf(el, prefix)`` gives { lang, search(word), words(letter), answer(id), root } for retrieval.js and
   the assistant. */

const indexes = new Map();
const MAX_REMEMBERED = 200;

/* Metadata Pagefind searches besides the text: the question and the synonyms (data/synonyms/) count;
   the views, teaser and id fields are there for display only. */
const RANKING = { metaWeights: { title: 5, synonyms: 1, pictures: 1, views: 0, teaser: 0, id: 0 } };

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

/* The index ``el`` names with ``prefix`` ("" for the page's language, "other-" for the other), or null.
   URLs are resolved against the page that rendered ``el``, once. */
export function indexOf(el, prefix = "") {
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
    const lang = prefix ? el.getAttribute("data-" + prefix + "lang") : el.getAttribute("data-lang");
    const searches = new Map(); // word -> its search, so a word searched while typing is not searched again
    indexes.set(bundle.href, {
      lang,
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
      words: jsonFiles(resolved(el, "data-" + prefix + "words"), []),
      /* An article's answer file (hooks/helpcentre/answerparts.py) by id, or null. */
      answer: jsonFiles(resolved(el, "data-" + prefix + "parts"), null),
      root: resolved(el, "data-root")
    });
  }
  return indexes.get(bundle.href);
}

/* Start loading the page's index (Pagefind, its WebAssembly and entry) when a reader is about to search:
   the field has the focus. A search waits for the end of a word (searchbox.js), and the index loads meanwhile. */
export function warm(el) {
  const index = indexOf(el);
  if (index) index.ready().catch(function () { /* the search will say so */ });
}
