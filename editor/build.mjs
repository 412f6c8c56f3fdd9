// Bundles src/editor.js and the pinned @sveltia/cms into dist/ (run by `make editor`): one ES module with
// its chunks, and the package's fonts, WebAssembly and worker, which its code finds beside it
// (new URL("assets/...", import.meta.url)). Nothing is fetched from a CDN at run time.
//
// What ships is kept small (README: Editing in the browser): the package can colour code in 240 languages and
// speaks 29 interface languages, each a chunk loaded on use (18 MB in all). Our writers write Markdown in English
// and French: code is coloured in the languages of KEEP_CODE (any other is shown plain), the interface speaks
// KEEP_LOCALES (any other browser language gets the English one), and the map widget, which our configuration
// never uses, is left out. Two addresses of another host are patched out of the package's code (PATCHES: each
// must be found, so an upgrade that moves them stops the build): its stylesheet's fonts from a CDN now point at
// the same fonts it ships (assets/), and the GitHub status check reads an empty answer instead of githubstatus.com
// (the editor then shows no status, as when that site is down). A third patch keeps the Image button's dialog to
// uploads: no "Enter URL" (a remote image, which make check refuses); a fourth keeps a screenshot indented under
// its step with that step in the preview. dist/startup.json lists the files the
// editor loads when it opens (the entry and the chunks it imports statically): the release precompresses those
// and no other.
import { build } from "esbuild";
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "dist");
const KEEP_CODE = new Set(["markdown", "yaml", "json", "html", "css", "javascript", "shellscript"]);
const KEEP_LOCALES = new Set(["en-US", "fr"]);
const MAP_WIDGET = /^(leaflet|terra-draw|terra-draw-leaflet-adapter)(\/|$)/;
const PACKAGE = join(here, "node_modules", "@sveltia", "cms", "npm");
const shipped = readdirSync(join(PACKAGE, "assets"));
// Joins each block that starts indented to the one before it, as Markdown reads them (the fourth patch).
const JOIN_INDENTED =
  '(joined,block)=>(/^[ \\t]/.test(block)&&joined.length?joined.push(joined.pop()+"\\n\\n"+block):joined.push(block),joined)';
const PATCHES = [
  {
    what: "the stylesheet's fonts from cdn.jsdelivr.net",
    find: /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([a-z0-9-]+)(?::vf)?@[\d.]+\/([a-z0-9-]+)\.woff2/g,
    replace: (found, family, subset) => {
      const local = shipped.find((name) => name.startsWith(`${family}-${subset}-`) && name.endsWith(".woff2"));
      if (!local) {
        throw new Error(`editor/build.mjs: no font in the package for ${found}`);
      }
      return `assets/${local}`;
    },
  },
  {
    what: "the status check on www.githubstatus.com",
    find: /https:\/\/www\.githubstatus\.com\/api\/v2\/status\.json/g,
    replace: () => "data:application/json,{}",
  },
  {
    // The Image button's form (the rich-text editor's built-in image component) offers "Enter URL" beside the
    // uploads: a remote image, which make check refuses. Its source field gets the Image field's own option off.
    what: "the built-in image component's source field",
    find: /\{name:`src`,label:(\w+)\(`editor_components\.src`\),widget:`image`\}/g,
    replace: (found) => `${found.slice(0, -1)},choose_url:!1}`,
  },
  {
    // The preview converts the answer block by block, cut at each blank line: a screenshot indented under its
    // step (README: Screenshots in answers) then stands alone and shows as a code block of escaped HTML. A
    // block that starts indented continues the one before it (a step's screenshot or second paragraph):
    // joined again, it is converted with its step.
    what: "the preview's split of Markdown into blocks",
    find: /(\w+)\.length&&(\w+)\.push\(\1\.join\(`\n`\)\),\2\}/g,
    replace: (found, current, blocks) =>
      `${current}.length&&${blocks}.push(${current}.join("\\n")),${blocks}.reduce(${JOIN_INDENTED},[])}`,
  },
];

const trim = {
  name: "helpcentre-trim",
  setup(build) {
    build.onResolve({ filter: /^@shikijs\/langs\/[\w-]+$/ }, (args) =>
      KEEP_CODE.has(args.path.split("/").pop()) ? undefined : { path: "no-grammar", namespace: "hc-trim" },
    );
    build.onResolve({ filter: /\/locales\/[\w-]+\.json$/ }, (args) =>
      KEEP_LOCALES.has(basename(args.path, ".json"))
        ? undefined
        : { path: join(args.resolveDir, dirname(args.path), "en-US.json") },
    );
    build.onResolve({ filter: MAP_WIDGET }, () => ({ path: "no-map", namespace: "hc-trim" }));
    build.onLoad({ filter: /[\\/]@sveltia[\\/]cms[\\/]npm[\\/]index\.js$/ }, (args) => {
      let contents = readFileSync(args.path, "utf8");
      for (const patch of PATCHES) {
        const before = contents;
        contents = contents.replace(patch.find, patch.replace);
        if (contents === before) {
          throw new Error(`editor/build.mjs: ${patch.what} not found in @sveltia/cms: check PATCHES after an upgrade`);
        }
      }
      return { contents, loader: "js" };
    });
    build.onLoad({ filter: /^no-grammar$/, namespace: "hc-trim" }, () => ({ contents: "export default [];" }));
    build.onLoad({ filter: /^no-map$/, namespace: "hc-trim" }, () => ({
      contents: 'throw new Error("The map widget is not bundled (editor/build.mjs)");',
    }));
  },
};

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const result = await build({
  entryPoints: { editor: join(here, "src", "editor.js") },
  bundle: true,
  format: "esm",
  splitting: true,
  minify: true,
  legalComments: "linked",
  target: "es2022",
  outdir: out,
  // Chunks beside the entry: the package resolves its assets against each chunk's own address.
  chunkNames: "[name]-[hash]",
  plugins: [trim],
  metafile: true,
  logLevel: "warning",
});

// The entry and every chunk it imports statically, transitively: what opening the editor loads.
const outputs = result.metafile.outputs;
const startup = new Set();
const visit = (path) => {
  if (startup.has(path) || !outputs[path]) {
    return;
  }
  startup.add(path);
  for (const imported of outputs[path].imports) {
    if (imported.kind === "import-statement") {
      visit(imported.path);
    }
  }
};
visit(Object.keys(outputs).find((path) => basename(path) === "editor.js"));
// Imported dynamically, but as soon as the editor starts (its data structures): opened too.
const AT_START = /node_modules\/immutable\//;
Object.entries(outputs)
  .filter(([, output]) => AT_START.test(output.entryPoint ?? ""))
  .forEach(([path]) => visit(path));

const assets = join(PACKAGE, "assets");
mkdirSync(join(out, "assets"));
for (const name of readdirSync(assets)) {
  if (!name.endsWith(".map") && !name.startsWith("marker-icon") && statSync(join(assets, name)).isFile()) {
    cpSync(join(assets, name), join(out, "assets", name));
  }
}
const fonts = readdirSync(join(out, "assets")).filter((name) => name.endsWith(".woff2"));
const opened = [...[...startup].map((path) => basename(path)), ...fonts.map((name) => `assets/${name}`)];
writeFileSync(join(out, "startup.json"), `${JSON.stringify(opened.sort(), null, 1)}\n`);
