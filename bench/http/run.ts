// `npm run bench:http`: the built app over HTTP on PostgreSQL, every case side by side in one run.
// Builds once if needed (its own dist dir), creates a scratch database, migrates and seeds it,
// starts `next start` on a free port, drives each case with autocannon from a separate process
// (same connections, same seconds), prints the table and writes it to bench/results.md. The
// servers are stopped and the database dropped at the end, also on failure or Ctrl-C.
// PAY ONLINE (case 8) talks to the Invoice Cloud sandbox, started here behind a timing proxy, one
// connection at a time, so its own time is the action's latency less the sandbox's.
//   BENCH_SECONDS=10 BENCH_CONNECTIONS=16 npm run bench:http   (BENCH_PORT_BASE=3300: ports 3300-3303)
// For profiling: BENCH_CASES=duplicate,payOnline runs only those cases (and the ceiling), and
// BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" are given to the app's node alone (with
// --inspect=127.0.0.1:<port>, the app's memory is read before and after a full collection); neither
// run writes bench/results.md.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { LoadCase, LoadItem, LoadResult } from "./load";
import { firstLoadJsGzip } from "./first-load-js";
import { renderReport, type CaseRow, type PayOnlineTiming } from "./report";
import { describeMemory, inspectMemory } from "./inspect-memory";
import { startTimingProxy } from "./timing-proxy";

const ROOT = path.resolve(__dirname, "../..");
const DIST = process.env.BENCH_DIST_DIR ?? ".next-bench";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const BASE_DB = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
// Stats in pg_stat_database reach the view when a backend flushes them (at most ~10 s after it goes idle).
const STATS_SETTLE_MS = 11_000;
const ONLY_CASES = process.env.BENCH_CASES?.split(",").map((k) => k.trim());
const APP_NODE_ARGS = process.env.BENCH_APP_NODE_ARGS?.split(" ").filter(Boolean) ?? [];

const keys = {
  NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
  ENCRYPTION_KEYS: `bench1:${crypto.randomBytes(32).toString("base64")}`,
  POSTBACK_SIGNING_KEYS: `pbench1:${crypto.randomBytes(32).toString("base64")}`,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (msg: string) => console.log(`[bench:http] ${msg}`);
const loadavg = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(", ");

const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 0);
let portOffset = 0;

function freePort(): Promise<number> {
  if (PORT_BASE) return Promise.resolve(PORT_BASE + portOffset++);
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function newestMtime(p: string): number {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of fs.readdirSync(p))
    if (e !== "node_modules" && !e.startsWith(".")) newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

/** Builds into DIST unless its BUILD_ID is newer than every source the build reads. */
function buildIfNeeded() {
  const sources = [
    "app",
    "lib",
    "components",
    "public",
    "prisma/schema.prisma",
    "proxy.ts",
    "instrumentation.ts",
    "next.config.js",
    "package-lock.json",
  ];
  const newestSource = Math.max(...sources.map((s) => newestMtime(path.join(ROOT, s))));
  const built = fs.statSync(path.join(ROOT, DIST, "BUILD_ID"), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  // BENCH_BUILD=never keeps an existing build (e.g. while others edit the tree); =always rebuilds.
  if (built && process.env.BENCH_BUILD === "never") return log(`using the existing build ${DIST} (BENCH_BUILD=never)`);
  if (built > newestSource && process.env.BENCH_BUILD !== "always") return log(`build ${DIST} is newer than the sources: not rebuilding`);
  log(`building into ${DIST} (about a minute) ...`);
  execFileSync("npx", ["next", "build"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: "1" },
  });
}

const children: ChildProcess[] = [];
let dropDatabase: (() => Promise<void>) | undefined;
let cleaning: Promise<void> | undefined;

/** Once, however many paths (end, failure, signal) ask for it; each waits for the same work. */
function cleanup(): Promise<void> {
  return (cleaning ??= stopAndDrop());
}

async function stopAndDrop() {
  // next start runs the server in a child that can outlive its process group: signal every descendant.
  const pids = children.flatMap((child) => (child.pid && child.exitCode === null ? processTree(child.pid) : []));
  const signal = (sig: NodeJS.Signals) =>
    pids.forEach((pid) => {
      try {
        process.kill(pid, sig);
      } catch {
        /* already gone */
      }
    });
  signal("SIGTERM");
  // A profiled app writes its profile on the way out: give it time.
  await sleep(APP_NODE_ARGS.length ? 15_000 : 1500);
  signal("SIGKILL");
  if (dropDatabase) await dropDatabase().catch((e: unknown) => console.error("[bench:http] could not drop the scratch database:", e));
}

for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    log(`${signal}: stopping servers, dropping the scratch database`);
    void cleanup().finally(() => process.exit(130));
  });

async function createScratchDatabase(): Promise<string> {
  const name = `bench_http_${Date.now()}_${crypto.randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: BASE_DB });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  dropDatabase = async () => {
    const c = new pg.Client({ connectionString: BASE_DB });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
    log(`dropped database ${name}`);
  };
  const url = new URL(BASE_DB);
  url.pathname = `/${name}`;
  return url.toString();
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not yet */
    }
    await sleep(300);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

function processTree(pid: number): number[] {
  try {
    return [
      pid,
      ...residentMemory(pid)
        .slice(1)
        .map((p) => p.pid),
    ];
  } catch {
    return [pid];
  }
}

/** Resident memory of the server process and its children (next start runs the server in a child). */
function residentMemory(rootPid: number): { pid: number; name: string; rssKb: number }[] {
  const out: { pid: number; name: string; rssKb: number }[] = [];
  const walk = (pid: number) => {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const name = status.match(/^Name:\s+(.*)$/m)?.[1] ?? "?";
    const rssKb = Number(status.match(/^VmRSS:\s+(\d+)/m)?.[1] ?? 0);
    out.push({ pid, name, rssKb });
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      const kids = fs.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      for (const kid of kids ? kids.split(/\s+/) : []) walk(Number(kid));
    }
  };
  walk(rootPid);
  return out;
}

async function runLoad(base: string, items: LoadItem[], connections = CONNECTIONS, seconds = SECONDS): Promise<LoadResult> {
  const file = path.join(os.tmpdir(), `bench-http-case-${process.pid}-${crypto.randomBytes(3).toString("hex")}.json`);
  const spec: LoadCase = { base, connections, seconds, items };
  fs.writeFileSync(file, JSON.stringify(spec));
  try {
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "load.ts"), file], {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "inherit"],
        detached: true,
      });
      children.push(child);
      let stdout = "";
      child.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
      child.on("exit", (code) => (code === 0 ? resolve(stdout) : reject(new Error(`load generator exited with ${code}`))));
    });
    return JSON.parse(out.trim().split("\n").pop()!) as LoadResult;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN) * 10) / 10;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/** A server action's id in the build (what a browser sends as Next-Action). */
function findActionId(exportName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, DIST, "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const hit = Object.entries(manifest.node).find(([, a]) => a.exportedName === exportName);
  if (!hit) throw new Error(`server action ${exportName} not found in the build's manifest`);
  return hit[0];
}

async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: base }),
  });
  const session = res.headers.getSetCookie().find((c) => c.includes("session-token="));
  if (!session) throw new Error(`sign-in as ${email} failed (${res.status})`);
  return [...jar, session.split(";")[0]].join("; ");
}

async function main() {
  const startedAt = new Date();
  const loadStart = loadavg();
  log(`load average at start (1, 5, 15 min): ${loadStart}`);
  buildIfNeeded();

  const dbUrl = await createScratchDatabase();
  const appPort = await freePort();
  const closedPort = await freePort();
  const base = `http://127.0.0.1:${appPort}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-http-data-"));
  Object.assign(process.env, keys, { DATABASE_URL: dbUrl, LOG_LEVEL: "silent", PERMITPAY_DATA_DIR: dataDir });
  log("migrating the scratch database ...");
  execFileSync("npx", ["prisma", "migrate", "deploy"], { cwd: ROOT, env: process.env, stdio: ["ignore", "ignore", "inherit"] });

  const sandboxPort = await freePort();
  const proxyPort = await freePort();
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  log(`starting the Invoice Cloud sandbox on ${sandboxUrl}, timed through 127.0.0.1:${proxyPort} ...`);
  const sandbox = spawn(process.execPath, ["--import", "tsx", "sandbox/src/main.ts"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "test", SANDBOX_PORT: String(sandboxPort), SANDBOX_PUBLIC_URL: sandboxUrl, LOG_LEVEL: "warn" },
  });
  children.push(sandbox);
  await waitForHttp(`${sandboxUrl}/__sandbox/health`, sandbox);
  const proxy = await startTimingProxy(sandboxUrl, proxyPort);

  const singles = Math.max(3000, 400 * SECONDS);
  const fives = Math.max(1500, 200 * SECONDS);
  log(`seeding (500 invoices, ${singles} + ${fives} attempts awaiting a postback, 100,000 attempts for the admin) ...`);
  const t0 = performance.now();
  const { seed, approvedBody } = await import("./seed");
  const { db } = await import("../../lib/db");
  const { signPostbackToken } = await import("../../lib/payments/postback-token");
  const { parseKeyRing } = await import("../../lib/crypto");
  const seeded = await seed({ singles, fives, adminAttempts: 100_000, payOnline: Math.max(1000, 100 * SECONDS) });
  await db.$disconnect();
  const seedSeconds = (performance.now() - t0) / 1000;
  log(`seeded in ${seedSeconds.toFixed(1)} s`);

  log(`starting next start on ${base} ...`);
  const app = spawn(
    process.execPath,
    [...APP_NODE_ARGS, path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(appPort), "-H", "127.0.0.1"],
    {
      cwd: ROOT,
      detached: true,
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_DIST_DIR: DIST,
        NEXT_TELEMETRY_DISABLED: "1",
        NEXTAUTH_URL: base,
        PUBLIC_BASE_URL: base,
        LOG_LEVEL: "warn",
        PORT: String(appPort),
        // Only PAY ONLINE talks to Invoice Cloud (the sandbox, through the timing proxy). No case
        // delivers mail (a closed port), and the reconciliation job waits a day.
        INVOICE_CLOUD_BASE_URL: proxy.url,
        SMTP_URL: `smtp://127.0.0.1:${closedPort}`,
        MAIL_FROM: "PermitPay <no-reply@permitpay.test>",
        RECONCILIATION_INTERVAL_SECONDS: "86400",
      },
    },
  );
  children.push(app);
  await waitForHttp(`${base}/api/auth/providers`, app);

  const ring = parseKeyRing(keys.POSTBACK_SIGNING_KEYS);
  const postbackPath = (id: string, token = signPostbackToken(id, ring)) =>
    `/api/command/payment/icop-postback?payment-id=${id}&pp-token=${encodeURIComponent(token)}`;
  const form = { "content-type": "application/x-www-form-urlencoded" };

  // The duplicate case's attempt is applied once, before the case.
  const dupBody = approvedBody(seeded.duplicate);
  const first = await fetch(`${base}${postbackPath(seeded.duplicate.id)}`, { method: "POST", headers: form, body: dupBody });
  if (first.status !== 200) throw new Error(`the first postback for the duplicate case answered ${first.status}: ${await first.text()}`);

  const applicantCookie = await signIn(base, seeded.applicantEmail, seeded.password);
  const adminCookie = await signIn(base, seeded.adminEmail, seeded.password);
  const lastInvoicePage = Math.ceil(seeded.listInvoices / 25);
  // A forged token: right shape and key id, wrong MAC.
  const forgedToken = `${ring.current.id}.${crypto.randomBytes(32).toString("base64url")}`;

  const payerCookie = await signIn(base, seeded.payerEmail, seeded.password);
  const payOnlineActionId = findActionId("payOnline");
  // The request a browser's PAY ONLINE sends: React's encodeReply of (previousState, formData), whose
  // fields are prefixed "_1_" (the warm-up checks it redirects to the sandbox).
  const payOnlineItem = (invoiceId: string): LoadItem => {
    const boundary = `----bench${crypto.randomBytes(8).toString("hex")}`;
    const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    return {
      method: "POST",
      path: "/invoices",
      headers: {
        cookie: payerCookie,
        origin: base,
        accept: "text/x-component",
        "next-action": payOnlineActionId,
        "content-type": `multipart/form-data; boundary=${boundary}`,
      },
      body: `${part("_1_invoiceId", invoiceId)}${part("0", '[{},"$K1"]')}--${boundary}--\r\n`,
    };
  };
  const [payWarmup, ...payInvoices] = seeded.payInvoiceIds;

  type Case = { key: string; label: string; items: LoadItem[]; expect: number; countQueries?: boolean; connections?: number };
  const get = (p: string, cookie?: string): LoadItem[] => [{ method: "GET", path: p, headers: cookie ? { cookie } : {} }];
  const allCases: Case[] = [
    { key: "ceiling", label: "1. ceiling: `GET /api/auth/providers` (no database)", items: get("/api/auth/providers"), expect: 200 },
    {
      key: "forged",
      label: "2. forged postback (bad token)",
      items: [
        { method: "POST", path: postbackPath(seeded.single[0]!.id, forgedToken), headers: form, body: approvedBody(seeded.single[0]!) },
      ],
      expect: 403,
      countQueries: true,
    },
    {
      key: "duplicate",
      label: "3. duplicate postback (already applied)",
      items: [{ method: "POST", path: postbackPath(seeded.duplicate.id), headers: form, body: dupBody }],
      expect: 200,
    },
    {
      key: "fresh1",
      label: "4. fresh approved postback, 1 invoice",
      items: seeded.single.map((a) => ({ method: "POST", path: postbackPath(a.id), headers: form, body: approvedBody(a) })),
      expect: 200,
    },
    {
      key: "fresh5",
      label: "5. fresh approved postback, 5 invoices",
      items: seeded.fiveInvoice.map((a) => ({ method: "POST", path: postbackPath(a.id), headers: form, body: approvedBody(a) })),
      expect: 200,
    },
    {
      key: "apiCreate",
      label: "8. Invoices API: `POST /api/v1/invoices`, a new invoice each (applicant and permit found, Idempotency-Key)",
      items: Array.from({ length: 5000 }, (_, i) => ({
        method: "POST" as const,
        path: "/api/v1/invoices",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${seeded.apiTokens[i % seeded.apiTokens.length]}`,
          "idempotency-key": `bench-${i}-${crypto.randomBytes(4).toString("hex")}`,
        },
        body: JSON.stringify({
          externalReference: `BENCH-${i}-${crypto.randomBytes(4).toString("hex")}`,
          permit: { number: "BENCH-API-PERMIT", description: "Benchmark permit" },
          // Its own applicant, so the list cases keep their 500 invoices (created by the warm-up request).
          applicant: {
            email: "bench-api-applicant@permitpay.test",
            name: "Bench API Applicant",
            address: { line1: "1 Civic Centre Dr", city: "Mississauga", state: "ON", postalCode: "L5B 3C1" },
          },
          description: "Building permit fee",
          amountCents: 12500 + i,
          dueDate: "2026-12-31",
        }),
      })),
      expect: 201,
    },
    {
      key: "payOnline",
      label: "8. PAY ONLINE: the server action up to its redirect to the sandbox's page, a new invoice each, **1 connection**",
      items: payInvoices.map(payOnlineItem),
      // A fetch-posted action answers 200 and names its redirect in x-action-redirect; each answer
      // is checked below against the attempts stored (every one REDIRECTED to the sandbox).
      expect: 200,
      connections: 1,
    },
    {
      key: "list1",
      label: "6a. applicant's `/invoices`, page 1 of 20 (500 invoices)",
      items: get("/invoices", applicantCookie),
      expect: 200,
    },
    {
      key: "listLast",
      label: `6b. applicant's \`/invoices\`, last page (${lastInvoicePage})`,
      items: get(`/invoices?page=${lastInvoicePage}`, applicantCookie),
      expect: 200,
    },
    {
      key: "payments1",
      label: "7a. admin `/admin/payments`, page 1 (~105,000 attempts)",
      items: get("/admin/payments", adminCookie),
      expect: 200,
    },
    {
      key: "paymentsLast",
      label: "7b. admin `/admin/payments`, oldest page (keyset, `?oldest=1`)",
      items: get("/admin/payments?oldest=1", adminCookie),
      expect: 200,
    },
    {
      key: "csv",
      label: "7c. admin CSV export, last 31 days (~8,500 rows)",
      items: get("/admin/payments/export", adminCookie),
      expect: 200,
    },
  ];
  const cases = ONLY_CASES ? allCases.filter((c) => c.key === "ceiling" || ONLY_CASES.includes(c.key)) : allCases;

  // Each case's URL answers as expected once before it is timed (also loads the route's code).
  for (const c of cases) {
    if (c.key === "fresh1" || c.key === "fresh5") continue; // a warm-up would use up an attempt
    const item = c.key === "payOnline" ? payOnlineItem(payWarmup!) : c.items[0]!;
    const res = await fetch(`${base}${item.path}`, { method: item.method, headers: item.headers, body: item.body, redirect: "manual" });
    const text = await res.text();
    if (res.status !== c.expect) throw new Error(`${c.label}: warm-up answered ${res.status}, expected ${c.expect}: ${text.slice(0, 300)}`);
    if (c.key === "payOnline" && !res.headers.get("x-action-redirect")?.startsWith(sandboxUrl))
      throw new Error(
        `PAY ONLINE's warm-up did not redirect to the sandbox: ${JSON.stringify(Object.fromEntries(res.headers))} ${text.slice(0, 300)}`,
      );
  }

  // Transactions in the scratch database: the forged case's count minus an idle window's (the app's
  // scheduled jobs and this reader also commit), scaled to the same length.
  const stats = new pg.Client({ connectionString: dbUrl });
  await stats.connect();
  const xacts = async () =>
    Number(
      (await stats.query<{ n: string }>(`SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()`))
        .rows[0]!.n,
    );
  const window = async (fn: () => Promise<unknown>) => {
    const t = performance.now();
    const before = await xacts();
    await fn();
    await sleep(STATS_SETTLE_MS);
    const after = await xacts();
    return { delta: after - before, ms: performance.now() - t };
  };
  const rows: CaseRow[] = [];
  /** utime + stime of the app's process tree and of the scratch database's backends, in ms, by pid. */
  const ticksMs = 1000 / Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim() || 100);
  const serverCpuByPid = async () => {
    const { rows: backends } = await stats.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    const byPid = new Map<number, number>();
    for (const pid of [...processTree(app.pid!), ...backends.map((b) => b.pid)]) {
      try {
        const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
        byPid.set(pid, (Number(fields[11]) + Number(fields[12])) * ticksMs); // utime, stime (fields 14 and 15)
      } catch {
        /* gone, or PostgreSQL on another host: not counted */
      }
    }
    return byPid;
  };
  /**
   * The server's CPU over a case. Sampled every 250 ms rather than only at both ends: the pool
   * closes idle PostgreSQL connections, and a backend that exits mid-case would take its CPU time
   * with it (a 1-connection case could even come out negative). A backend that starts during the
   * case counts from zero.
   */
  const startCpuMeter = async () => {
    const first = await serverCpuByPid();
    const last = new Map(first);
    let sampling = Promise.resolve();
    const timer = setInterval(() => {
      sampling = sampling.then(async () => {
        for (const [pid, ms] of await serverCpuByPid()) last.set(pid, ms);
      });
    }, 250);
    return async () => {
      clearInterval(timer);
      await sampling;
      for (const [pid, ms] of await serverCpuByPid()) last.set(pid, ms);
      let total = 0;
      for (const [pid, ms] of last) total += ms - (first.get(pid) ?? 0);
      return total;
    };
  };
  log(`idle window (${SECONDS} s + ${STATS_SETTLE_MS / 1000} s for the statistics to settle) ...`);
  // With the CPU meter running, as during a case: its reads of pg_stat_activity are transactions too.
  const idle = await window(async () => {
    const stopCpuMeter = await startCpuMeter();
    await sleep(SECONDS * 1000);
    await stopCpuMeter();
  });
  let forgedQueries: { caseDelta: number; idleDelta: number; estimate: number; responses: number } | undefined;
  let payOnline: PayOnlineTiming | undefined;
  for (const c of cases) {
    // The machine's load drifts (other people's work shares the cores): each case's share is taken
    // against the ceiling measured just before it, for half as long, at the same connections.
    const paired =
      c.key === "ceiling" ? undefined : (await runLoad(base, cases[0]!.items, c.connections, Math.max(2, SECONDS / 2))).reqPerSec;
    log(
      `${c.label}: ${c.connections ?? CONNECTIONS} connections, ${SECONDS} s (ceiling just before: ${paired?.toFixed(0) ?? "–"} req/s) ...`,
    );
    proxy.timings.length = 0;
    let result!: LoadResult;
    // CPU the app and its PostgreSQL backends spent on the case (other people's load is not in it).
    const stopCpuMeter = await startCpuMeter();
    const load = async () => {
      const r = await runLoad(base, c.items, c.connections);
      cpuMs = await stopCpuMeter();
      return r;
    };
    let cpuMs = 0;
    if (c.countQueries) {
      const w = await window(async () => (result = await load()));
      const estimate = w.delta - idle.delta * (w.ms / idle.ms);
      forgedQueries = { caseDelta: w.delta, idleDelta: idle.delta, estimate, responses: result.responses };
    } else result = await load();
    if (c.key === "payOnline") {
      const { rows: stored } = await stats.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM "PaymentAttempt" a JOIN "User" u ON u."id" = a."applicantId"
          WHERE u."email" = $1 AND a."status" = 'REDIRECTED' AND a."hostedPageUrl" LIKE $2`,
        [seeded.payerEmail, `${sandboxUrl}%`],
      );
      payOnline = { sandbox: percentiles(proxy.timings), calls: proxy.timings.length, redirected: Number(stored[0]!.n) - 1 };
    }
    const unexpected = Object.entries(result.statuses)
      .filter(([s]) => Number(s) !== c.expect)
      .reduce((n, [, k]) => n + k, 0);
    rows.push({ ...c, result, unexpected, pairedCeiling: paired, cpuMsPerResponse: result.responses ? cpuMs / result.responses : NaN });
    log(
      `  ${result.reqPerSec.toFixed(0)} req/s, p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms, statuses ${JSON.stringify(result.statuses)}` +
        (result.wrapped ? `, ${result.wrapped} requests repeated an attempt (not enough prepared)` : ""),
    );
  }
  await stats.end();

  const memory = residentMemory(app.pid!);
  const inspector = APP_NODE_ARGS.map((a) => /^--inspect=(.+:\d+)$/.exec(a)?.[1]).find(Boolean);
  if (inspector) {
    const { before, afterGc } = await inspectMemory(inspector);
    log(`memory after the run: ${describeMemory(before)}; after a full garbage collection: ${describeMemory(afterGc)}`);
  }
  let firstLoad: { page: string; gzipBytes: number; scripts: number }[] = [];
  try {
    firstLoad = [
      { page: "/invoices", ...(await firstLoadJsGzip(base, "/invoices", applicantCookie)) },
      { page: "/admin/payment-settings", ...(await firstLoadJsGzip(base, "/admin/payment-settings", adminCookie)) },
    ];
  } catch (error) {
    console.error("[bench:http] first-load JS not measured:", error);
  }
  const pgVersion = await (async () => {
    const c = new pg.Client({ connectionString: dbUrl });
    await c.connect();
    const v = (await c.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v;
    await c.end();
    return v;
  })();
  const loadEnd = loadavg();
  log(`load average at end (1, 5, 15 min): ${loadEnd}`);

  const readVersion = (pkg: string) =>
    (JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;
  const markdown = renderReport({
    startedAt,
    seconds: SECONDS,
    connections: CONNECTIONS,
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? "?", memoryGb: os.totalmem() / 2 ** 30 },
    versions: {
      node: process.version,
      next: readVersion("next"),
      prisma: readVersion("@prisma/client"),
      autocannon: readVersion("autocannon"),
      postgres: pgVersion,
    },
    loadStart,
    loadEnd,
    seedSeconds,
    rows,
    forgedQueries,
    payOnline,
    memory,
    firstLoad,
  });
  console.log(`\n${markdown}`);
  if (ONLY_CASES || APP_NODE_ARGS.length) log("a partial or profiled run: bench/results.md left as it was");
  else {
    const resultsFile = path.join(ROOT, "bench/results.md");
    const START = "<!-- bench:http:start -->";
    const END = "<!-- bench:http:end -->";
    const existing = fs.existsSync(resultsFile) ? fs.readFileSync(resultsFile, "utf8") : "# Benchmark results\n";
    const block = `${START}\n${markdown}\n${END}`;
    const updated =
      existing.includes(START) && existing.includes(END)
        ? existing.slice(0, existing.indexOf(START)) + block + existing.slice(existing.indexOf(END) + END.length)
        : `${existing.trimEnd()}\n\n${block}\n`;
    fs.writeFileSync(resultsFile, updated);
    log(`wrote ${path.relative(ROOT, resultsFile)}`);
  }
  await proxy.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main()
  .then(cleanup)
  .catch(async (error: unknown) => {
    console.error(error);
    await cleanup();
    process.exit(1);
  });
