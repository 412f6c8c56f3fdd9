/* Writing results into the page: only ever text nodes and elements made here, never HTML from the index
   or from what a reader typed. */

const decoder = document.createElement("textarea");

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

/* A link to an article (``data.url``: an index's own address, or one made safe with safeUrl); ``other`` =
   { lang, label } marks an answer in the other language. */
export function articleLink(data, className, other) {
  const a = document.createElement("a");
  a.className = className;
  a.setAttribute("href", data.url);
  a.textContent = (data.meta && data.meta.title) || data.url;
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

export function busy(el, on) {
  if (on) el.setAttribute("aria-busy", "true");
  else el.removeAttribute("aria-busy");
}
