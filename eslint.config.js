// Lint gate run by `npm test`: typescript-eslint recommended rules, no explicit any, no unused code, and no regex
// that can backtrack super-linearly (issue 13: one message of 2,000 Chinese numerals held a worker for 37 s).
import js from "@eslint/js";
import regexp from "eslint-plugin-regexp";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/**", "var/**", "dist/**", "public/build/**", "test-artifacts/**", "reports/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": "off",
    },
  },
  {
    // Server code reads customer text (messages, knowledge queries, tool data): no regex may backtrack polynomially,
    // nor restart a long scan at every position of a /g search ("move" attacks). Regexes built with `new RegExp`
    // from strings are invisible to these rules; test/linear-time.test.ts times every detector instead.
    files: ["src/**/*.ts"],
    ignores: ["src/widget/**"],
    plugins: { regexp },
    rules: {
      "regexp/no-super-linear-backtracking": "error",
      "regexp/no-super-linear-move": "error",
    },
  },
  {
    // The widget runs in the visitor's own browser on the page's own configuration (an API base URL), never on
    // another customer's text, so only the backtracking rule applies there.
    files: ["src/widget/**/*.ts"],
    plugins: { regexp },
    rules: { "regexp/no-super-linear-backtracking": "error" },
  },
  {
    files: ["public/**/*.js"],
    languageOptions: {
      globals: {
        window: "readonly",
        document: "readonly",
        fetch: "readonly",
        console: "readonly",
        sessionStorage: "readonly",
        localStorage: "readonly",
        customElements: "readonly",
        HTMLElement: "readonly",
        TextDecoder: "readonly",
        AbortController: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        URL: "readonly",
        location: "readonly",
        navigator: "readonly",
        EventSource: "readonly",
      },
    },
  },
);
