/* Words as search sees them: stop words, French elisions, accents folded. Plain functions, no DOM.
   The build folds words the same way (hooks/helpcentre/words.py). */

export const STOP = {
  en: ("a am an and any are as at be been being but by can could did do does doing for from get gets got had has " +
       "have having how i if in into is it its itself just me my myself not of on or our should so some than that " +
       "the their them then there these they this those to too was we were what when where which who why will with " +
       "would you your yourself").split(" "),
  fr: ("a à ai as au aux avec avez avons ce ces cet cette comment dans de des du elle elles en es est et été être " +
       "étais était faire fait il ils je la le les leur lui ma mais me mes moi mon ne nos notre nous on ont ou où " +
       "par pas peut peux pour puis quand que quel quelle quels quelles qui quoi sa se sera serai seront ses si son " +
       "sont suis sur ta te tes toi ton tout toute tous toutes tu un une vais va vont vos votre vous y").split(" ")
};

const ELISION = /(^|[^\p{L}])(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)'(?=\p{L})/giu;

/* Lowercase, accents removed, plain apostrophes: "Clé" -> "cle". */
export function fold(text) {
  return String(text).toLowerCase().replace(/\u2019/g, "'").normalize("NFKD").replace(/\p{M}/gu, "");
}

/* French elisions: "l'application" is looked up as "application" (Pagefind keeps "lapplication"). */
export function normalised(query, lang) {
  query = String(query).replace(/\u2019/g, "'");
  return lang === "fr" ? query.replace(ELISION, "$1") : query;
}

/* The significant words of a query, as typed (lowercase), in order, once each: stop words and single
   letters do not count. At most ``max`` words. */
export function keywords(query, lang, max = 8) {
  const stop = new Set((STOP[lang] || STOP.en).map(fold));
  const seen = new Set();
  return normalised(query, lang).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (word) {
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
   highlighted. ``loose`` accepts any word sharing the first four letters (a plural the spelling data
   does not hold: "batteries" for "battery"). */
export function foundItself(word, marked, loose = false) {
  const typed = fold(word);
  const needed = loose ? Math.min(4, typed.length) : Math.max(3, Math.ceil(0.7 * typed.length));
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
