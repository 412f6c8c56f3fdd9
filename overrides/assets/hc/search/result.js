/* One result model for every place that lists or shows an article: the search box, the header dialog, the
   404 pages and the answer assistant. The only module that knows the names of Pagefind's metadata, which
   overrides/partials/hc/search-record.html writes; every other module reads plain results. Plain functions,
   no DOM, so Node tests call them directly.

   A result is { id, url, title, category, teaser, excerpt, views, synonyms, lang, other }:
   - ``id``: the article's id as text ("" when unknown); ``url``: its page, as the index or the site gives it;
   - ``title``: the question; ``category``: its category's name in the result's language ("" when unknown);
   - ``teaser``: the start of the answer, plain text; ``excerpt``: Pagefind's excerpt (escaped text with
     <mark> around the words found), "" when the result does not come from a search;
   - ``views``: its page views, for ranking; ``synonyms``: the words and phrases it is also found by
     (data/synonyms/, the members of the groups it uses that its text does not), [] when unknown;
   - ``lang``: the language its text is in;
   - ``other``: { lang, label } when it comes from the other language's index (links then say so), else null;
   - ``cars``: the cars it is for (values of data/vehicles.yml, its metadata "cars"), [] for every car. */

import { teaser as teaserOf } from "./passage.js";

/* Pagefind's metadata of a record, with the weight each has when Pagefind matches a word: the question and
   the synonyms (data/synonyms/) and the screenshots' alt texts and captions count; the others are there for
   display and ranking only, and must be named here with 0, or Pagefind would match words in them. A field is added here and in search-record.html. */
export const META_WEIGHTS = Object.freeze({ title: 5, synonyms: 1, pictures: 1, views: 0, teaser: 0, id: 0, category: 0, cars: 0 });

function text(value) { return value === undefined || value === null ? "" : String(value); }

/* A Pagefind result's data (its fragment: { url, excerpt, meta }) from an index in ``lang``; ``other`` as
   above. */
export function fromPagefind(data, lang, other = null) {
  const meta = (data && data.meta) || {};
  const url = text(data && data.url);
  return {
    id: text(meta.id),
    url,
    title: text(meta.title) || url,
    category: text(meta.category),
    teaser: text(meta.teaser),
    excerpt: text(data && data.excerpt),
    views: parseInt(meta.views, 10) || 0,
    synonyms: text(meta.synonyms).split(", ").filter(Boolean),
    lang: text(lang),
    other,
    cars: text(meta.cars).split(" ").filter(Boolean)
  };
}

/* An article's answer file (hooks/helpcentre/answerparts.py: { id, title, url, blocks, ... }) as a result,
   e.g. an article an endpoint cited; ``url`` is its address once checked to be this site's own. */
export function fromAnswerFile(file, url, lang) {
  return {
    id: text(file.id),
    url,
    title: text(file.title),
    category: "",
    teaser: teaserOf(Array.isArray(file.blocks) ? file.blocks : []),
    excerpt: "",
    views: 0,
    synonyms: [],
    lang: text(lang),
    other: null,
    cars: []
  };
}

/* ``result`` as found in the other language's index: marked so that its links and text carry that language. */
export function inOtherLanguage(result, other) {
  return Object.assign({}, result, { lang: other.lang, other });
}
