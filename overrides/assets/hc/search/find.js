/* One query answered where the reader is: from the page's language, else (when that finds nothing) from
   each other language's index in fallback order until one finds something, its results marked with that
   language (result.js) so links carry hreflang and a label. */

import { indexOf, otherLanguages } from "./bundles.js";
import { inOtherLanguage } from "./result.js";
import { retrieve } from "./retrieval.js";
import { message } from "./widgets.js";

export async function answer(el, query, correct = true) {
  const own = await retrieve(indexOf(el), query, el.getAttribute("data-lang"), { correct });
  if (own.items.length) return { found: own, other: null };
  for (const lang of otherLanguages(el)) {
    const index = indexOf(el, lang);
    if (!index) continue;
    const theirs = await retrieve(index, query, lang, { correct });
    if (!theirs.items.length) continue;
    const marked = { lang, label: message(el, "in-" + lang + "-label") };
    const items = theirs.items.map(function (item) { return Object.assign({}, item, { result: inOtherLanguage(item.result, marked) }); });
    return { found: Object.assign({}, theirs, { items }), other: marked };
  }
  return { found: own, other: null };
}
