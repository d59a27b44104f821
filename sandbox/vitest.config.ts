import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Run from the repo root: npx vitest run --config sandbox/vitest.config.ts
export default defineConfig({
  test: {
    name: "sandbox",
    root: fileURLToPath(new URL(".", import.meta.url)),
    include: ["test/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
