// `npm run bench:scale` (issue 14 §3): the pages' queries at 10,000 and at 1,000,000 invoices, on
// a scratch PostgreSQL database it creates, migrates, seeds and drops. The data set grows in place
// (bench/scale/seed.ts): 1,000 applicants (10,000 invoices, 3,000 attempts), measured; then up to
// 100,000 applicants (1,000,000 invoices, 300,000 attempts), measured again. Each page is measured
// in-process through the lib function the page calls (1 connection, p50/p95 over BENCH_RUNS), and
// every SQL statement it sends is run again under EXPLAIN (ANALYZE, BUFFERS) to find sequential
// scans. Writes its section of bench/results.md.
//   BENCH_RUNS=40 BENCH_APPLICANTS=100000 npm run bench:scale
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { BILLERS, idsOf, seedApplicants, seedBillers, seedHeavyApplicant } from "./seed";
import { renderScaleReport, type Measured, type Scale } from "./report";

const ROOT = path.resolve(__dirname, "../..");
const BASE_DB = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const SMALL = 1_000;
const LARGE = Number(process.env.BENCH_APPLICANTS ?? 100_000);
const BATCH = 10_000;

const log = (msg: string) => console.log(`[bench:scale] ${msg}`);
const loadavg = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(", ");

// Every statement the app's pg pool sends while `capturing` (adapter-pg passes { text, values }).
type Statement = { text: string; values: unknown[] };
let capturing: Statement[] | null = null;
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const first = args[0] as string | { text?: string; values?: unknown[] };
  if (capturing) {
    const text = typeof first === "string" ? first : (first.text ?? "");
    const values = typeof first === "string" ? ((args[1] as unknown[]) ?? []) : (first.values ?? []);
    if (/^\s*(SELECT|WITH)/i.test(text)) capturing.push({ text, values });
  }
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof originalQuery;

function percentile(sorted: number[], q: number) {
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN) * 10) / 10;
}

async function main() {
  const startedAt = new Date();
  const loadStart = loadavg();
  log(`load average at start (1, 5, 15 min): ${loadStart}`);
  const name = `bench_scale_${Date.now()}_${crypto.randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: BASE_DB });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(BASE_DB);
  url.pathname = `/${name}`;
  const seedClient = new pg.Client({ connectionString: url.toString() });
  const explainClient = new pg.Client({ connectionString: url.toString() });
  try {
    Object.assign(process.env, {
      DATABASE_URL: url.toString(),
      LOG_LEVEL: "silent",
      NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      ENCRYPTION_KEYS: `scale1:${crypto.randomBytes(32).toString("base64")}`,
    });
    log("migrating the scratch database ...");
    execFileSync("npx", ["prisma", "migrate", "deploy"], { cwd: ROOT, env: process.env, stdio: ["ignore", "ignore", "inherit"] });
    await seedClient.connect();
    await explainClient.connect();

    const { db } = await import("../../lib/db");
    const { listInvoices } = await import("../../lib/invoices/list-invoices");
    const { findInvoiceByNumber } = await import("../../lib/invoices/find-invoice-by-number");
    const { listPaymentAttempts } = await import("../../lib/admin/list-payment-attempts");
    const { listPaymentAttemptsKeyset } = await import("../../lib/admin/list-payment-attempts-keyset");
    const { streamPaymentsCsv } = await import("../../lib/admin/stream-payments-csv");
    const { expireStaleAttempts } = await import("../../lib/payments/expire-stale-attempts");
    const { formatDateTime } = await import("../../lib/dates");

    const rowCounts = async () => {
      const { rows } = await explainClient.query<{ relname: string; n: string }>(
        `SELECT relname, n_live_tup::text AS n FROM pg_stat_user_tables`,
      );
      return new Map(rows.map((r) => [r.relname, Number(r.n)]));
    };

    /** p50/p95 over RUNS calls, then EXPLAIN (ANALYZE, BUFFERS) of every SELECT of one more call. */
    async function measure(key: string, label: string, run: () => Promise<unknown>, runs = RUNS): Promise<Measured> {
      await run(); // warm (plans, pool)
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await run();
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      capturing = [];
      await run();
      const statements = capturing;
      capturing = null;
      const counts = await rowCounts();
      const plans: { text: string; plan: string; ms: number }[] = [];
      for (const s of statements) {
        const { rows } = await explainClient.query<{ "QUERY PLAN": string }>({
          text: `EXPLAIN (ANALYZE, BUFFERS) ${s.text}`,
          values: s.values,
        });
        const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
        plans.push({ text: s.text, plan, ms: Number(plan.match(/Execution Time: ([\d.]+) ms/)?.[1] ?? 0) });
      }
      const seqScans = plans.flatMap((p) =>
        [...p.plan.matchAll(/Seq Scan on "?(\w+)"?/g)].map((m) => ({ table: m[1]!, rows: counts.get(m[1]!) ?? 0 })),
      );
      const main = [...plans].sort((a, b) => b.ms - a.ms)[0];
      log(`  ${label}: p50 ${percentile(times, 0.5)} ms, p95 ${percentile(times, 0.95)} ms, ${statements.length} SELECTs`);
      return {
        key,
        label,
        p50: percentile(times, 0.5),
        p95: percentile(times, 0.95),
        statements: statements.length,
        seqScans,
        mainPlan: main ? { text: main.text, plan: main.plan } : null,
      };
    }

    /** Time and the heap's peak above its start while `run` reads a CSV through. */
    async function csvMemory(run: () => Promise<number>) {
      global.gc?.();
      const base = process.memoryUsage();
      let peakHeap = base.heapUsed;
      let peakRss = base.rss;
      const timer = setInterval(() => {
        const m = process.memoryUsage();
        peakHeap = Math.max(peakHeap, m.heapUsed);
        peakRss = Math.max(peakRss, m.rss);
      }, 2);
      const t = performance.now();
      const bytes = await run();
      const ms = performance.now() - t;
      clearInterval(timer);
      return { ms: Math.round(ms), bytes, heapMb: (peakHeap - base.heapUsed) / 2 ** 20, rssMb: (peakRss - base.rss) / 2 ** 20 };
    }

    async function measureScale(applicants: number, heavyId: string, seedSeconds: number): Promise<Scale> {
      const { user: typical, biller } = await idsOf(seedClient, 12);
      const counts = await rowCounts();
      const busy = Number(
        (await seedClient.query<{ n: string }>(`SELECT count(*)::text AS n FROM "PaymentAttempt" WHERE "billerId" = $1`, [biller])).rows[0]!
          .n,
      );
      log(`measuring at ${(counts.get("Invoice") ?? 0).toLocaleString("en-US")} invoices (biller 0 has ${busy} attempts) ...`);
      const lastInvoicePage = Math.ceil(500 / 25);
      const lastAttemptsPage = Math.ceil(busy / 25);
      const measured: Measured[] = [];
      measured.push(
        await measure("list1", "applicant's invoices, page 1 (500 invoices)", () => listInvoices({ applicantId: heavyId, page: 1 })),
      );
      measured.push(
        await measure("listLast", `applicant's invoices, last page (${lastInvoicePage})`, () =>
          listInvoices({ applicantId: heavyId, page: lastInvoicePage }),
        ),
      );
      measured.push(
        await measure("byNumber", "retrieve an invoice by number", () =>
          findInvoiceByNumber({ applicantId: typical, invoiceNumber: "S12-4" }),
        ),
      );
      measured.push(
        await measure("payments1", `biller's payments, page 1 (offset; ${busy.toLocaleString("en-US")} attempts)`, () =>
          listPaymentAttempts({ billerId: biller, page: 1 }),
        ),
      );
      measured.push(
        await measure("paymentsLast", `biller's payments, last page ${lastAttemptsPage} (offset)`, () =>
          listPaymentAttempts({ billerId: biller, page: lastAttemptsPage }),
        ),
      );
      measured.push(
        await measure("keyset1", "biller's payments, newest page (keyset)", () => listPaymentAttemptsKeyset({ billerId: biller })),
      );
      measured.push(
        await measure("keysetLast", "biller's payments, oldest page (keyset)", () =>
          listPaymentAttemptsKeyset({ billerId: biller, at: { oldest: true } }),
        ),
      );
      const to = new Date();
      const from = new Date(to.getTime() - 31 * 86_400_000);
      const csvRuns = Math.max(5, Math.round(RUNS / 8));
      const drain = async (s: ReadableStream<Uint8Array>) => {
        let bytes = 0;
        for await (const chunk of s as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
        return bytes;
      };
      // The same export held whole, as a route answering with one string would hold it.
      const whole = () => new Response(streamPaymentsCsv({ billerId: biller, from, to })).text();
      measured.push(await measure("csvWhole", "CSV export, 31 days (collected into one string)", whole, csvRuns));
      measured.push(
        await measure(
          "csvStream",
          "CSV export, 31 days (streamed in keyset pages of 1,000)",
          () => drain(streamPaymentsCsv({ billerId: biller, from, to })),
          csvRuns,
        ),
      );
      const csvRows = (await whole()).trimEnd().split("\n").length - 1; // less the header (no field holds a newline)
      // What each CSV row pays for its two times (lib/dates.ts builds an Intl.DateTimeFormat per call).
      const sample = new Date();
      const tf = performance.now();
      for (let i = 0; i < 2000; i++) formatDateTime(sample, "America/Toronto");
      const formatMicros = ((performance.now() - tf) * 1000) / 2000;
      const memWhole = await csvMemory(async () => (await whole()).length);
      const memStream = await csvMemory(() => drain(streamPaymentsCsv({ billerId: biller, from, to })));

      // The reconciliation job: its candidate read, then whole runs (each expires up to 500).
      const stale = Number(
        (await seedClient.query<{ n: string }>(`SELECT count(*)::text AS n FROM "PaymentAttempt" WHERE "status" = 'REDIRECTED'`)).rows[0]!
          .n,
      );
      const jobRuns: { ms: number; expired: number }[] = [];
      for (let i = 0; i < 2; i++) {
        const t = performance.now();
        const { expired } = await expireStaleAttempts({ db });
        jobRuns.push({ ms: Math.round(performance.now() - t), expired });
      }
      measured.push(await measure("jobIdle", "reconciliation job, a run with nothing left to expire", () => expireStaleAttempts({ db })));
      return {
        applicants,
        invoices: counts.get("Invoice") ?? 0,
        attempts: counts.get("PaymentAttempt") ?? 0,
        busyAttempts: busy,
        seedSeconds,
        measured,
        csv: { rows: csvRows, whole: memWhole, streamed: memStream },
        job: { stale, runs: jobRuns },
        formatMicros,
      };
    }

    const scales: Scale[] = [];
    let t0 = performance.now();
    log(`seeding ${BILLERS} billers and ${SMALL.toLocaleString("en-US")} applicants ...`);
    await seedBillers(seedClient);
    const heavyId = await seedHeavyApplicant(seedClient);
    await seedApplicants(seedClient, 0, SMALL);
    await seedClient.query("ANALYZE");
    scales.push(await measureScale(SMALL, heavyId, (performance.now() - t0) / 1000));

    t0 = performance.now();
    const loadBeforeSeed = loadavg();
    for (let lo = SMALL; lo < LARGE; lo += BATCH) {
      const hi = Math.min(LARGE, lo + BATCH);
      await seedApplicants(seedClient, lo, hi);
      log(`  seeded applicants up to ${hi.toLocaleString("en-US")} (${((performance.now() - t0) / 1000).toFixed(0)} s, load ${loadavg()})`);
    }
    await seedClient.query("VACUUM ANALYZE");
    const seedSeconds = (performance.now() - t0) / 1000;
    log(
      `grew to ${LARGE.toLocaleString("en-US")} applicants in ${seedSeconds.toFixed(0)} s (load average before: ${loadBeforeSeed}; after: ${loadavg()})`,
    );
    scales.push(await measureScale(LARGE, heavyId, seedSeconds));
    const size = (await explainClient.query<{ s: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS s`)).rows[0]!.s;
    await db.$disconnect();

    const markdown = renderScaleReport({
      startedAt,
      runs: RUNS,
      loadStart,
      loadEnd: loadavg(),
      databaseSize: size,
      machine: { cores: os.cpus().length, memoryGb: os.totalmem() / 2 ** 30 },
      postgres: (await explainClient.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]!.v,
      scales,
    });
    console.log(`\n${markdown}`);
    const file = path.join(ROOT, "bench/results.md");
    const START = "<!-- bench:scale:start -->";
    const END = "<!-- bench:scale:end -->";
    const existing = fs.readFileSync(file, "utf8");
    const block = `${START}\n${markdown}\n${END}`;
    fs.writeFileSync(
      file,
      existing.includes(START) && existing.includes(END)
        ? existing.slice(0, existing.indexOf(START)) + block + existing.slice(existing.indexOf(END) + END.length)
        : `${existing.trimEnd()}\n\n${block}\n`,
    );
    log("wrote bench/results.md");
  } finally {
    await seedClient.end().catch(() => undefined);
    await explainClient.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    log(`dropped database ${name}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
