// Two `next start` processes of the e2e build on one PostgreSQL schema (docs/operations.md, "Running
// several instances"): scheduled jobs run once per tick across both, and the sign-in throttle counts
// guesses made on either. Ports: E2E_TWO_INSTANCE_PORTS (default 3650,3651).
import { randomUUID } from "node:crypto";
import { createMigratedSchema } from "../test/postgres";
import { startAppInstances, type AppInstance } from "../test/app-instances";
import { createPrismaClient, type Db } from "../lib/prisma-client";
import { createBiller, createInvoice, createPermit, createUser } from "../prisma/factories";
import { generateBillerReference } from "../lib/identifiers";
import { MAX_FAILURES, MAX_FAILURES_PER_IP } from "../lib/auth/sign-in-throttle-limits";
import { E2E } from "./env";
import { expect, test } from "./fixtures";
import { signInHttp } from "./http-session";

const ports = (process.env.E2E_TWO_INSTANCE_PORTS ?? "3650,3651").split(",").map(Number);
const TICK_SECONDS = 2;

test.describe("two instances on one PostgreSQL", () => {
  test.skip(!!E2E.baseUrl || !!process.env.E2E_NO_POSTGRES, "needs local servers and PostgreSQL");
  test.describe.configure({ timeout: 180_000 });

  let db: Db;
  let instances: AppInstance[];
  let stop: () => Promise<void> = () => Promise.resolve();
  let drop: () => Promise<void> = () => Promise.resolve();

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const schema = await createMigratedSchema(E2E.baseDatabaseUrl, "permitpay_2i");
    drop = schema.drop;
    db = createPrismaClient({ kind: "postgres", url: schema.url });
    const started = await startAppInstances({
      ports,
      databaseUrl: schema.url,
      distDir: process.env.NEXT_DIST_DIR ?? ".next",
      env: {
        NEXTAUTH_SECRET: E2E.nextauthSecret,
        ENCRYPTION_KEYS: E2E.encryptionKeys,
        POSTBACK_SIGNING_KEYS: "p2i1:QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8=",
        SMTP_URL: "smtp://127.0.0.1:9", // nothing here sends mail
        MAIL_FROM: "PermitPay <no-reply@permitpay.test>",
        INVOICE_CLOUD_BASE_URL: E2E.sandboxUrl,
        RECONCILIATION_INTERVAL_SECONDS: String(TICK_SECONDS),
        LOG_LEVEL: "debug",
      },
    });
    instances = started.instances;
    stop = started.stop;
  });

  test.afterAll(async () => {
    await stop();
    await db?.$disconnect();
    await drop();
  });

  test("reconciliation runs once per tick across both instances", async () => {
    // Abandoned attempts for the job to expire: a real effect of each run, seen in the database.
    const biller = await createBiller(db);
    const applicant = await createUser(db, { role: "APPLICANT" });
    const permit = await createPermit(db, { applicantId: applicant.id, billerId: biller.id });
    const stale = [];
    for (let i = 0; i < 3; i++) {
      const invoice = await createInvoice(db, { permit, amountCents: 1000 + i });
      const id = randomUUID();
      await db.paymentAttempt.create({
        data: {
          id,
          billerId: biller.id,
          applicantId: applicant.id,
          billerReference: generateBillerReference(),
          status: "REDIRECTED",
          totalCents: invoice.amountDueCents,
          expiresAt: new Date(Date.now() - 24 * 3600_000),
          createdAt: new Date(Date.now() - 26 * 3600_000),
          invoices: { create: [{ invoiceId: invoice.id, amountCents: invoice.amountDueCents }] },
        },
      });
      await db.invoice.update({ where: { id: invoice.id }, data: { openAttemptId: id } });
      stale.push(id);
    }
    const startedAt = new Date();

    // Wait for six ticks that began after both instances were up.
    await expect
      .poll(() => db.jobRun.count({ where: { job: "reconciliation", tick: { gt: startedAt } } }), { timeout: 60_000 })
      .toBeGreaterThanOrEqual(6);
    const runs = await db.jobRun.findMany({ where: { job: "reconciliation", tick: { gt: startedAt } }, orderBy: { tick: "asc" } });

    // What each instance said about each tick: it ran it, or found it taken (or the job busy).
    const said = (instance: AppInstance) =>
      new Map(
        instance.logs
          .filter((l) => l.job === "reconciliation" && typeof l.tick === "string" && l.tick !== "start-up")
          .map((l) => [l.tick as string, l.msg as string]),
      );
    const finished = runs.filter((r) => r.finishedAt !== null);
    expect(finished.length).toBeGreaterThanOrEqual(5);
    // A log line can reach us a little after the row it describes.
    await expect
      .poll(() => {
        const [a, b] = instances.map(said);
        return finished.every((r) => a!.has(r.tick!.toISOString()) && b!.has(r.tick!.toISOString()));
      })
      .toBe(true);
    const [a, b] = instances.map(said);
    let bothRan = 0;
    let oneRan = 0;
    for (const run of finished) {
      const tick = run.tick!.toISOString();
      const verdicts = [a!.get(tick), b!.get(tick)];
      // Both instances saw every tick; exactly one ran it.
      expect(
        verdicts.every((v) => v !== undefined),
        `both instances logged tick ${tick}: ${JSON.stringify(verdicts)}`,
      ).toBe(true);
      const ran = verdicts.filter((v) => v === "job tick ran").length;
      if (ran === 1) oneRan++;
      else bothRan++;
    }
    expect(bothRan).toBe(0);
    expect(oneRan).toBe(finished.length);
    console.log(
      `ticks: ${finished.length}; run by :${ports[0]} ${finished.filter((r) => a!.get(r.tick!.toISOString()) === "job tick ran").length}, by :${ports[1]} ${finished.filter((r) => b!.get(r.tick!.toISOString()) === "job tick ran").length}`,
    );

    // The job itself did its work (once: the attempts are EXPIRED, their invoices released).
    const attempts = await db.paymentAttempt.findMany({ where: { id: { in: stale } }, select: { status: true } });
    expect(attempts.map((x) => x.status)).toEqual(["EXPIRED", "EXPIRED", "EXPIRED"]);
    expect(await db.invoice.count({ where: { openAttemptId: { in: stale } } })).toBe(0);
  });

  test("ten wrong passwords on one instance, then the right one on the other, is refused", async () => {
    const [first, second] = instances;
    const password = `right-${randomUUID()}`;
    const user = await createUser(db, { role: "APPLICANT", password });
    for (let i = 0; i < MAX_FAILURES; i++) {
      const guess = await signInHttp(first!.url, user.email, { password: `wrong-${i}`, forwardedFor: `198.51.100.${i + 1}` });
      expect(guess).toEqual({ ok: false, error: "CredentialsSignin" });
    }
    expect(await signInHttp(second!.url, user.email, { password, forwardedFor: "198.51.100.200" })).toEqual({
      ok: false,
      error: "TooManyAttempts",
    });
    // Another account from the same addresses is not affected.
    const other = await createUser(db, { role: "APPLICANT", password });
    expect((await signInHttp(second!.url, other.email, { password, forwardedFor: "198.51.100.1" })).ok).toBe(true);
  });

  test("fifty wrong passwords from one address, spread over both instances, block that address only", async () => {
    const password = `right-${randomUUID()}`;
    const user = await createUser(db, { role: "APPLICANT", password });
    const address = "203.0.113.77";
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      const instance = instances[i % 2]!;
      // A client-supplied X-Forwarded-For entry comes first; the load balancer's entry (last) counts.
      const guess = await signInHttp(instance.url, `nobody-${i}-${randomUUID()}@permitpay.test`, {
        password: "wrong",
        forwardedFor: `10.9.9.${i}, ${address}`,
      });
      expect(guess.ok).toBe(false);
    }
    expect(await signInHttp(instances[1]!.url, user.email, { password, forwardedFor: address })).toEqual({
      ok: false,
      error: "TooManyAttempts",
    });
    expect((await signInHttp(instances[0]!.url, user.email, { password, forwardedFor: "203.0.113.78" })).ok).toBe(true);
  });
});
