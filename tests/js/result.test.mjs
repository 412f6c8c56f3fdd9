// The one result model: what a Pagefind result or an answer file becomes before any widget shows it, and the
// metadata the build writes read in one place. Run by `make test` (node --test tests/js/).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import test from "node:test";

import { forOtherCar, forReader } from "../../overrides/assets/hc/search/cars.js";
import { META_WEIGHTS, fromAnswerFile, fromPagefind, inOtherLanguage } from "../../overrides/assets/hc/search/result.js";

const RECORD = new URL("../../overrides/partials/hc/search-record.html", import.meta.url);

test("a Pagefind result becomes the result every list shows: question, category, teaser, excerpt, id", () => {
  const data = {
    url: "/fr/mon-compte/mot-de-passe.html",
    excerpt: "Réinitialisez votre <mark>mot</mark> de passe",
    meta: { id: "2002", title: "Mot de passe oublié ?", category: "Mon compte MINI", teaser: "Choisissez « Mot de passe oublié ».", views: "1520", synonyms: "mdp, password, ne me souviens plus" }
  };
  assert.deepEqual(fromPagefind(data, "fr"), {
    id: "2002",
    url: "/fr/mon-compte/mot-de-passe.html",
    title: "Mot de passe oublié ?",
    category: "Mon compte MINI",
    teaser: "Choisissez « Mot de passe oublié ».",
    excerpt: "Réinitialisez votre <mark>mot</mark> de passe",
    views: 1520,
    synonyms: ["mdp", "password", "ne me souviens plus"],
    lang: "fr",
    other: null,
    cars: []
  });
});

test("a record without some metadata still gives a result with a title: its address, and no category", () => {
  const result = fromPagefind({ url: "/en/x.html", meta: { views: "many" } }, "en");
  assert.deepEqual([result.title, result.category, result.teaser, result.excerpt, result.id, result.views, result.synonyms], ["/en/x.html", "", "", "", "", 0, []]);
});

test("an answer file (an endpoint's cited article) becomes a result with its teaser from the answer", () => {
  const file = { id: 3002, title: "How do I replace the key battery?", url: "en/keys/battery.html", blocks: [["p", "Open the cover."], ["ol", ["li", "Lift it."]]] };
  const result = fromAnswerFile(file, "http://example.test/en/keys/battery.html", "en");
  assert.deepEqual([result.id, result.title, result.url, result.teaser, result.category, result.other],
    ["3002", "How do I replace the key battery?", "http://example.test/en/keys/battery.html", "Open the cover. Lift it.", "", null]);
});

test("a result from the other language's index carries that language and its label", () => {
  const other = { lang: "en", label: "English" };
  const result = inOtherLanguage(fromPagefind({ url: "/x.html", meta: { title: "Refund" } }, "fr"), other);
  assert.deepEqual([result.lang, result.other, result.title], ["en", other, "Refund"]);
});

test("every metadata key the search record writes has its weight here, and no other", () => {
  // A key the record writes but this module does not name would be searched at Pagefind's default weight.
  const written = [...readFileSync(RECORD, "utf-8").matchAll(/data-pagefind-meta="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual([...written].sort(), Object.keys(META_WEIGHTS).sort());
  assert.deepEqual(Object.entries(META_WEIGHTS).filter(([, weight]) => weight > 0).map(([key]) => key), ["title", "synonyms", "pictures"]);
});

test("the reader's car first, the others after, nothing left out (issue 32)", () => {
  const reader = { chosen: ["earlier"], groups: [["os9", "earlier"]] };
  const items = [{ id: "a", cars: ["os9"] }, { id: "b", cars: [] }, { id: "c", cars: ["earlier"] }, { id: "d", cars: ["os9"] }];
  assert.deepEqual(forReader(items, reader).map((r) => r.id), ["b", "c", "a", "d"]);
  assert.equal(forOtherCar(["os9"], reader), true);
  assert.equal(forOtherCar(["os9", "earlier"], reader), false);
  assert.equal(forOtherCar([], reader), false);
  const unknown = { chosen: [], groups: [["os9", "earlier"]] };
  assert.deepEqual(forReader(items, unknown).map((r) => r.id), ["a", "b", "c", "d"]);
  assert.deepEqual(fromPagefind({ url: "x.html", meta: { cars: "os9 earlier" } }, "en").cars, ["os9", "earlier"]);
  assert.deepEqual(fromPagefind({ url: "x.html", meta: {} }, "en").cars, []);
});
