/* Writing results into the page: only ever text nodes and elements made here, never HTML from the index
   or from what a reader typed. */

const decoder = document.createElement("textarea");

/* The reader's car as chosen in this browser (early head script): a promise of { first(items, resultOf),
   other(cars), label }. Its rules (cars.js) load only once a car is chosen; without a choice, or with "I don't
   know" ("-"), every answer keeps its place and none is marked. The last one given marks ``resultItem``'s. */
const NO_CHOICE = Object.freeze({ first: function (items) { return items; }, other: function () { return false; }, label: "" });
let reader = NO_CHOICE;
let carsModule = null;

export function readerCar() {
  const chosen = (document.documentElement.getAttribute("data-hc-car") || "").split(" ").filter(function (v) { return v && v !== "-"; });
  if (!chosen.length) return Promise.resolve(reader = NO_CHOICE);
  carsModule = carsModule || import("./cars.js");
  return carsModule.then(function (cars) { return (reader = cars.readerOf(chosen)); }, function () { return (reader = NO_CHOICE); });
}

function decode(html) { decoder.innerHTML = html; return decoder.value; }

/* Pagefind's excerpt is escaped text with <mark> around matches: rebuilt from text nodes only. */
export function highlighted(excerpt) {
  const fragment = document.createDocumentFragment();
  let marked = false;
  String(excerpt || "").split(/(<mark>|<\/mark>)/).forEach(function (part) {
    if (part === "<mark>" || part === "</mark>") { marked = part === "<mark>"; return; }
    const text = document.createTextNode(decode(part).replace(/<[^>]*>/g, ""));
    if (marked) { const mark = document.createElement("mark"); mark.appendChild(text); fragment.appendChild(mark); }
    else { fragment.appendChild(text); }
  });
  return fragment;
}

/* Only our own kinds of link: http(s) and file pages, never javascript: or data:. */
export function safeUrl(url) {
  try {
    const parsed = new URL(url, window.location.href);
    return /^https?:$/.test(parsed.protocol) || parsed.protocol === "file:" ? parsed.href : "#";
  } catch { return "#"; }
}

/* A link to an article's page (``url``: an index's own address, or one checked to be this site's); ``other`` =
   { lang, label } marks an answer in the other language: the link says which, in that language. */
export function articleLink(url, text, className, other) {
  const a = document.createElement("a");
  a.className = className;
  a.setAttribute("href", url);
  a.textContent = text || url;
  if (other) {
    a.hreflang = other.lang;
    a.lang = other.lang;
    const label = document.createElement("span");
    label.className = "hc-search__language";
    label.textContent = " (" + other.label + ")";
    const wrapper = document.createDocumentFragment();
    wrapper.appendChild(a);
    wrapper.appendChild(label);
    return wrapper;
  }
  return a;
}

function textOf(result, className, excerpt) {
  const p = document.createElement("p");
  if (className) p.className = className;
  if (result.other) p.lang = result.other.lang;
  if (excerpt && result.excerpt) p.appendChild(highlighted(result.excerpt));
  else p.textContent = result.teaser;
  return p;
}

/* One result (result.js) in a list, the same in the search box, the header dialog and the assistant's other
   suggestions: its category, its question linked to its page, then its excerpt (the words found, marked)
   or its teaser. ``look`` names each part's class: { item, link, text }; ``text: null`` lists the link
   alone; ``excerpt: false`` shows the teaser even when there is an excerpt. */
export function resultItem(result, look) {
  const li = document.createElement("li");
  if (look.item) li.className = look.item;
  li.setAttribute("data-id", result.id);
  if (result.category) {
    const category = document.createElement("span");
    category.className = "hc-result__category";
    if (result.other) category.lang = result.other.lang;
    category.textContent = result.category;
    li.appendChild(category);
  }
  li.appendChild(articleLink(result.url, result.title, look.link, result.other));
  if (reader.other(result.cars)) {
    const mark = document.createElement("span");
    mark.className = "hc-for hc-for--other";
    mark.textContent = reader.label;
    li.appendChild(mark);
  }
  if (look.text !== null) li.appendChild(textOf(result, look.text, look.excerpt !== false));
  return li;
}

export function busy(el, on) {
  if (on) el.setAttribute("aria-busy", "true");
  else el.removeAttribute("aria-busy");
}
