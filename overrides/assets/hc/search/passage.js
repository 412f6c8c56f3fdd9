/* What the assistant shows of an answer: plain functions on the answer's parts, no DOM.

   An answer file (hooks/helpcentre/answerparts.py, pagefind/parts-<lang>/<id>.json) holds { blocks, anchors? }:
   a block is a node, a node is a string (text) or [tag, child, ...], a link ["a", href, child, ...]. A short
   answer has no anchors and is shown whole; a long one has an id per block, and the box shows the block that
   has most of the question's words (with the line that leads into it), linked to that place in the article. */

import { foundItself } from "./text.js";

/* The text of a node. */
export function nodeText(node) {
  if (typeof node === "string") return node;
  if (!Array.isArray(node)) return "";
  return node.slice(node[0] === "a" ? 2 : 1).map(nodeText).join(node[0] === "ol" || node[0] === "ul" ? " " : "");
}

function wordsOf(text) {
  return String(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/* How many of the question's ``words`` a block has (a form of the word counts: "remplacer" in "remplacez"). */
export function score(block, words) {
  const have = wordsOf(nodeText(block));
  return words.filter(function (word) { return foundItself(word, have); }).length;
}

/* A paragraph that leads into what follows: a heading shown in bold, or a sentence ending with a colon. */
function leadsIn(block) {
  if (!Array.isArray(block) || block[0] !== "p") return false;
  const heading = block.length === 2 && Array.isArray(block[1]) && block[1][0] === "strong";
  return heading || /:\s*$/.test(nodeText(block));
}

function isList(block) { return Array.isArray(block) && (block[0] === "ol" || block[0] === "ul"); }

/* { blocks, anchor, whole }: the whole of a short answer; for a long one, the best-matching block, with the
   paragraph leading into it or the list it leads into, and the id of where it starts in the article. */
export function passage(answer, words) {
  const blocks = (answer && Array.isArray(answer.blocks)) ? answer.blocks : [];
  const anchors = answer && Array.isArray(answer.anchors) ? answer.anchors : null;
  if (!anchors || anchors.length !== blocks.length || blocks.length < 2) return { blocks, anchor: null, whole: true };
  let best = 0;
  let bestScore = -1;
  blocks.forEach(function (block, i) {
    const s = score(block, words);
    if (s > bestScore) { best = i; bestScore = s; }
  });
  let first = best;
  let last = best;
  if (leadsIn(blocks[best]) && best + 1 < blocks.length) last = best + 1;
  else if (isList(blocks[best]) && best > 0 && leadsIn(blocks[best - 1])) first = best - 1;
  return { blocks: blocks.slice(first, last + 1), anchor: anchors[first] || null, whole: false };
}

/* Bold (**words**) in a line of an endpoint's text, as nodes. */
function inline(text) {
  const nodes = [];
  String(text).split(/(\*\*[^*]+\*\*)/).forEach(function (part) {
    if (!part) return;
    nodes.push(/^\*\*[^*]+\*\*$/.test(part) ? ["strong", part.slice(2, -2)] : part);
  });
  return nodes;
}

const ORDERED = /^\s*\d+[.)]\s+/;
const BULLET = /^\s*[-*•]\s+/;

/* An endpoint's answer text as blocks: paragraphs at blank lines; lines that all start "1." or "-" as a
   numbered or bulleted list; **bold**. Only text and those few tags: the text is never read as HTML. */
export function textBlocks(text) {
  return String(text || "").replace(/\r\n?/g, "\n").split(/\n\s*\n/).map(function (chunk) {
    const lines = chunk.split("\n").filter(function (line) { return line.trim(); });
    if (!lines.length) return null;
    for (const [pattern, tag] of [[ORDERED, "ol"], [BULLET, "ul"]]) {
      if (lines.every(function (line) { return pattern.test(line); })) {
        return [tag, ...lines.map(function (line) { return ["li", ...inline(line.replace(pattern, ""))]; })];
      }
    }
    return ["p", ...inline(lines.join(" "))];
  }).filter(Boolean);
}

/* The start of an answer's text, as a teaser: about ``length`` characters, cut at a word. */
export function teaser(blocks, length = 170) {
  const text = blocks.map(nodeText).join(" ").replace(/\s+/g, " ").trim();
  if (text.length <= length) return text;
  return text.slice(0, length).replace(/\s+\S*$/, "") + "…";
}
