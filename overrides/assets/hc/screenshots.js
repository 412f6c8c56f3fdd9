/* A closer look at a screenshot: tapping one opens it at full size in the page's native modal <dialog>
   (partials/hc/shot-dialog.html), named by its alt text; Escape, the close button or a tap beside the
   image closes it and focus returns to the screenshot. Without this script each screenshot is a plain link
   to its full image. Loaded only on pages with screenshots. */
(function () {
  "use strict";

  var dialog = document.querySelector("[data-hc-shot-dialog]");
  if (!dialog || typeof dialog.showModal !== "function") return;
  var image = null; /* made on the first opening: an <img> without its src is not valid HTML */
  var opener = null;

  function imageOf() {
    if (!image) {
      image = document.createElement("img");
      image.className = "hc-shot-dialog__image";
      dialog.appendChild(image);
    }
    return image;
  }

  function open(link) {
    var shown = link.querySelector("img");
    var alt = shown ? shown.getAttribute("alt") : "";
    var full = imageOf();
    full.src = link.getAttribute("href");
    full.alt = alt;
    ["width", "height"].forEach(function (side) {
      if (shown && shown.getAttribute(side)) full.setAttribute(side, shown.getAttribute(side));
    });
    dialog.setAttribute("aria-label", alt);
    opener = link;
    dialog.showModal();
    dialog.querySelector("[data-hc-shot-close]").focus();
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.hc-shot__open");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    open(link);
  });
  dialog.querySelector("[data-hc-shot-close]").addEventListener("click", function () { dialog.close(); });
  /* The close button is the dialog's one control: Tab stays on it rather than leaving for the browser's own. */
  dialog.addEventListener("keydown", function (event) {
    if (event.key !== "Tab") return;
    event.preventDefault();
    dialog.querySelector("[data-hc-shot-close]").focus();
  });
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) dialog.close(); /* a tap on the backdrop */
  });
  dialog.addEventListener("close", function () {
    if (image) image.removeAttribute("src");
    if (opener) opener.focus();
    opener = null;
  });
}());
