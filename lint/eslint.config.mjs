// ESLint for our own browser scripts (overrides/assets/hc/): helpcentre.js and early.js are plain scripts
// loaded on every page; search.js and search/ are ES modules loaded on first use; tests/js are Node tests.
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
    files: ["**/assets/hc/search.js", "**/assets/hc/search/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.browser } },
    rules: { ...rules, "no-var": "error", "prefer-const": "error" },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.node } },
    rules,
  },
];
