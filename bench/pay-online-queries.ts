// Counts the SQL statements PAY ONLINE's startPayment sends, and times it in-process, on a scratch
// PostgreSQL database it creates, migrates and drops, against the Invoice Cloud sandbox (its own
// process). Every statement the pg driver sends is counted, BEGIN and COMMIT included; the
// sandbox's own time is measured by timing each CPV2 call separately.
//   node --conditions=react-server --import tsx bench/pay-online-queries.ts
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import pg from "pg";
import { startSandbox } from "../test/sandbox-process";

const ROOT = path.resolve(__dirname, "..");
const BASE_DB = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const RUNS = Number(process.env.BENCH_RUNS ?? 100);

let statements = 0;
const sent: string[] = [];
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  const text = typeof args[0] === "string" ? args[0] : (args[0] as { text?: string })?.text;
  if (process.env.BENCH_SHOW_SQL) sent.push(String(text).replace(/\s+/g, " ").slice(0, 160));
  return (original as (...a: unknown[]) => unknown).apply(this, args);
} as typeof original;

async function main() {
  const name = `bench_poq_${Date.now()}_${crypto.randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: BASE_DB });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(BASE_DB);
  url.pathname = `/${name}`;
  const sandbox = await startSandbox({ LOG_LEVEL: "warn" });
  try {
    Object.assign(process.env, {
      DATABASE_URL: url.toString(),
      LOG_LEVEL: "silent",
      INVOICE_CLOUD_BASE_URL: sandbox.url,
      ENCRYPTION_KEYS: process.env.ENCRYPTION_KEYS ?? `b1:${crypto.randomBytes(32).toString("base64")}`,
      POSTBACK_SIGNING_KEYS: process.env.POSTBACK_SIGNING_KEYS ?? `p1:${crypto.randomBytes(32).toString("base64")}`,
    });
    execFileSync("npx", ["prisma", "migrate", "deploy"], { cwd: ROOT, env: process.env, stdio: ["ignore", "ignore", "inherit"] });
    const { db } = await import("../lib/db");
    const { startPayment } = await import("../lib/payments/start-payment");
    const fx = await import("../test/payment-fixtures");
    const biller = await fx.arrangeConfiguredBiller(db);
    const { applicant, invoices } = await fx.arrangeInvoices(
      db,
      biller.id,
      Array.from({ length: RUNS + 5 }, (_, i) => 1000 + i),
    );
    // The sandbox's own time per call, measured the same way, for the "own time" below.
    const sandboxMs: number[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (...args: Parameters<typeof fetch>) => {
      const t = performance.now();
      try {
        return await realFetch(...args);
      } finally {
        sandboxMs.push(performance.now() - t);
      }
    };
    for (let i = 0; i < 5; i++) await startPayment({ applicantId: applicant.id, invoiceIds: [invoices[RUNS + i]!.id] }); // warm-up
    sandboxMs.length = 0;
    const times: number[] = [];
    const counts: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const before = statements;
      sent.length = 0;
      const c = process.cpuUsage();
      const t = performance.now();
      await startPayment({ applicantId: applicant.id, invoiceIds: [invoices[i]!.id] });
      times.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      counts.push(statements - before);
    }
    if (process.env.BENCH_SHOW_SQL) console.log(sent.join("\n"));
    const q = (values: number[], p: number) =>
      [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))]!;
    const own = times.map((t, i) => t - (sandboxMs[i] ?? 0));
    console.log(
      `startPayment, 1 invoice: ${Math.min(...counts)}-${Math.max(...counts)} statements; p50 ${q(times, 0.5).toFixed(1)} / p95 ${q(times, 0.95).toFixed(1)} ms; ` +
        `less the sandbox p50 ${q(own, 0.5).toFixed(1)} / p95 ${q(own, 0.95).toFixed(1)} ms; this process's CPU p50 ${q(cpu, 0.5).toFixed(1)} ms (${RUNS} runs)`,
    );
    await db.$disconnect();
  } finally {
    await sandbox.stop();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
