/* Runs before Material's bundle. Material fetches "sitemap.xml" beside every <link rel="alternate"> for
   its own language selector, which we replace with a plain link. Our alternates are absolute URLs for
   search engines, so from any other copy of the site (a preview, a file, a test server) those fetches
   would reach the production host: hide them from Material. The served HTML keeps them for crawlers. */
(function () {
  "use strict";
  var links = document.querySelectorAll('link[rel="alternate"][hreflang]');
  for (var i = 0; i < links.length; i++) {
    links[i].setAttribute("data-hc-alternate", "");
    links[i].removeAttribute("rel");
  }
})();

/* Which MINI do you have? The choice (a disclosure under the header, its Done button closing it) is
   kept in this browser only: localStorage "hc-car" (the values, space-separated; "-" for "I don't know"), read
   before the first paint by the head script (partials/hc/car-early.html) onto the root element, where the
   styles and search (search/render.js) read it. The answers for the reader's car come first
   in every list marked data-hc-sort, the others after, each group in its order; an answer is for another car
   when the styles show its "For other MINI" (the rules pages.cars writes from data/vehicles.yml): one place
   decides. */
(() => {
  const root = document.documentElement;
  const box = document.getElementById("hc-car-dialog");
  const sort = () => document.querySelectorAll("[data-hc-sort]").forEach((list) => {
    const items = [...list.children].filter((e) => e.hasAttribute("data-article"));
    items.forEach((e, i) => {
      const mark = e.querySelector(".hc-for__other");
      e.hcAt ||= i + 1;
      e.hcOther = mark && getComputedStyle(mark).display !== "none" ? 1 : 0;
    });
    items.sort((a, b) => a.hcOther - b.hcOther || a.hcAt - b.hcAt).forEach((e) => list.append(e));
  });
  if (!box) return;
  /* Shown once parsed whole: a paint while the parser is inside it would show it half-built (even the browser's
     own "Details" before its summary), and it would move as it fills. Its row's height is kept meanwhile. */
  box.dataset.ready = "";
  const chosen = (root.dataset.hcCar || "").split(" ");
  box.querySelectorAll("input").forEach((i) => { i.checked = i.value ? chosen.includes(i.value) : chosen[0] === "-"; });
  box.querySelector("button").onclick = () => { box.open = false; box.firstElementChild.focus(); };
  box.addEventListener("change", () => {
    const car = [...box.querySelectorAll(":checked")].map((i) => i.value).filter(Boolean).join(" ") || "-";
    try { localStorage.setItem("hc-car", car); } catch { /* refused: the choice lasts for this page */ }
    root.dataset.hcCar = car;
    sort();
  });
  sort();
})();
