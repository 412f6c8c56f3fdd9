// Our article format ("hc-article"): front matter between --- lines, a blank line, the answer in Markdown.
// Reading keeps each key's text as written; writing puts back that text for every value the writer left as it
// was, so an untouched article is saved byte for byte. A changed or new value is written the way `make new`
// writes it: keys in the order of the front matter's fields table (hooks/helpcentre/content/fields.py, handed
// over in editor.json), quoted titles, lists in brackets, dates as YYYY-MM-DD, fields at their default left out.
import { parse } from "yaml";

const written = new Map(); // key + value as JSON -> the key's lines as the file had them

const remember = (key, value, lines) => written.set(`${key}\u0000${JSON.stringify(value)}`, lines);
const recalled = (key, value) => written.get(`${key}\u0000${JSON.stringify(value)}`);

/** The front matter's text and the answer after it (one blank line between them is the format's). */
function split(text) {
  const normal = text.replace(/\r\n/g, "\n");
  const match = /^---\n([\s\S]*?\n)?---(?:\n|$)/.exec(normal);
  if (!match) {
    return { front: "", body: normal };
  }
  return { front: match[1] ?? "", body: normal.slice(match[0].length).replace(/^\n/, "") };
}

/** Each top-level key's lines: its own and the indented ones after it. */
function keyLines(front) {
  const found = new Map();
  let key = null;
  for (const line of front.split("\n").slice(0, -1)) {
    const start = /^([A-Za-z_][\w-]*):/.exec(line);
    if (start) {
      key = start[1];
      found.set(key, `${line}\n`);
    } else if (key !== null) {
      found.set(key, found.get(key) + `${line}\n`);
    }
  }
  return found;
}

export function fromFile(text) {
  const { front, body } = split(text);
  const data = front.trim() ? parse(front) ?? {} : {};
  const lines = keyLines(front);
  for (const [key, value] of Object.entries(data)) {
    if (lines.has(key)) {
      remember(key, value, lines.get(key));
    }
  }
  return { ...data, body };
}

const PLAIN = /^[\p{L}\p{N}][\p{L}\p{N} .,'’/@()_+-]*$/u;
const SPECIAL = /^(true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9_.:eE+-]*)$/i;

function scalar(value, { quoted = false, inList = false } = {}) {
  if (typeof value === "number" || typeof value === "boolean") {
    return String(value);
  }
  const text = String(value);
  const plain = PLAIN.test(text) && !SPECIAL.test(text) && text === text.trim() && !(inList && /[,[\]]/.test(text));
  const isDate = /^\d{4}-\d{2}-\d{2}$/.test(text);
  return !quoted && (plain || isDate) ? text : JSON.stringify(text);
}

function isDefault(value, fallback) {
  if (value === undefined || value === null || value === "") {
    return true;
  }
  if (Array.isArray(value)) {
    return value.length === 0;
  }
  return fallback !== undefined && JSON.stringify(value) === JSON.stringify(fallback);
}

/** The format for the front-matter table handed over by the build (editor.json's "fields"). */
export function format(table) {
  const order = table.map((field) => field.key);
  const byKey = Object.fromEntries(table.map((field) => [field.key, field]));
  const toFile = (data) => {
    const keys = [...order, ...Object.keys(data).filter((key) => !order.includes(key) && key !== "body")];
    let front = "";
    for (const key of keys) {
      // A list's empty rows (the editor shows one in an empty list) are no value.
      const value = Array.isArray(data[key])
        ? data[key].filter((item) => item !== "" && item !== null && item !== undefined)
        : data[key];
      const kept = recalled(key, value);
      if (kept !== undefined) {
        front += kept;
      } else if (!isDefault(value, byKey[key]?.default)) {
        const quoted = Boolean(byKey[key]?.quoted);
        const text = Array.isArray(value)
          ? `[${value.map((item) => scalar(item, { inList: true })).join(", ")}]`
          : scalar(value, { quoted });
        front += `${key}: ${text}\n`;
      }
    }
    const body = String(data.body ?? "");
    return `---\n${front}---\n\n${body.endsWith("\n") || !body ? body : `${body}\n`}`;
  };
  return { fromFile, toFile };
}
