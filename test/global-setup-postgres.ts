// Integration tests on PostgreSQL: one migrated schema per run, dropped afterwards.
// Without a reachable server they are skipped loudly, except under CI=true, where they are required.
import type { TestProject } from "vitest/node";
import { createMigratedSchema, isReachable, testDatabaseUrl } from "./postgres";

export default async function setup(project: TestProject) {
  const baseUrl = testDatabaseUrl();
  if (!(await isReachable(baseUrl))) {
    if (process.env.CI === "true") throw new Error(`PostgreSQL is required under CI=true but ${new URL(baseUrl).host} is unreachable.`);
    console.warn(`\n!!! SKIPPING PostgreSQL integration tests: no server at ${new URL(baseUrl).host}. Set TEST_DATABASE_URL. !!!\n`);
    project.provide("databaseUrl", "");
    return;
  }
  const { url, drop } = await createMigratedSchema(baseUrl, "permitpay_it");
  project.provide("databaseUrl", url);
  return drop;
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    pgliteTemplateDir: string;
  }
}
