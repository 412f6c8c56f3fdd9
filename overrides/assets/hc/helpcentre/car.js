/* "Which MINI do you have?": the control under the header opens the choice; a choice is kept in this browser
   only (localStorage "hc-car": the values, space-separated, or "-" for "I don't know"), set on the root
   element, where the styles and the lists read it, and told with "hc:car" ({ car }) on the document. */

const KEY = "hc-car";

export function carChoice() {
  const dialog = document.getElementById("hc-car-dialog");
  const button = document.querySelector(".hc-car__button");
  if (!dialog || !button || typeof dialog.showModal !== "function" || button.hcWired) return;
  button.hcWired = true;
  const root = document.documentElement;
  button.addEventListener("click", function () {
    const chosen = (root.getAttribute("data-hc-car") || "").split(" ");
    dialog.querySelectorAll("input[type='radio']").forEach(function (input) {
      input.checked = input.value ? chosen.indexOf(input.value) >= 0 : chosen[0] === "-";
    });
    dialog.showModal();
  });
  dialog.addEventListener("change", function () {
    const values = Array.prototype.map.call(dialog.querySelectorAll("input:checked"), function (input) { return input.value; });
    const car = values.filter(Boolean).join(" ") || "-";
    try { window.localStorage.setItem(KEY, car); } catch { /* storage refused: the choice lasts for this page */ }
    root.setAttribute("data-hc-car", car);
    document.dispatchEvent(new CustomEvent("hc:car", { detail: { car } }));
  });
  dialog.addEventListener("close", function () { button.focus(); });
}
