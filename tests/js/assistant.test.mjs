// The assistant's plain parts, called directly: which part of an answer the box shows, an endpoint's text as
// blocks, and the allowlist rebuild (on a tiny stand-in for the DOM). Run by `make test` (node --test tests/js/).
import assert from "node:assert/strict";
import test from "node:test";

import { passage, score, teaser, textBlocks } from "../../overrides/assets/hc/search/passage.js";

const STEPS = {
  blocks: [["p", "You can replace the battery yourself."], ["ol", ["li", "Press ", ["strong", "Unlock"], "."], ["li", "Lift the cover."]]]
};

const LONG = {
  blocks: [
    ["p", "Central locking works with the remote control of the car."],
    ["p", ["strong", "Spare battery"]],
    ["ol", ["li", "Buy a CR2032 battery."], ["li", "Keep it dry."]],
    ["p", "To lock the doors from the app:"],
    ["ul", ["li", "Open the app."], ["li", "Choose ", ["strong", "Lock"], "."]],
    ["p", "The alarm sounds when a door is forced."]
  ],
  anchors: ["hc-part-1", "spare", "hc-part-3", "hc-part-4", "hc-part-5", "hc-part-6"]
};

test("a short answer is shown whole, steps and bold labels included", () => {
  assert.deepEqual(passage(STEPS, ["battery"]), { blocks: STEPS.blocks, anchor: null, whole: true });
});

test("a long answer shows the block with most of the question's words, with what leads into it", () => {
  assert.deepEqual(passage(LONG, ["alarm", "door"]), { blocks: [LONG.blocks[5]], anchor: "hc-part-6", whole: false });
  // A list shows with the sentence that introduces it, linked from that sentence.
  assert.deepEqual(passage(LONG, ["app", "open"]).anchor, "hc-part-4");
  assert.equal(passage(LONG, ["app", "open"]).blocks.length, 2);
  // A heading shows with the block it heads.
  assert.deepEqual(passage(LONG, ["spare"]), { blocks: LONG.blocks.slice(1, 3), anchor: "spare", whole: false });
  assert.equal(score(["p", "Remplacez la pile"], ["remplacer", "pile", "clé"]), 2); // a form of the word counts
  assert.equal(passage(LONG, ["zorglub"]).anchor, "hc-part-1"); // nothing matches: the start
});

test("an endpoint's text becomes paragraphs, lists and bold, never markup", () => {
  const text = "Do this <img src=x onerror=alert(1)>:\n\n1. Press **Unlock**.\n2) Lift\n\n- one\n* two\n\nDone.";
  assert.deepEqual(textBlocks(text), [
    ["p", "Do this <img src=x onerror=alert(1)>:"],
    ["ol", ["li", "Press ", ["strong", "Unlock"], "."], ["li", "Lift"]],
    ["ul", ["li", "one"], ["li", "two"]],
    ["p", "Done."]
  ]);
  assert.deepEqual(textBlocks(""), []);
  assert.equal(teaser(STEPS.blocks, 40), "You can replace the battery yourself.…");
  assert.equal(teaser(STEPS.blocks), "You can replace the battery yourself. Press Unlock. Lift the cover.");
});

// A stand-in for the few DOM calls answerview.js makes, recording what it builds.
function fakeDom() {
  const element = (tag) => ({
    tag, attributes: {}, children: [],
    setAttribute(name, value) { this.attributes[name] = String(value); },
    appendChild(child) { this.children.push(child); return child; }
  });
  globalThis.window = { location: { origin: "https://help.example", href: "https://help.example/fr/index.html" } };
  globalThis.document = {
    createElement: element,
    createDocumentFragment: () => element("#fragment"),
    createTextNode: (text) => ({ text })
  };
}

function html(node) {
  if ("text" in node) return node.text.replace(/</g, "&lt;");
  const inner = node.children.map(html).join("");
  if (node.tag === "#fragment") return inner;
  const attributes = Object.entries(node.attributes).map(([k, v]) => ` ${k}="${v}"`).join("");
  return `<${node.tag}${attributes}>${inner}</${node.tag}>`;
}

test("the rebuild makes only allowed elements, text as text, and links to our own pages only", async () => {
  fakeDom();
  const { rebuild } = await import("../../overrides/assets/hc/search/answerview.js");
  const blocks = [
    ["p", "See ", ["a", "../my-account/x.html#top", "this"], " and ", ["a", "https://evil.example/", "that"],
      " or ", ["a", "javascript:alert(1)", "run"], " ", ["script", "alert(2)"], ["img", "x"], ["code", "<b>"]],
    ["ol", ["li", ["strong", "Lock"], ["span", " now"]]],
    "<i>text</i>"
  ];
  assert.equal(
    html(rebuild(blocks, "https://help.example/fr/keys/key-battery.html")),
    '<p>See <a href="https://help.example/fr/my-account/x.html#top">this</a> and that or run alert(2)x' +
      "<code>&lt;b></code></p><ol><li><strong>Lock</strong> now</li></ol>&lt;i>text&lt;/i>"
  );
});

test("a screenshot's addresses are this site's only, and without the button's words there is no screenshot", async () => {
  fakeDom();
  const { rebuild, shotImage } = await import("../../overrides/assets/hc/search/answerview.js");
  const base = "https://help.example/fr/keys/key-battery.html";
  const data = { src: "../../assets/shots/a.1.800.png", srcset: "../../assets/shots/a.1.400.webp 400w, https://evil.example/x.webp 800w, javascript:x 9w",
    alt: "La clé", width: 1600, height: "1000" };
  assert.deepEqual(shotImage(data, base), { src: "https://help.example/assets/shots/a.1.800.png",
    srcset: "https://help.example/assets/shots/a.1.400.webp 400w", alt: "La clé", width: 1600, height: null });
  assert.equal(shotImage({ ...data, src: "https://evil.example/a.png" }, base), null);
  assert.equal(shotImage("../a.png", base), null);
  assert.equal(html(rebuild([["ol", ["li", "Press.", ["shot", data]]]], base)), "<ol><li>Press.</li></ol>");
});
