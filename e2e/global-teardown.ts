// Drops the run's PostgreSQL schema and PGlite folder (local runs only).
import fs from "node:fs";
import pg from "pg";
import { E2E } from "./env";

export default async function teardown() {
  if (E2E.baseUrl || process.env.E2E_KEEP_DATA) return;
  if (!process.env.E2E_NO_POSTGRES) {
    const client = new pg.Client({ connectionString: E2E.baseDatabaseUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${process.env.E2E_SCHEMA}" CASCADE`);
    await client.end();
  }
  fs.rmSync(E2E.appLog, { force: true });
  if (E2E.pgliteDir) {
    fs.rmSync(E2E.pgliteDir, { recursive: true, force: true });
    fs.rmSync(`${E2E.pgliteDir}.owner.json`, { force: true });
    fs.rmSync(`${E2E.pgliteDir}.lock`, { recursive: true, force: true });
  }
}
