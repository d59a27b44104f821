// A database outage while Invoice Cloud posts back: every approval is kept in the spool (503 to
// Invoice Cloud), then applied exactly once when the database is back, by replay or by a retry.
// PostgreSQL only, on a cluster of the test's own that it stops and starts (the shared one stays up).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clusterAvailable, startCluster, type Cluster } from "@/test/throwaway-cluster";

const kind = process.env.TEST_DB_KIND;
const APPROVALS = Number(process.env.SPOOL_TEST_APPROVALS ?? 200);
const OUTAGE_SECONDS = Number(process.env.SPOOL_TEST_OUTAGE_SECONDS ?? 5);
if (kind === "postgres" && !clusterAvailable()) {
  if (process.env.CI === "true") throw new Error("initdb/pg_ctl are required under CI=true for the outage test");
  console.warn("!!! SKIPPING the database outage test: PostgreSQL's initdb/pg_ctl are not installed !!!");
}

describe.skipIf(kind !== "postgres" || !clusterAvailable())("postbacks during a database outage (postgres, own cluster)", () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster();
    execFileSync("npx", ["prisma", "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: cluster.url },
      stdio: ["ignore", "ignore", "pipe"],
    });
    // This file's modules are loaded only now, so the app's client points at the test's own cluster.
    process.env.DATABASE_URL = cluster.url;
    process.env.POSTBACK_SPOOL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "permitpay-spool-"));
  }, 120_000);
  afterAll(() => cluster?.destroy());

  it(`keeps ${APPROVALS} approvals through a ${OUTAGE_SECONDS} s outage and applies each exactly once`, { timeout: 300_000 }, async () => {
    const { db } = await import("@/lib/db");
    const fixtures = await import("@/test/payment-fixtures");
    const { postbackTokenFor } = await import("./authenticate-postback");
    const { receivePostback, replaySpooledPostbacks } = await import("./receive-postback");
    const { spoolDepth } = await import("./postback-spool");

    const biller = await fixtures.arrangeConfiguredBiller(db, { maxOnlineAmountCents: null });
    const { applicant, invoices } = await fixtures.arrangeInvoices(
      db,
      biller.id,
      Array.from({ length: APPROVALS }, (_, i) => 1000 + i),
    );
    const attempts = [];
    for (const invoice of invoices)
      attempts.push(await fixtures.arrangeAttempt(db, { billerId: biller.id, applicantId: applicant.id, invoices: [invoice] }));
    const notices = attempts.map((a) => ({
      url: `http://localhost/api/command/payment/icop-postback?payment-id=${a.id}&pp-token=${encodeURIComponent(postbackTokenFor(a.id))}`,
      body: new URLSearchParams(fixtures.postbackFields(a).raw).toString(),
    }));
    const send = (n: (typeof notices)[number]) =>
      receivePostback(
        new Request(n.url, { method: "POST", body: n.body, headers: { "content-type": "application/x-www-form-urlencoded" } }),
      );

    cluster.stop();
    const started = Date.now();
    const during = [];
    for (const n of notices) during.push((await send(n)).status);
    expect(during.every((s) => s === 503)).toBe(true);
    expect(spoolDepth()).toBe(APPROVALS);
    await new Promise((r) => setTimeout(r, Math.max(0, OUTAGE_SECONDS * 1000 - (Date.now() - started))));
    cluster.start();

    // Invoice Cloud retries a third of them itself; the replay job brings in the rest.
    const retried = [];
    for (const n of notices.filter((_, i) => i % 3 === 0)) retried.push((await send(n)).status);
    let replayed = 0;
    for (let round = 0; round < 10 && spoolDepth() > 0; round++) replayed += (await replaySpooledPostbacks()).replayed;

    expect(spoolDepth()).toBe(0);
    const ids = invoices.map((i) => i.id);
    const paid = await db.invoice.count({ where: { id: { in: ids }, status: "PAID" } });
    const appliedTwice =
      (await db.auditEvent.count({ where: { attemptId: { in: attempts.map((a) => a.id) }, type: "payment.paid" } })) - paid;
    console.log(
      `spool outage: ${APPROVALS} approvals during a ${OUTAGE_SECONDS} s outage; 503 and spooled ${during.filter((s) => s === 503).length}; ` +
        `retried by the sender ${retried.length}; replayed ${replayed}; PAID ${paid}; lost ${APPROVALS - paid}; applied twice ${appliedTwice}`,
    );
    expect(paid).toBe(APPROVALS);
    expect(appliedTwice).toBe(0);
    expect(replayed).toBe(APPROVALS);
    await db.$disconnect();
  });
});
