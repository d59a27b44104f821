// Times a 10,000-row CSV import (check everything, then write every row in one transaction) on
// PGlite and on PostgreSQL, each freshly migrated, then the same file again (nothing changes).
// Prints figures; asserts nothing. Run: node --conditions=react-server --import tsx bench/import-invoices-bench.ts
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createMigratedSchema, isReachable, testDatabaseUrl } from "../test/postgres";

const ROWS = 10_000;
const HEADER =
  "external_reference,permit_number,permit_description,applicant_email,applicant_name,address,city,state,postal_code,description,amount,due_date";

export function benchCsv(rows: number, prefix: string): string {
  const lines = [HEADER];
  // Each applicant has two invoices on one permit: 5,000 new applicants and permits.
  for (let i = 0; i < rows; i++) {
    const who = Math.floor(i / 2);
    lines.push(
      `${prefix}-${i},BP-${prefix}-${who},Addition,${prefix}-${who}@example.test,Applicant ${who},${i} Main St,Mississauga,ON,L5B 1M2,Permit fee,${(i % 900) + 100}.25,2027-03-31`,
    );
  }
  return lines.join("\n");
}

async function child() {
  const { db } = await import("../lib/db");
  const { importInvoices } = await import("../lib/invoices/import-invoices");
  const { createBiller, createUser } = await import("../prisma/factories");
  const biller = await createBiller(db);
  const admin = await createUser(db, { role: "BILLER_ADMIN", billerId: biller.id });
  const csv = benchCsv(ROWS, "bench");
  const time = async (label: string, commit: boolean) => {
    const start = performance.now();
    const result = await importInvoices({ billerId: biller.id, actorId: admin.id, csv, commit });
    const ms = performance.now() - start;
    const s = result.ok ? result.summary : null;
    console.log(
      `${process.env.BENCH_LABEL}: ${label}: ${(ms / 1000).toFixed(1)} s (${s ? `${s.toCreate} to create, ${s.unchanged} unchanged` : "errors"})`,
    );
  };
  await time(`preview of ${ROWS.toLocaleString("en-US")} rows`, false);
  await time(`import of ${ROWS.toLocaleString("en-US")} rows`, true);
  await time("the same file again", true);
  console.log(`${process.env.BENCH_LABEL}: invoices stored: ${await db.invoice.count({ where: { billerId: biller.id } })}`);
  await db.$disconnect();
}

async function main() {
  const run = (label: string, env: Record<string, string>) =>
    execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", __filename], {
      env: { ...process.env, ...env, BENCH_LABEL: label, BENCH_CHILD: "1", LOG_LEVEL: "silent" },
      stdio: ["ignore", "inherit", "inherit"],
    });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "permitpay-import-bench-"));
  try {
    execFileSync("npx", ["prisma", "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: "", PGLITE_DATA_DIR: dir },
      stdio: "ignore",
    });
    run("PGlite", { DATABASE_URL: "", PGLITE_DATA_DIR: dir });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const base = testDatabaseUrl();
  if (!(await isReachable(base))) return console.log("PostgreSQL: skipped (no server)");
  const { url, drop } = await createMigratedSchema(base, "permitpay_bench");
  try {
    run("PostgreSQL", { DATABASE_URL: url });
  } finally {
    await drop();
  }
}

void (process.env.BENCH_CHILD ? child() : main());
