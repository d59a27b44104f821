// A database outage while Invoice Cloud posts back, end to end (docs/reliability.md): two `next
// start` instances on a PostgreSQL cluster of the test's own (test/throwaway-cluster.ts; the shared
// server stays up). PostgreSQL is stopped; the sandbox pays OUTAGE_APPROVALS sessions (default 200)
// and posts each approval back over HTTP, with its own retries, which run out long before the
// database is back. The instances answer 503 and keep every delivery (retries too) in their spool. After
// OUTAGE_SECONDS (default 60 in CI; `npm run reliability` runs 600) PostgreSQL starts again and the
// instances' replay job applies the spool. Required: every invoice PAID, 0 lost, 0 applied twice.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient, type Db } from "../lib/prisma-client";
import type { AppInstance } from "../test/app-instances";
import { clusterAvailable, startCluster, type Cluster } from "../test/throwaway-cluster";
import { createPermit, createUser } from "../prisma/factories";
import { E2E } from "./env";
import { expect, test } from "./fixtures";
import { CARDS } from "./payment-helpers";
import {
  arrangeSandboxBiller,
  openAttemptWithSession,
  payAtSandbox,
  sandboxState,
  startInstances,
  type OpenedAttempt,
} from "./reliability-helpers";

const ports = (process.env.E2E_TWO_INSTANCE_PORTS ?? "3650,3651").split(",").map(Number);
const APPROVALS = Number(process.env.OUTAGE_APPROVALS ?? 200);
const OUTAGE_SECONDS = Number(process.env.OUTAGE_SECONDS ?? 60);
const CONCURRENCY = 8;

async function health(url: string): Promise<{ status: number; spool: number }> {
  const res = await fetch(`${url}/api/health`);
  const body = (await res.json()) as { spool?: number };
  return { status: res.status, spool: body.spool ?? -1 };
}

async function inBatches<T>(items: T[], size: number, each: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(each));
}

test.describe("postbacks during a database outage, over HTTP", () => {
  test.skip(!!E2E.baseUrl || !!process.env.E2E_NO_POSTGRES, "needs local servers and PostgreSQL");
  test.skip(!clusterAvailable() && process.env.CI !== "true", "PostgreSQL's initdb/pg_ctl are not installed");

  let cluster: Cluster | undefined;
  let db: Db;
  let instances: AppInstance[];
  let stop: () => Promise<void> = () => Promise.resolve();
  let spoolDir = "";

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    cluster = await startCluster();
    execFileSync("npx", ["prisma", "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: cluster.url },
      stdio: ["ignore", "ignore", "pipe"],
    });
    db = createPrismaClient({ kind: "postgres", url: cluster.url });
    spoolDir = fs.mkdtempSync(path.join(os.tmpdir(), "permitpay-outage-spool-"));
    // Each instance has its own spool folder, as it would on its own machine.
    const started = await Promise.all(
      ports.map((port) => startInstances([port], cluster!.url, { POSTBACK_SPOOL_DIR: path.join(spoolDir, String(port)) })),
    );
    instances = started.flatMap((s) => s.instances);
    stop = async () => void (await Promise.all(started.map((s) => s.stop())));
  });
  test.afterAll(async () => {
    await stop();
    await db?.$disconnect();
    cluster?.destroy();
    if (spoolDir) fs.rmSync(spoolDir, { recursive: true, force: true });
  });

  test(`${APPROVALS} approvals through a ${OUTAGE_SECONDS} s outage: all PAID, 0 lost, 0 applied twice`, async () => {
    test.setTimeout(OUTAGE_SECONDS * 1000 + 600_000);
    const urls = instances.map((i) => i.url);
    const { biller, apiKey, billerGuid } = await arrangeSandboxBiller(db);
    const applicant = await createUser(db, { role: "APPLICANT", name: "Outage Applicant", profile: { city: "Mississauga", state: "ON" } });
    const permit = await createPermit(db, { applicantId: applicant.id, billerId: biller.id });
    const attempts: OpenedAttempt[] = [];
    for (let i = 0; i < APPROVALS; i++) {
      attempts.push(
        await openAttemptWithSession(
          db,
          { billerId: biller.id, apiKey, billerGuid, permit },
          { totalCents: 2000 + i, postbackBase: urls[i % urls.length]!, returnBase: urls[(i + 1) % urls.length]! },
        ),
      );
    }

    cluster!.stop();
    const stoppedAt = Date.now();
    expect((await health(urls[0]!)).status).toBe(503);
    // Invoice Cloud (the sandbox) takes every payment and posts it back; each delivery gets a 503.
    await inBatches(attempts, CONCURRENCY, async (a) => {
      a.paymentGuid = (await payAtSandbox(a.cloudPaymentUrl, CARDS.approve)).paymentGuid;
    });
    const ids = new Set<string>(attempts.map((a) => a.id));
    const ours = async () => (await sandboxState()).deliveries.filter((d) => ids.has(new URL(d.url).searchParams.get("payment-id") ?? ""));
    // The sandbox's retries all fail too, and it gives up: the spool is all that is left. Every
    // delivery (first tries and retries) was answered 503 and kept.
    await expect.poll(async () => new Set((await ours()).map((d) => d.chainId)).size, { timeout: 60_000 }).toBe(APPROVALS);
    let during = await ours();
    for (let quiet = 0; quiet < 3;) {
      await new Promise((r) => setTimeout(r, 2000));
      const now = await ours();
      quiet = now.length === during.length ? quiet + 1 : 0;
      during = now;
    }
    expect(during.filter((d) => d.ok)).toEqual([]);
    const spooledDuring = (await Promise.all(urls.map(health))).reduce((n, h) => n + h.spool, 0);
    const leftMs = OUTAGE_SECONDS * 1000 - (Date.now() - stoppedAt);
    if (leftMs > 0) await new Promise((r) => setTimeout(r, leftMs));
    const outageMs = Date.now() - stoppedAt;

    cluster!.start();
    const startedAt = Date.now();
    // The replay job (every 30 s in each instance) applies what each one spooled.
    await expect
      .poll(() => db.invoice.count({ where: { id: { in: attempts.map((a) => a.invoiceId) }, status: "PAID" } }), {
        timeout: 180_000,
        intervals: [1000],
      })
      .toBe(APPROVALS);
    const drainedMs = Date.now() - startedAt;
    await expect
      .poll(async () => (await Promise.all(urls.map(health))).map((h) => [h.status, h.spool]), { timeout: 60_000 })
      .toEqual(urls.map(() => [200, 0]));

    const invoices = await db.invoice.findMany({
      where: { id: { in: attempts.map((a) => a.invoiceId) } },
      select: { id: true, status: true, paymentGuid: true, paidAttemptId: true },
    });
    const byInvoice = new Map(invoices.map((i) => [i.id, i]));
    const lost = attempts.filter((a) => {
      const inv = byInvoice.get(a.invoiceId)!;
      return inv.status !== "PAID" || inv.paymentGuid !== a.paymentGuid || inv.paidAttemptId !== a.id;
    });
    const paidEvents = await db.auditEvent.count({ where: { attemptId: { in: [...ids] }, type: "payment.paid" } });
    const figures = {
      kind: "outage",
      approvals: APPROVALS,
      instances: urls.length,
      outageSeconds: Math.round(outageMs / 1000),
      deliveriesDuringOutage: during.length,
      deliveriesRefused503: during.filter((d) => d.status === 503).length,
      spooledEntries: spooledDuring,
      paid: invoices.filter((i) => i.status === "PAID").length,
      lost: lost.length,
      appliedTwice: paidEvents - (APPROVALS - lost.length),
      drainedSecondsAfterRestart: Math.round(drainedMs / 1000),
    };
    console.log(`RELIABILITY ${JSON.stringify(figures)}`);
    expect(figures.deliveriesRefused503).toBe(during.length);
    expect(spooledDuring).toBe(during.length);
    expect(lost.map((a) => a.id)).toEqual([]);
    expect(figures.appliedTwice).toBe(0);
  });
});
