// Creates the PostgreSQL schema named in DATABASE_URL's search_path, if missing (e2e runs).
import pg from "pg";

const url = new URL(process.env.DATABASE_URL ?? "");
const schema = /search_path=([\w$]+)/.exec(url.searchParams.get("options") ?? "")?.[1];
if (!schema) {
  console.error("DATABASE_URL names no schema (options=-c search_path=…)");
  process.exit(1);
}
url.searchParams.delete("options");
async function main() {
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await client.end();
}
void main();
