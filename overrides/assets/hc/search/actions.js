/* The action a question asks for (change, delete, turn off...) and whether an answer's question carries it.
   Plain functions, no DOM, no word of any language: a language's actions come with its search rules
   ({ actions: [{ action, words, opposites }] }, from data/synonyms/<lang>.actions.yml; text.js).

   A word of an action matches with its endings ("delete" in "deleted", "deleting"): the word as written; a
   word of 4 or 5 letters also at the start of a longer one ("reset" in "resetting", never "reserve"), a longer
   one with all but its last letter ("delet" in "deleting"); a word of fewer letters only as written. A phrase ("turn off")
   matches its words in order, at most GAP words apart ("turn the alarm off", "turn vehicle tracking on or off"). */

import { fold, normalised } from "./text.js";

export const GAP = 4;
const prepared = new WeakMap();

function commonPrefix(a, b) {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

/* The folded words of ``text``, elisions split off, stop words kept. */
export function tokens(text, rules) {
  return fold(normalised(text, rules)).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/* Is ``word`` (folded) a form of ``member`` (folded)? */
export function formOf(word, member) {
  if (word === member) return true;
  if (member.length < 4) return false;
  const needed = member.length <= 5 ? member.length : member.length - 1;
  return word.length >= needed && commonPrefix(word, member) >= needed;
}

/* Each action's phrases as lists of folded words. */
function compiled(rules) {
  if (!prepared.has(rules)) {
    prepared.set(rules, (rules.actions || []).map(function (action) {
      return {
        phrases: (action.words || []).map(function (phrase) { return tokens(phrase, rules); }).filter(function (p) { return p.length; }),
        opposites: action.opposites || []
      };
    }));
  }
  return prepared.get(rules);
}

function hasPhrase(words, phrase) {
  return words.some(function (word, start) {
    if (!formOf(word, phrase[0])) return false;
    let at = start;
    return phrase.slice(1).every(function (next) {
      const end = Math.min(words.length, at + GAP + 2);
      for (let i = at + 1; i < end; i += 1) {
        if (formOf(words[i], next)) { at = i; return true; }
      }
      return false;
    });
  });
}

/* The indexes of the actions ``text`` carries. */
export function carried(text, rules) {
  const words = tokens(text, rules);
  const found = new Set();
  compiled(rules).forEach(function (action, i) {
    if (action.phrases.some(function (phrase) { return hasPhrase(words, phrase); })) found.add(i);
  });
  return found;
}

/* What a question asks to do: { actions, opposites } (sets of action indexes), or null when it asks for none. */
export function asked(question, rules) {
  const actions = carried(question, rules);
  if (!actions.size) return null;
  const list = compiled(rules);
  const opposites = new Set();
  actions.forEach(function (i) { list[i].opposites.forEach(function (o) { if (!actions.has(o)) opposites.add(o); }); });
  return { actions, opposites };
}

/* 1 when an answer's question (``title``) carries an action the question asks for, -1 when it carries only
   their opposite, 0 when neither. */
export function stance(title, wanted, rules) {
  if (!wanted) return 0;
  const has = carried(title, rules);
  if (Array.from(wanted.actions).some(function (i) { return has.has(i); })) return 1;
  if (Array.from(wanted.opposites).some(function (i) { return has.has(i); })) return -1;
  return 0;
}

/* Is ``word`` (a keyword of the question) one of the words of the actions it asks for? */
export function actionWord(word, wanted, rules) {
  if (!wanted) return false;
  const folded = fold(word);
  const list = compiled(rules);
  return Array.from(wanted.actions).some(function (i) {
    return list[i].phrases.some(function (phrase) { return phrase.some(function (member) { return formOf(folded, member); }); });
  });
}
