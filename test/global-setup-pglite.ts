// Integration tests on PGlite: migrate one template folder with `prisma migrate deploy`;
// each test file then works on its own copy (PGlite is one process's database).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

export default function setup(project: TestProject) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "permitpay-pglite-"));
  const template = path.join(root, "template");
  const env = { ...process.env, PGLITE_DATA_DIR: template, DATABASE_URL: "" };
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env, stdio: ["ignore", "ignore", "pipe"] });
  project.provide("pgliteTemplateDir", template);
  return () => fs.rmSync(root, { recursive: true, force: true });
}
