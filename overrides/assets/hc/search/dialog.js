/* The header's search dialog. Its "/" shortcut lives in helpcentre.js, which is always loaded. */

export function openDialog() {
  const dialog = document.querySelector("[data-hc-search-dialog]");
  if (!dialog || typeof dialog.showModal !== "function") return;
  if (!dialog.open) dialog.showModal();
  dialog.querySelector(".hc-search__input").focus();
}

export function setUpDialog() {
  const dialog = document.querySelector("[data-hc-search-dialog]");
  const opener = document.querySelector("[data-hc-search-open]");
  if (!dialog || !opener || typeof dialog.showModal !== "function" || opener.hasAttribute("data-hc-ready")) return;
  opener.setAttribute("data-hc-ready", "");
  opener.addEventListener("click", openDialog);
  dialog.querySelector("[data-hc-search-close]").addEventListener("click", function () { dialog.close(); opener.focus(); });
  dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
}
