/* One query answered where the reader is: from the page's language, else (when that finds nothing) from
   the other language's index, its results marked with that language (result.js) so links carry hreflang and
   a label. */

import { indexOf } from "./bundles.js";
import { inOtherLanguage } from "./result.js";
import { retrieve } from "./retrieval.js";
import { message } from "./widgets.js";

export async function answer(el, query, correct = true) {
  const own = await retrieve(indexOf(el), query, el.getAttribute("data-lang"), { correct });
  const other = own.items.length ? null : indexOf(el, "other-");
  if (!other) return { found: own, other: null };
  const theirs = await retrieve(other, query, other.lang, { correct });
  if (!theirs.items.length) return { found: own, other: null };
  const marked = { lang: other.lang, label: message(el, "other-label") };
  const items = theirs.items.map(function (item) { return Object.assign({}, item, { result: inOtherLanguage(item.result, marked) }); });
  return { found: Object.assign({}, theirs, { items }), other: marked };
}
