/* Typing errors: the nearest word the index holds. Plain functions, no DOM.
   Entries come from the build's spelling data (hooks/helpcentre/spelling.py): [[word, count], ...] per
   first letter, most frequent first. */

import { fold } from "./text.js";

/* One edit for words of 4 to 7 letters, two for 8 and more; shorter words are never corrected. */
export function allowedEdits(word) {
  const length = fold(word).length;
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

/* Edits from a to b (insertion, deletion, substitution, and a swap of two neighbouring letters counting
   as one), or max + 1 as soon as it is more than max. Cost O(len(a) * len(b)). */
export function distance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = null;
  let previous = Array.from({ length: b.length + 1 }, function (_, j) { return j; });
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2] + 1);
      }
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

/* The spelling files a word's correction can be in: its first letter's, and its second letter's (a swap
   of the first two letters, or one letter too many in front). */
export function letterFiles(word) {
  const folded = fold(word);
  const key = function (c) { return c >= "a" && c <= "z" ? c : "0"; };
  return Array.from(new Set([folded[0], folded[1]].filter(Boolean).map(key)));
}

/* The entry written as ``word`` (accents and case aside), if the index holds it. */
export function known(word, entries) {
  const folded = fold(word);
  return entries.find(function (entry) { return fold(entry[0]) === folded; }) || null;
}

/* The nearest indexed word within the allowed edits, the more frequent one on equal distance; null when
   there is none. */
export function nearest(word, entries) {
  const max = allowedEdits(word);
  if (!max) return null;
  const folded = fold(word);
  let best = null;
  entries.forEach(function (entry) {
    const d = distance(folded, fold(entry[0]), max);
    if (d <= max && (!best || d < best.distance || (d === best.distance && entry[1] > best.count))) {
      best = { word: entry[0], distance: d, count: entry[1] };
    }
  });
  return best;
}
