// Lint gate run by `npm test`: typescript-eslint recommended rules, no explicit any, no unused code.
import js from "@eslint/js";
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
    files: ["public/**/*.js"],
    languageOptions: { globals: { window: "readonly", document: "readonly", fetch: "readonly", console: "readonly", sessionStorage: "readonly", localStorage: "readonly", customElements: "readonly", HTMLElement: "readonly", TextDecoder: "readonly", AbortController: "readonly", setTimeout: "readonly", clearTimeout: "readonly", URL: "readonly", location: "readonly", navigator: "readonly", EventSource: "readonly" } },
  },
);
