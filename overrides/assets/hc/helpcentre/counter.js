/* The assistant's "n / max characters" under its field, and the field kept within max. */

export function assistantCounter(root) {
  root.querySelectorAll("[data-hc='assistant']").forEach(function (box) {
    const input = box.querySelector(".hc-assistant__input");
    const counter = box.querySelector(".hc-assistant__counter");
    const max = parseInt(box.getAttribute("data-max"), 10) || 200;
    if (!input || input.hcCounted) return;
    input.hcCounted = true;
    const update = function () {
      if (input.value.length > max) input.value = input.value.slice(0, max);
      counter.textContent = box.getAttribute("data-counter").replace("{n}", input.value.length).replace("{max}", max);
    };
    input.addEventListener("input", update);
    update();
  });
}
