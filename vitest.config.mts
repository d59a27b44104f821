import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "test/empty-module.ts") };
const integration = (db: "pglite" | "postgres") => ({
  resolve: { alias },
  test: {
    name: `integration-${db}`,
    include: ["lib/**/*.int.test.ts", "test/**/*.int.test.ts"],
    globalSetup: [`test/global-setup-${db}.ts`, "test/global-setup-sandbox.ts", "test/global-setup-maildev.ts"],
    setupFiles: ["test/setup-common.ts", `test/setup-${db}.ts`, "test/setup-sandbox.ts", "test/setup-maildev.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "app/**/*.test.ts"],
          exclude: ["**/*.int.test.ts"],
          setupFiles: ["test/setup-common.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "contract",
          include: ["test/**/*.contract.test.ts"],
          setupFiles: ["test/setup-common.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      integration("pglite"),
      integration("postgres"),
      "sandbox/vitest.config.ts",
    ],
  },
});
