// ESLint for our own browser scripts (overrides/assets/hc/): early.js and feedback.js are plain scripts; helpcentre/
// are ES modules every page runs, joined into one plain script by the build (hooks/helpcentre/minify.py); search.js
// and search/ are ES modules loaded on first use; tests/js are Node tests; editor/src are the web editor's ES modules,
// bundled by editor/build.mjs (top-level await: ES2022).
import js from "@eslint/js";
import globals from "globals";

const rules = {
  eqeqeq: ["error", "always"],
  "no-implicit-globals": "error",
  "no-unused-vars": ["error", { args: "after-used" }],
};

export default [
  js.configs.recommended,
  {
    files: ["**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "script", globals: { ...globals.browser } },
    rules,
  },
  {
    files: ["**/assets/hc/search.js", "**/assets/hc/search/*.js", "**/assets/hc/helpcentre/*.js", "**/editor/src/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.browser } },
    rules: { ...rules, "no-var": "error", "prefer-const": "error" },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.node } },
    rules,
  },
];
