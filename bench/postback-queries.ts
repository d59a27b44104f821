// Counts the SQL statements (round trips) each postback path sends, and times it in-process, on a
// scratch PostgreSQL database it creates, migrates and drops. Every statement the pg driver sends
// is counted, BEGIN and COMMIT included.
//   node --conditions=react-server --import tsx bench/postback-queries.ts
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import pg from "pg";

const ROOT = path.resolve(__dirname, "..");
const BASE_DB = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const RUNS = Number(process.env.BENCH_RUNS ?? 200);

let statements = 0;
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return (original as (...a: unknown[]) => unknown).apply(this, args);
} as typeof original;

async function main() {
  const name = `bench_pbq_${Date.now()}_${crypto.randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: BASE_DB });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(BASE_DB);
  url.pathname = `/${name}`;
  try {
    Object.assign(process.env, { DATABASE_URL: url.toString(), LOG_LEVEL: "silent" });
    execFileSync("npx", ["prisma", "migrate", "deploy"], { cwd: ROOT, env: process.env, stdio: ["ignore", "ignore", "inherit"] });
    const { db } = await import("../lib/db");
    const { applyPostback } = await import("../lib/payments/apply-postback");
    const fx = await import("../test/payment-fixtures");
    const biller = await fx.arrangeConfiguredBiller(db);
    const attempts = async (n: number, perAttempt: number) => {
      const out = [];
      for (let i = 0; i < n; i++) {
        const { applicant, invoices } = await fx.arrangeInvoices(
          db,
          biller.id,
          Array.from({ length: perAttempt }, (_, k) => 1000 + k),
        );
        out.push(await fx.arrangeAttempt(db, { billerId: biller.id, applicantId: applicant.id, invoices }));
      }
      return out;
    };
    const measure = async (label: string, run: (i: number) => Promise<unknown>) => {
      const times: number[] = [];
      const counts: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const before = statements;
        const t = performance.now();
        await run(i);
        times.push(performance.now() - t);
        counts.push(statements - before);
      }
      times.sort((a, b) => a - b);
      const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(2);
      console.log(`${label}: ${Math.min(...counts)}-${Math.max(...counts)} statements, p50 ${q(0.5)} ms, p95 ${q(0.95)} ms (${RUNS} runs)`);
    };
    const single = await attempts(RUNS, 1);
    const five = await attempts(RUNS, 5);
    const [dup] = await attempts(1, 1);
    const dupFields = fx.postbackFields(dup!);
    await applyPostback({ paymentId: dup!.id, ...dupFields });
    await measure("duplicate postback", () => applyPostback({ paymentId: dup!.id, ...dupFields }));
    await measure("fresh approval, 1 invoice", (i) => applyPostback({ paymentId: single[i]!.id, ...fx.postbackFields(single[i]!) }));
    await measure("fresh approval, 5 invoices", (i) => applyPostback({ paymentId: five[i]!.id, ...fx.postbackFields(five[i]!) }));
    await measure("unknown payment-id", () => applyPostback({ paymentId: crypto.randomUUID(), ...fx.postbackFields(dup!) }));
    await db.$disconnect();
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
