// Bundles src/editor.js and the pinned @sveltia/cms into dist/ (run by `make editor`): one ES module with
// its chunks, and the package's fonts, WebAssembly and worker, which its code finds beside it
// (new URL("assets/...", import.meta.url)). Nothing is fetched from a CDN at run time.
import { build } from "esbuild";
import { cpSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "dist");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

await build({
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
  logLevel: "warning",
});

const assets = join(here, "node_modules", "@sveltia", "cms", "npm", "assets");
mkdirSync(join(out, "assets"));
for (const name of readdirSync(assets)) {
  if (!name.endsWith(".map") && statSync(join(assets, name)).isFile()) {
    cpSync(join(assets, name), join(out, "assets", name));
  }
}
