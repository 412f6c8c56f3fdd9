/* One query answered where the reader is: from the page's language, else (when that finds nothing) from
   the other language's index, marked with that language so links carry hreflang and a label. */

import { indexOf } from "./bundles.js";
import { retrieve } from "./retrieval.js";
import { message } from "./widgets.js";

export async function answer(el, query, correct = true) {
  const own = await retrieve(indexOf(el), query, el.getAttribute("data-lang"), { correct });
  const other = own.items.length ? null : indexOf(el, "other-");
  if (!other) return { found: own, other: null };
  const theirs = await retrieve(other, query, other.lang, { correct });
  if (!theirs.items.length) return { found: own, other: null };
  return { found: theirs, other: { lang: other.lang, label: message(el, "other-label") } };
}
