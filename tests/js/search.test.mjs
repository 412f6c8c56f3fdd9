// The search's plain parts, called directly: query planning, typo correction and the merged ranking.
// Run by `make test` (node --test tests/js/).
import assert from "node:assert/strict";
import test from "node:test";

import { merge, retrieve, sure } from "../../overrides/assets/hc/search/retrieval.js";
import { allowedEdits, distance, letterFiles, nearest } from "../../overrides/assets/hc/search/spelling.js";
import { foundItself, keywords, markedWords } from "../../overrides/assets/hc/search/text.js";

// A language's rules as the build writes them (pagefind/words-<lang>/language.json), a few words of each.
const EN = { stop: ["which", "gets", "my", "how", "do", "i"], elisions: [] };
const FR = { stop: ["comment", "la", "de"], elisions: ["l", "d", "qu"] };

test("a language's stop words and elisions do not count", () => {
  assert.deepEqual(keywords("Which card gets my refund?", EN), ["card", "refund"]);
  assert.deepEqual(keywords("Comment changer la pile de l'application ?", FR), ["changer", "pile", "application"]);
  assert.deepEqual(keywords("Comment changer la pile de l\u2019application ?", FR), ["changer", "pile", "application"]);
  assert.deepEqual(keywords("how do I", EN), []);
  // Only the rules given count: French stop words are words in English.
  assert.deepEqual(keywords("comment changer la pile", EN), ["comment", "changer", "la", "pile"]);
});

test("a swap of neighbouring letters is one edit; more edits for longer words", () => {
  assert.equal(distance("refnud", "refund", 2), 1);
  assert.equal(distance("refnd", "refund", 1), 1);
  assert.equal(distance("abcd", "wxyz", 1), 2); // stops at max + 1
  assert.deepEqual([allowedEdits("abc"), allowedEdits("ambiant"), allowedEdits("rembourcement")], [0, 1, 2]);
  assert.deepEqual(letterFiles("Éclairage"), ["e", "c"]);
});

test("the nearest word within the allowed edits, the more frequent one first", () => {
  const entries = [["refund", 3], ["refind", 9], ["remote", 1]];
  assert.equal(nearest("refnd", entries).word, "refind"); // both one edit: the more frequent
  assert.equal(nearest("rxxnd", entries), null);
  assert.equal(nearest("télécommande", [["telecommande", 2]]).distance, 0);
});

test("a prefix Pagefind fell back to is not the word itself", () => {
  assert.equal(foundItself("ambiant", ["am"]), false);
  assert.equal(foundItself("refnd", ["you're"]), false);
  assert.equal(foundItself("batt", ["battery"]), true);
  assert.equal(foundItself("remboursements", ["remboursement"]), true);
  assert.equal(foundItself("batteries", ["battery"]), false);
  assert.equal(foundItself("batteries", ["battery"], true), true);
  assert.equal(foundItself("something", ["Some"], true), false); // a much shorter word is not an ending
  assert.equal(foundItself("something", ["someone"], true), false);
  assert.deepEqual(markedWords("the <mark>refund,</mark> goes <mark>back</mark>"), ["refund", "back"]);
});

/* An index as retrieval.js sees it: words -> [article id, score]; data() gives an excerpt marking the word;
   ``rules``, its language's stop words and elisions. */
function fakeIndex(postings, spelling = {}, rules = EN) {
  const result = (id, score, word) => ({
    id, score, words: [1], data: async () => ({ url: `/${id}.html`, excerpt: `<mark>${word}</mark>`, meta: { title: String(id), views: "0" } })
  });
  const searched = [];
  return {
    searched,
    search: async (word) => {
      searched.push(word);
      const exact = postings[word];
      if (exact) return { results: exact.map(([id, score]) => result(id, score, word)) };
      const fallback = Object.keys(postings).find((w) => w.startsWith(word.slice(0, 2)));
      return { results: fallback ? postings[fallback].map(([id, score]) => result(id, score, word.slice(0, 2))) : [] };
    },
    words: async (letter) => spelling[letter] || [],
    rules: async () => rules
  };
}

test("articles with all the words first, then those covering most of the query, rare words weighing more", async () => {
  const index = fakeIndex({ card: [[5, 9]], refund: [[1, 5], [5, 1]] });
  const found = await retrieve(index, "which card gets my refund", "en");
  assert.deepEqual(found.items.map((i) => i.id), [5, 1]);
  assert.equal(found.complete, true);
  const partial = await retrieve(index, "card refund xylophone", "en");
  assert.equal(partial.complete, false); // "xylophone" matched nothing
  const common = fakeIndex({ car: [[1, 9], [2, 9], [3, 9], [4, 9]], garer: [[7, 1]], seul: [[1, 2], [2, 2]] }, {}, FR);
  const parking = await retrieve(common, "garer la car", "fr");
  assert.deepEqual(parking.items.map((i) => i.id).slice(0, 1), [7]); // the rare word outweighs the common one
  assert.deepEqual(merge([{ results: [{ id: 1, score: 1 }] }, { results: [{ id: 2, score: 5 }, { id: 1, score: 1 }] }])
    .map((e) => [e.result.id, e.coverage]), [[1, 2], [2, 1]]);
});

test("a typo is corrected to an indexed word, and said; as typed it finds nothing", async () => {
  const index = fakeIndex({ refund: [[1001, 9]], reference: [[2004, 3]] }, { r: [["refund", 4], ["reference", 2]] });
  const found = await retrieve(index, "refnd", "en");
  assert.deepEqual(found.corrections, [{ typed: "refnd", used: "refund" }]);
  assert.deepEqual(found.items.map((i) => i.id), [1001]);
  const asTyped = await retrieve(index, "refnd", "en", { correct: false });
  assert.deepEqual(asTyped.items, []); // the fallback to "re..." is no match
});

test("a word the index holds is never corrected, and a search without typos fetches no spelling data", async () => {
  let fetched = 0;
  const index = fakeIndex({ battery: [[3002, 9]] });
  index.words = async () => { fetched += 1; return []; };
  const found = await retrieve(index, "battery", "en");
  assert.deepEqual([found.items.map((i) => i.id), found.corrections, fetched], [[3002], [], 0]);
});

/* Questions as titles, for the action and wording tests: every article has the query's object words. */
function titledIndex(postings, titles, rules) {
  const index = fakeIndex(postings, {}, rules);
  const search = index.search;
  index.search = async (word) => {
    const found = await search(word);
    return { results: found.results.map((r) => ({ ...r, data: async () => ({ ...(await r.data()), meta: { title: titles[r.id], views: "0" } }) })) };
  };
  return index;
}

const ACTIONS = {
  ...EN,
  actions: [
    { action: "replace", words: ["replace", "change"], opposites: [] },
    { action: "delete", words: ["delete", "remove"], opposites: [2] },
    { action: "create", words: ["create", "make"], opposites: [1] },
    { action: "turn off", words: ["turn off", "disable"], opposites: [4] },
    { action: "turn on", words: ["turn on", "enable"], opposites: [3] }
  ]
};

test("an answer whose question carries the action asked for comes first; the opposite never counts as it", async () => {
  const titles = { 1: "How do I create a MINI ID?", 2: "How do I delete a MINI ID?", 3: "Why is my key not detected?", 4: "How do I replace the key battery?", 5: "How do I turn tracking on or off?" };
  const index = titledIndex({
    mini: [[1, 9], [2, 5]], id: [[1, 9], [2, 5]], remove: [[1, 3]], key: [[3, 9], [4, 5]], battery: [[3, 9], [4, 5]],
    dead: [[3, 5]], tracking: [[5, 5]], turn: [[5, 5]], off: [[5, 5]]
  }, titles, ACTIONS);
  // "remove" is in the creation answer's text, yet its question creates: deleting comes first.
  assert.deepEqual((await retrieve(index, "remove my mini id", "en")).items.map((i) => i.id), [2, 1]);
  // "change" is not in the battery answer; its question replaces the battery: it comes before the key's detection.
  assert.deepEqual((await retrieve(index, "my key battery is dead, how do I change it", "en")).items.map((i) => i.id).slice(0, 1), [4]);
  const off = await retrieve(index, "turn off tracking", "en");
  assert.deepEqual([off.items[0].id, off.items[0].action], [5, 1]); // "turn ... on or off" carries both
  // Without an action word, the object alone ranks as before.
  assert.deepEqual((await retrieve(index, "mini id", "en")).items.map((i) => i.id), [1, 2]);
});

test("within the same coverage, the question in the query's own words comes first", async () => {
  const titles = { 1: "How do I access My MINI Account?", 2: "What is My MINI Account?", 3: "Why link your account?" };
  const index = titledIndex({ mini: [[1, 9], [2, 5], [3, 9]], account: [[1, 9], [2, 5], [3, 9]] }, titles, EN);
  assert.deepEqual((await retrieve(index, "what is my mini account", "en")).items.map((i) => i.id), [2, 1, 3]);
});

/* An index that behaves as Pagefind does with a word: every indexed word it starts is found too ("niv" finds
   "niveau"), unless the word is quoted ("\"niv\"" finds only "niv"). ``postings``: word -> [[id, score]]. */
function prefixIndex(postings, titles, rules, synonyms = {}) {
  const result = (id, score, word) => ({
    id, score, words: [1],
    data: async () => ({ url: `/${id}.html`, excerpt: `<mark>${word}</mark>`, meta: { title: titles[id], views: "0", synonyms: synonyms[id] || "" } })
  });
  return {
    search: async (query) => {
      const exact = query.startsWith("\"");
      const word = query.replace(/"/g, "");
      const found = Object.entries(postings).filter(([key]) => (exact ? key === word : key.startsWith(word)))
        .flatMap(([key, list]) => list.map(([id, score]) => result(id, score, key)));
      return { results: found.sort((a, b) => b.score - a.score) };
    },
    words: async () => [],
    rules: async () => rules
  };
}

test("a word the index has finds the articles that have it, not those with a longer word it starts", async () => {
  const titles = { 1002: "Puis-je acheter des mises à niveau ?", 2004: "Pourquoi associer mon compte ?" };
  const index = prefixIndex({ niveau: [[1002, 17]], trouver: [[1002, 4]], niv: [[2004, 8]] }, titles, FR);
  // "niveau" has both words once "niv" counts as "niveau": the article that says NIV must come first.
  assert.deepEqual((await retrieve(index, "où trouver mon NIV", "fr")).items.map((i) => i.id)[0], 2004);
  // A word only longer words start (a stem, a beginning) still finds them.
  assert.deepEqual((await retrieve(index, "trou", "fr")).items.map((i) => i.id), [1002]);
});

test("a word the index has as written costs one search; a beginning, the exact one and then the other", async () => {
  const index = prefixIndex({ niveau: [[1002, 17]], niv: [[2004, 8]] }, { 1002: "Mises à niveau ?", 2004: "NIV ?" }, FR);
  const searched = [];
  const search = index.search;
  index.search = (query) => { searched.push(query); return search(query); };
  await retrieve(index, "NIV", "fr");
  assert.deepEqual(searched, ["\"niv\""]);
  searched.length = 0;
  assert.deepEqual((await retrieve(index, "nivea", "fr")).items.map((i) => i.id), [1002]);
  assert.deepEqual(searched, ["\"nivea\"", "nivea"]);
});

test("the assistant is sure of an answer whose question or synonyms name a keyword it covers", async () => {
  const titles = { 4001: "Puis-je refroidir ma voiture avec l'application ?", 3002: "Comment remplacer la pile ?" };
  const postings = { clim: [[4001, 9]], pile: [[3002, 9]] };
  const withSynonyms = prefixIndex(postings, titles, FR, { 4001: "air climatisé, clim" });
  const found = await retrieve(withSynonyms, "clim à distance", "fr");
  assert.deepEqual([found.items[0].id, sure(found)], [4001, true]);
  // The same answer without the synonym: half the question, nothing of it named: not sure.
  assert.equal(sure(await retrieve(prefixIndex(postings, titles, FR), "clim à distance", "fr")), false);
});

test("a keyword in the plural is the question's word in the singular (the language's endings)", async () => {
  const titles = { 4003: "Can an older car be added to more than one MINI ID?", 4001: "Can I heat my car?" };
  const rules = { ...EN, stop: [...EN.stop, "can", "be", "on"], endings: ["s", "es"] };
  const index = prefixIndex({ old: [[4003, 5], [4001, 1]], mini: [[4003, 9], [4001, 9]], ids: [[4003, 9]] }, titles, rules);
  // "two" is nowhere; the question says "MINI ID" for "mini ids": two of the three words the site knows.
  const found = await retrieve(index, "can my old mini be on two mini ids", "en");
  assert.deepEqual([found.items[0].id, found.items[0].asked, sure(found)], [4003, 2, true]);
  // Without the language's endings, "ids" is not "ID": one word of three, not sure.
  assert.equal(sure(await retrieve(prefixIndex({ old: [[4003, 5]], mini: [[4003, 9]], ids: [[4003, 9]] }, titles, { ...rules, endings: [] }), "can my old mini be on two mini ids", "en")), false);
});

test("an action's word found nowhere is not what the question is about", async () => {
  const titles = { 6002: "What is the ambient light, and can I adjust it?", 6001: "What is the light ring for?" };
  const index = prefixIndex({ interior: [[6002, 5]], light: [[6002, 9], [6001, 5]], colour: [[6002, 3]] }, titles, { ...ACTIONS, stop: [...EN.stop, "the"] }, { 6002: "interior lights" });
  // "change" (replace) is in no answer: the ambient light's answer, named by its question and synonyms, is sure.
  const found = await retrieve(index, "change the interior light colour", "en");
  assert.deepEqual([found.items[0].id, found.unknown, sure(found)], [6002, 0, true]);
  // Any other word found nowhere still counts: "paint" may be what the question is about.
  const paint = await retrieve(index, "paint the interior light colour", "en");
  assert.deepEqual([paint.unknown, sure(paint)], [1, false]);
});

test("a question's words echo the query's side by side: the \"in\" of \"log in\" is not the one of \"signing in\"", async () => {
  const titles = { 2004: "Why link your account after signing in?", 2002: "How do I access My MINI Account?" };
  const rules = { ...ACTIONS, stop: [...EN.stop, "in"], actions: [...ACTIONS.actions, { action: "fix", words: ["fix", "problem"], opposites: [] }] };
  const synonyms = { 2004: "log in, login", 2002: "log in, login" };
  const index = prefixIndex({ log: [[2004, 1], [2002, 1]] }, titles, rules, synonyms);
  // Equal but for the echo: the access answer (more viewed in a real index) is not put behind by "signing in".
  const found = await retrieve(index, "log in problems", "en");
  assert.deepEqual(found.items.map((i) => [i.id, i.echo]), [[2004, 0], [2002, 0]]);
  // "problems" is found nowhere and is the fix action's: neither unknown nor weighing, the answer covers it all.
  assert.deepEqual([found.unknown, found.items[0].share, sure(found)], [0, 1, true]);
  const { actions, ...withoutFix } = rules;
  const unsure = await retrieve(prefixIndex({ log: [[2004, 1], [2002, 1], [2003, 1]] }, titles, { ...withoutFix, actions: actions.slice(0, -1) }, synonyms), "log in problems", "en");
  assert.deepEqual([unsure.unknown, sure(unsure)], [1, false]);
  // "what is" echoes "What is My MINI Account?" pair by pair.
  const account = titledIndex({ mini: [[1, 9], [2, 9]], account: [[1, 9], [2, 9]] }, { 1: "How do I access My MINI Account?", 2: "What is My MINI Account?" }, { ...EN, stop: [...EN.stop, "what", "is"] });
  assert.deepEqual((await retrieve(account, "what is my mini account", "en")).items.map((i) => [i.id, i.echo]), [[2, 3], [1, 1]]);
});

test("when a word is found nowhere, the assistant is sure only of an answer whose question says half the rest", async () => {
  const titles = { 3002: "How do I replace the key battery?", 1004: "Can I use third-party apps in my car?", 3001: "Why is my key not detected?" };
  const index = prefixIndex({
    battery: [[3002, 17]], start: [[3002, 4]], car: [[1004, 1], [3001, 1], [3002, 0.3]], install: [[1004, 5]]
  }, titles, { ...EN, stop: [...EN.stop, "the", "in", "to"] });
  // "jump" is nowhere: the battery answer has the other words, but its question says only "battery".
  const jump = await retrieve(index, "jump start the car battery", "en");
  assert.deepEqual([jump.items[0].id, jump.unknown, sure(jump)], [3002, 1, false]);
  // "spotify" is nowhere: the apps answer's question says "car", half of "install" and "car".
  const spotify = await retrieve(index, "install spotify in my car", "en");
  assert.deepEqual([spotify.items[0].id, sure(spotify)], [1004, true]);
  // Two words the site knows, both only in the answer's synonyms ("car", "battery" of a key): not sure.
  const synonymsOnly = prefixIndex({ battery: [[3001, 5]], car: [[3001, 1], [1004, 1]] }, titles, EN, { 3001: "battery, car" });
  assert.equal(sure(await retrieve(synonymsOnly, "boost battery car", "en")), false);
});

test("among partial answers, the query's clearly rarest word counts twice in the question that says it", async () => {
  const many = (from, n) => Array.from({ length: n }, (_, i) => [from + i, 1]);
  const postings = {
    chauffer: [[4001, 1]], auto: [[4001, 1], [1007, 1], ...many(1, 18)], avant: [[1007, 1], ...many(1, 7)], partir: [[1007, 1], ...many(1, 7)]
  };
  const titles = { 4001: "Puis-je chauffer ma voiture ?", 1007: "Applications dans une voiture fabriquée avant OS 9 ?" };
  const query = "chauffer l'auto avant de partir";
  // « chauffer » is in one answer and its question; « avant » and « partir » in eight: two common words less.
  assert.equal((await retrieve(prefixIndex(postings, titles, FR), query, "fr")).items[0].id, 4001);
  // Only in the answer's text, the rare word counts once: three words of four come first.
  const untitled = { ...titles, 4001: "Puis-je refroidir ma voiture ?" };
  assert.equal((await retrieve(prefixIndex(postings, untitled, FR), query, "fr")).items[0].id, 1007);
  // A word not clearly rarer than the others (in five answers, against eight) counts once too.
  const fewer = { ...postings, chauffer: [[4001, 1], ...many(100, 4)] };
  assert.equal((await retrieve(prefixIndex(fewer, titles, FR), query, "fr")).items[0].id, 1007);
});
