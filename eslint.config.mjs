import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

const config = [
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      "data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "coverage/**",
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["sandbox/**"],
    languageOptions: { parserOptions: { project: "./tsconfig.json", tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "Read configuration from lib/env.ts, the only reader of process.env.",
        },
      ],
    },
  },
  {
    // Tooling and tests set up the environment they run in.
    files: [
      "lib/env.ts",
      "prisma.config.ts",
      "scripts/**",
      "e2e/**",
      "test/**",
      "bench/**",
      "playwright.config.ts",
      "vitest.config.mts",
      "**/*.test.ts",
      "instrumentation.ts",
    ],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    // Everything a person reads comes from the message catalogues (messages/), in their language:
    // no hard-coded text in JSX. Punctuation and symbols that read the same in both languages pass.
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    rules: {
      "react/jsx-no-literals": [
        "error",
        {
          noStrings: false,
          ignoreProps: true,
          allowedStrings: ["·", "—", "–", "(", ")", ":", "/", "…", "|", "×", "*", ",", ".", "PermitPay"],
        },
      ],
    },
  },
  {
    // lib/ is the domain: pages and components use it, never the other way round.
    files: ["lib/**"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./lib", from: "./app", message: "lib/ imports nothing from app/: move the shared code into lib/." },
            { target: "./lib", from: "./components", message: "lib/ imports nothing from components/: move the shared code into lib/." },
          ],
        },
      ],
    },
  },
  {
    // The sandbox is an independent peer of the app: it must not share the app's code or schema.
    files: ["sandbox/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/*", "../../lib/*", "../../app/*", "../../prisma/*", "@prisma/*"],
              message: "The sandbox imports nothing from the app.",
            },
          ],
        },
      ],
    },
  },
  {
    // Sandbox files use the same rules without type-aware linting of the app's tsconfig.
    files: ["sandbox/**/*.ts"],
    ...tseslint.configs.disableTypeChecked,
  },
];

export default config;
