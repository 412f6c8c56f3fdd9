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
