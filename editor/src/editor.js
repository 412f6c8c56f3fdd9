// The help centre's web editor: Sveltia CMS from its npm entry, started by us (never from a CDN). admin/index.html
// loads this module; the editor reads config.yml beside it, and editor.json (the front matter's fields and the ids
// in use), both generated at build time from the project's data by hooks/helpcentre/editor.
import CMS from "@sveltia/cms";
import { format } from "./format.js";
import { idOnSave } from "./ids.js";

const link = (rel) => document.querySelector(`link[rel="${rel}"]`)?.href;
const data = await (await fetch(link("hc-editor-data"))).json();

CMS.registerCustomFormat("hc-article", "md", format(data.fields));
CMS.registerEventListener({ name: "preSave", handler: idOnSave(data.ids) });
const preview = link("hc-preview-style");
if (preview) {
  CMS.registerPreviewStyle(preview);
}
CMS.init();
