/* Words as search sees them: a language's stop words and elisions left out, accents folded. Plain functions,
   no DOM. The build folds words the same way (hooks/helpcentre/core/words.py). */

/* A language's rules for search ({ stop, elisions }), as the build writes them from data/languages/<lang>.yml
   into pagefind/words-<lang>/language.json; bundles.js loads them with the index. */
export const NO_RULES = { stop: [], elisions: [], endings: [] };
const prepared = new WeakMap();

function compiled(rules) {
  if (!prepared.has(rules)) {
    const elisions = (rules.elisions || []).join("|");
    prepared.set(rules, {
      stop: new Set((rules.stop || []).map(fold)),
      /* "l'application" is looked up as "application" (Pagefind keeps "lapplication"). */
      elision: elisions ? new RegExp("(^|[^\\p{L}])(?:" + elisions + ")'(?=\\p{L})", "giu") : null
    });
  }
  return prepared.get(rules);
}

/* Lowercase, accents removed, plain apostrophes: "Clé" -> "cle". */
export function fold(text) {
  return String(text).toLowerCase().replace(/\u2019/g, "'").normalize("NFKD").replace(/\p{M}/gu, "");
}

/* The query with typographic apostrophes made plain and the language's elisions split off. */
export function normalised(query, rules = NO_RULES) {
  query = String(query).replace(/\u2019/g, "'");
  const { elision } = compiled(rules);
  return elision ? query.replace(elision, "$1") : query;
}

/* The significant words of a query, as typed (lowercase), in order, once each: stop words and single
   letters do not count. At most ``max`` words. */
export function keywords(query, rules = NO_RULES, max = 8) {
  const { stop } = compiled(rules);
  const seen = new Set();
  return normalised(query, rules).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (word) {
    const key = fold(word);
    if (word.length < 2 || stop.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  }).slice(0, max);
}

function commonPrefix(a, b) {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

/* Did Pagefind find ``word`` itself, or a form of it ("batt" in "battery", a French stem), rather than a
   short prefix it fell back to ("am" for "ambiant", "you" for "refnd")? ``marked`` are the words it
   highlighted. ``loose`` accepts a word sharing the first four letters and all of the word's but its last
   three (another ending the spelling data does not hold: "batteries" for "battery"), never a much shorter
   word Pagefind fell back to ("some" for "something"). */
export function foundItself(word, marked, loose = false) {
  const typed = fold(word);
  const needed = loose ? Math.min(typed.length, Math.max(4, typed.length - 3)) : Math.max(3, Math.ceil(0.7 * typed.length));
  return marked.some(function (mark) { return commonPrefix(fold(mark), typed) >= needed; });
}

/* The words Pagefind highlighted in an excerpt ("... <mark>refund,</mark> ..."), punctuation dropped. */
export function markedWords(excerpt) {
  const found = [];
  String(excerpt || "").replace(/<mark>([^<]*)<\/mark>/g, function (_, text) {
    found.push(...text.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
    return "";
  });
  return found;
}
