/* One retrieval for every place a reader searches (the search box, the header dialog, ?q= links, the 404
   pages and the answer assistant): plain steps on an index, no DOM, so tests can call them directly.

   Pagefind matches every word of a query, so each significant word is searched on its own and the results
   merged: articles matching all the words first, then those covering most of the query, each word counting
   by how rare it is among the articles (a word most articles have says little), then by score (the index
   weighs questions and tags above answers) with views breaking near ties. A word the index does not
   hold is corrected to the nearest word it does (spelling.js); a word nothing matches is dropped.

   ``index`` is what bundles.js makes: { search(word), words(letter) }, where search resolves to Pagefind's
   { results: [{ id, score, words, data() }] } and words to [[word, count], ...]. */

import { fold, foundItself, keywords, markedWords } from "./text.js";
import { allowedEdits, known, letterFiles, nearest } from "./spelling.js";
import { fromPagefind } from "./result.js";
import { actionWord, asked, formOf, stance, tokens } from "./actions.js";

export const PER_WORD = 200; // results of each word taken into the merge
export const SHOWN = 10; // results whose data is fetched and shown
export const ACTION_POOL = 10; // more results whose question is read when the query asks for an action

/* What one word found: { typed, used (the word searched, corrected or not), results }. When the index has the
   word itself (or a form of it, or a synonym), the articles Pagefind finds only by a longer word it starts
   ("niv" in "niveau", "garer" in "garage") are left out: Pagefind's exact search (the word in quotes) is asked
   first, and its results are the word's. Only a word no article has as written (a beginning typed so far, a
   typing error, a synonym only in metadata) is searched again without quotes, for the longer words it starts:
   one search a word in the common case, never two at once (they were, both on the same chunk). */
async function findWord(index, typed, correct) {
  const exact = await index.search('"' + typed + '"');
  if (exact.results.length) return { typed, used: typed, results: exact.results.slice(0, PER_WORD) };
  const found = await index.search(typed);
  const results = found.results.slice(0, PER_WORD);
  if (results.length && (await matchedItself(typed, results[0]))) return { typed, used: typed, results };
  if (results.length && !allowedEdits(typed)) return { typed, used: typed, results }; // too short to correct
  if (!correct) return { typed, used: typed, results: (await looselyMatched(typed, results)) ? results : [] };
  const entries = (await Promise.all(letterFiles(typed).map(function (letter) { return index.words(letter); }))).flat();
  if (known(typed, entries)) return { typed, used: typed, results };
  const better = nearest(typed, entries);
  if (better) {
    const corrected = await index.search(better.word);
    return { typed, used: better.word, results: corrected.results.slice(0, PER_WORD) };
  }
  return { typed, used: typed, results: (await looselyMatched(typed, results)) ? results : [] };
}

/* The top result's highlighted words tell. A match on metadata only (a synonym) has no word positions and
   nothing highlighted: the spelling data, which holds the synonyms too, decides. */
async function matchedItself(typed, top) {
  if (top.words && top.words.length === 0) return false;
  return foundItself(typed, markedWords((await top.data()).excerpt));
}

async function looselyMatched(typed, results) {
  return results.length > 0 && foundItself(typed, markedWords((await results[0].data()).excerpt), true);
}

/* How much each word says: ln(1 + most / its count), where ``most`` is the count of the query's most common
   word. A word few articles have weighs more than one most of them have. */
export function weights(perWord) {
  const most = Math.max(1, ...perWord.map(function (found) { return found.results.length; }));
  return perWord.map(function (found) { return Math.log(1 + most / Math.max(1, found.results.length)); });
}

/* Articles with every word first, then by how much of the query they cover (weighted), then by score. */
export function merge(perWord) {
  const weight = weights(perWord);
  const byId = new Map();
  perWord.forEach(function (found, i) {
    found.results.forEach(function (result) {
      const entry = byId.get(result.id) || { result, coverage: 0, covered: 0, score: 0, matched: [] };
      entry.coverage += 1;
      entry.matched.push(i);
      entry.covered += weight[i];
      entry.score += result.score;
      byId.set(result.id, entry);
    });
  });
  const all = perWord.length;
  return Array.from(byId.values()).sort(function (a, b) {
    return ((b.coverage === all) - (a.coverage === all)) || (b.covered - a.covered) || (b.score - a.score);
  });
}

/* The query's clearly rarest words (folded): those found somewhere that weigh most (``weight``, from weights()),
   when that is at least twice any other found word's weight; else none (no word stands out, and « nouveau » in
   « créer un nouveau MINI ID » is not what the question is about more than « créer »). O(words). */
export function rarest(perWord, weight) {
  const found = weight.filter(function (w, i) { return perWord[i].results.length; });
  const top = Math.max(...found);
  const next = Math.max(0, ...found.filter(function (w) { return w < top; }));
  return next && top >= 2 * next ? perWord.filter(function (f, i) { return f.results.length && weight[i] === top; })
    .map(function (f) { return fold(f.used); }) : [];
}

/* By ``level``: the words an answer covers, plus one when it has them all (those first), or else when its
   question says the query's clearly rarest word (which then counts twice): a word few articles have, said by the
   question an answer answers, tells more than two common words in other answers' text (« chauffer » in « Puis-je
   refroidir ou chauffer ma voiture ? » against « avant » and « partir » in answers about older cars); only in
   an answer's text it counts once, as a chance match may be. O(n log n) for n items. Within the same level, the
   answer whose question carries the action asked for first (``action``: 1, 0, -1 for the opposite), then the one
   whose question has more of the query's words (``asked``: "what is my MINI account" asks "What is My MINI
   Account?" more than "Link your account"), then the weighted coverage, then the question that repeats more of
   the query's other words ("what is" in "What is My MINI Account?"); popularity breaks near ties: +4% per tenfold
   views. */
export function ranked(items) {
  return items.map(function (item) {
    return { item, key: item.score * (1 + 0.04 * Math.log10(1 + item.result.views)) };
  }).sort(function (a, b) {
    return (b.item.level - a.item.level) || ((b.item.action || 0) - (a.item.action || 0))
      || ((b.item.asked || 0) - (a.item.asked || 0)) || (b.item.covered - a.item.covered)
      || ((b.item.echo || 0) - (a.item.echo || 0)) || (b.key - a.key);
  }).map(function (x) { return x.item; });
}

/* How much of the query the question ``title`` says in its own words: { asked, keys, named, echo }. ``asked``: how many of
   ``words`` (the keywords as searched) it has, as written or with other endings (at most three letters more or
   less: "payment" and "payments", never "auto" and "automatically"; or with a plural ending of the language,
   ``rules.endings``: "IDs" and "ID"), ``keys`` which (folded); ``named``: the same, counting also the
   synonyms the article is found by (``synonyms``: « clim » names « Puis-je refroidir ma voiture ? », whose
   answer says « climatisation »); ``echo``: how many of the query's other words ("what is") it has, as written, a word beside a keyword in the
   query beside that keyword in the question too (the "in" of "log in" is not the one of "after signing in"). */
export function asking(title, query, words, rules, synonyms = []) {
  const said = tokens(title, rules);
  const known = said.concat(tokens(synonyms.join(" "), rules));
  const endings = (rules.endings || []).map(fold);
  const plural = function (a, b) { return endings.some(function (e) { return a === b + e || b === a + e; }); };
  const has = function (list) {
    return function (folded) {
      return list.some(function (t) {
        return plural(t, folded) || (Math.abs(t.length - folded.length) <= 3 && (formOf(t, folded) || formOf(folded, t)));
      });
    };
  };
  const keys = new Set(words.map(fold));
  const typed = tokens(query, rules);
  const echoes = function (t, i) {
    const beside = [typed[i - 1], typed[i + 1]].filter(function (n) { return keys.has(n); });
    return said.some(function (s, j) {
      return s === t && (!beside.length || beside.includes(said[j - 1]) || beside.includes(said[j + 1]));
    });
  };
  const echoed = new Set(typed.filter(function (t, i) { return !keys.has(t) && echoes(t, i); }));
  const own = Array.from(keys).filter(has(said));
  return {
    asked: own.length,
    keys: own,
    named: Array.from(keys).filter(has(known)).length,
    echo: echoed.size
  };
}

/* An entry's coverage once the action is judged by the answer's question: a question that carries the action
   asked for covers its words (as "replace" covers "change"); one that carries the opposite covers none of them,
   whatever its answer says ("create" never answers "delete"). */
function judged(entry, title, words, weight, wanted, rules) {
  const action = stance(title, wanted, rules);
  if (!action) return { coverage: entry.coverage, covered: entry.covered, action };
  let { coverage, covered } = entry;
  words.forEach(function (word, i) {
    if (!actionWord(word, wanted, rules)) return;
    const has = entry.matched.includes(i);
    if (action > 0 && !has) { coverage += 1; covered += weight[i]; }
    if (action < 0 && has) { coverage -= 1; covered -= weight[i]; }
  });
  return { coverage, covered, action };
}

/* Is the best answer sure enough to show in full (the assistant)? It is when it has every word of the query,
   or its question (or its synonyms) has two of the query's keywords, or it covers at least SURE_SHARE of the query's weight
   (each word weighing by how rare it is, a word nothing matches weighing most), or half of it with one of the
   keywords in its question. Otherwise it covers too little: "pizza delivery hours" finds an answer
   with "delivery" in its text, which is not an answer to the question. */
export const SURE_SHARE = 0.6;
export function sure(found) {
  const best = found.items[0];
  if (!best) return false;
  /* Words the site has nowhere ("jump" in "jump start the car battery", « survolter ») may be what the question
     is about: then the answer's own question must say at least half of the words the site does know ("Can I
     use third-party apps in my car?" for "install spotify in my car"), not one of three ("How do I replace the
     key battery?"); when the site knows one word only, its question or synonyms may say it, if it covers half
     the question's weight (« clim à distance »: « clim » is a synonym of the air-conditioning answer). */
  const known = found.words.length - (found.unknown || 0);
  if (found.unknown && best.asked * 2 < known && !(known === 1 && best.named === 1 && best.share >= 0.5)) return false;
  return best.coverage === found.words.length || best.named >= 2 || best.share >= SURE_SHARE
    || (best.named >= 1 && best.share >= 0.5);
}

/* The answer to a query: { words, corrections: [{typed, used}], items: [{id, coverage, level, covered,
   share, score, action, asked, named, echo, result}], total, complete (the best item matches every word), unknown (how
   many of the words the site has nowhere, an action's words aside) }; ``share`` is the part of the query's
   weight an item covers, from 0 to 1; ``result`` is the article as result.js models it. ``correct: false`` searches the words as typed. */
export async function retrieve(index, query, lang, { correct = true, shown = SHOWN } = {}) {
  const rules = await index.rules();
  const words = keywords(query, rules);
  const empty = { words, corrections: [], items: [], total: 0, complete: false, unknown: 0 };
  if (!words.length) return empty;
  const perWord = await Promise.all(words.map(function (word) { return findWord(index, word, correct); }));
  const corrections = perWord.filter(function (f) { return f.used !== f.typed; })
    .map(function (f) { return { typed: f.typed, used: f.used }; });
  const merged = merge(perWord);
  const weight = weights(perWord);
  const rare = rarest(perWord, weight);
  const used = perWord.map(function (f) { return f.used; });
  const wanted = asked([query, ...used].join(" "), rules); // corrected words too
  // An action's word the site has nowhere ("change" when the answers say "adjust", "problems") says what to do,
  // not what the question is about: it is neither unknown nor part of the weight an answer must cover.
  const silent = perWord.map(function (f) { return !f.results.length && actionWord(f.typed, wanted, rules); });
  const whole = weight.reduce(function (sum, w, i) { return sum + (silent[i] ? 0 : w); }, 0) || 1;
  const items = await Promise.all(merged.slice(0, shown + (wanted ? ACTION_POOL : 0)).map(async function (entry) {
    const result = fromPagefind(await entry.result.data(), lang);
    const { coverage, covered, action } = judged(entry, result.title, words, weight, wanted, rules);
    const { asked: title, named, echo, keys } = asking(result.title, query, used, rules, result.synonyms);
    const level = coverage + (coverage === words.length || keys.some(function (key) { return rare.includes(key); }) ? 1 : 0);
    return { id: entry.result.id, coverage, level, covered, share: covered / whole, score: entry.score, action, asked: title, named, echo, result };
  }));
  const top = items.length ? ranked(items).slice(0, shown) : [];
  const unknown = perWord.filter(function (f, i) { return !f.results.length && !silent[i]; }).length;
  return { words, corrections, items: top, total: merged.length, complete: top.length > 0 && top[0].coverage === words.length, unknown };
}
