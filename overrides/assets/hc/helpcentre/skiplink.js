/* The skip link moves the keyboard focus itself, whatever Material does with in-page links. */

export function skipLinks() {
  document.addEventListener("click", function (event) {
    const link = event.target.closest && event.target.closest("a.hc-skip");
    const target = link && document.getElementById(link.hash.slice(1));
    if (!target) return;
    event.preventDefault();
    target.setAttribute("tabindex", "-1");
    target.focus();
    target.addEventListener("blur", function () { target.removeAttribute("tabindex"); }, { once: true });
  });
}
