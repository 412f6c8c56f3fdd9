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

/* Which MINI do you have: the answers for the reader's car first, in every list marked data-hc-sort (the
   others after them, each list's order kept otherwise), before the first paint and again on "hc:car"
   (helpcentre/car.js). An item's data-hc-for names its cars; it is for another car when it names another
   value of a dimension the reader chose and not the reader's. The dimensions are the choice's radio groups. */
(function () {
  "use strict";
  var root = document.documentElement;
  function sort() {
    var chosen = (root.getAttribute("data-hc-car") || "").split(" ");
    var groups = {};
    document.querySelectorAll("#hc-car-dialog input[value]").forEach(function (input) {
      if (input.value) (groups[input.name] = groups[input.name] || []).push(input.value);
    });
    var rivals = [];
    Object.keys(groups).forEach(function (name) {
      if (groups[name].some(function (v) { return chosen.indexOf(v) >= 0; })) rivals.push(groups[name]);
    });
    function other(item) {
      var cars = (item.getAttribute("data-hc-for") || "").split(" ");
      return rivals.some(function (group) {
        var mine = group.filter(function (v) { return chosen.indexOf(v) >= 0; });
        return !cars.some(function (v) { return mine.indexOf(v) >= 0; }) && cars.some(function (v) { return group.indexOf(v) >= 0; });
      }) ? 1 : 0;
    }
    document.querySelectorAll("[data-hc-sort]").forEach(function (list) {
      var items = Array.prototype.filter.call(list.children, function (e) { return e.hasAttribute("data-article"); });
      items.forEach(function (e, i) { if (!e.hasAttribute("data-hc-i")) e.setAttribute("data-hc-i", i); });
      items.sort(function (a, b) { return other(a) - other(b) || a.getAttribute("data-hc-i") - b.getAttribute("data-hc-i"); });
      items.forEach(function (e) { list.appendChild(e); });
    });
  }
  sort();
  document.addEventListener("hc:car", sort);
})();
