// kill -9 in the middle of PAY ONLINE, one test per step (docs/reliability.md, "Crash tests"): the
// app server is started with PERMITPAY_FAULT_POINT (lib/payments/fault-points.ts) and SIGKILLs
// itself at that step of a real press in the browser; it is then started again, and the applicant
// carries on. Each test checks that:
// - no invoice stays held longer than the documented time (docs/architecture.md, "Holding invoices");
// - no second Invoice Cloud session opens while the first can still take a payment;
// - the applicant can continue, or start again, and pays exactly once.
// The hold of a CREATED attempt is 2 minutes. By default the test moves the attempt's createdAt back
// past it (time passing, without the wait); CRASH_REAL_WAIT=1 (npm run reliability) waits it out.
import type { Page } from "@playwright/test";
import type { AppInstance } from "../test/app-instances";
import type { Db } from "../lib/prisma-client";
import { CREATED_STALE_MS } from "../lib/payments/transitions";
import { createInvoice, createPermit, createUser, DEMO_PASSWORD } from "../prisma/factories";
import { E2E } from "./env";
import { expect, sandbox, test } from "./fixtures";
import { CARDS, invoiceRow, payOnInvoiceCloud } from "./payment-helpers";
import { arrangeSandboxBiller, exited, ownSchema, sessionsForInvoice, startInstances } from "./reliability-helpers";

const port = Number((process.env.E2E_TWO_INSTANCE_PORTS ?? "3650,3651").split(",")[0]);
const REAL_WAIT = process.env.CRASH_REAL_WAIT === "1";
const TICK_SECONDS = 2;
const payButton = /^(PAY ONLINE|CONTINUE PAYMENT)/;

test.describe("kill -9 during PAY ONLINE", () => {
  test.skip(!!E2E.baseUrl || !!process.env.E2E_NO_POSTGRES, "needs local servers and PostgreSQL");
  test.describe.configure({ timeout: REAL_WAIT ? 420_000 : 180_000 });

  let db: Db;
  let databaseUrl: string;
  let drop: () => Promise<void> = () => Promise.resolve();
  let running: { stop: () => Promise<void> } | undefined;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    ({ db, url: databaseUrl, drop } = await ownSchema("permitpay_crash"));
  });
  test.afterEach(async () => {
    await running?.stop();
    running = undefined;
    await sandbox.clearFaults();
  });
  test.afterAll(async () => {
    await db?.$disconnect();
    await drop();
  });

  /** Starts the app; with a fault point, the instance dies at that step of the next PAY ONLINE. */
  async function start(faultEnv: Record<string, string> = {}): Promise<AppInstance> {
    const started = await startInstances([port], databaseUrl, { RECONCILIATION_INTERVAL_SECONDS: String(TICK_SECONDS), ...faultEnv });
    running = started;
    return started.instances[0]!;
  }

  async function arrange() {
    const { biller, billerGuid } = await arrangeSandboxBiller(db);
    const applicant = await createUser(db, {
      role: "APPLICANT",
      name: "Casey Builder",
      profile: { address: "1 Civic Centre Drive", city: "Mississauga", state: "ON", zip: "L5B3C1" },
    });
    const permit = await createPermit(db, { applicantId: applicant.id, billerId: biller.id });
    const invoice = await createInvoice(db, { permit, amountCents: 12_345 });
    return { biller, billerGuid, applicant, invoice };
  }

  async function signInAt(page: Page, url: string, email: string) {
    await page.goto(`${url}/signin`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).not.toHaveURL(/\/signin/);
  }

  /** Presses PAY ONLINE and waits for the instance to die at its fault point. */
  async function pressAndDie(page: Page, app: AppInstance, invoiceNumber: string): Promise<Date> {
    await page.goto(`${app.url}/invoices`);
    await invoiceRow(page, invoiceNumber).getByRole("button", { name: payButton }).click();
    expect(await exited(app)).toBe("SIGKILL");
    return new Date();
  }

  async function attemptsOf(invoiceId: string) {
    return db.paymentAttempt.findMany({
      where: { invoices: { some: { invoiceId } } },
      orderBy: { createdAt: "asc" },
      select: { id: true, status: true, closeReason: true, hostedPageUrl: true, createdAt: true, reviewKind: true },
    });
  }

  /** Time passes until the hold ends, then reconciliation (in the restarted instance) releases the invoice. */
  async function holdEnds(attemptId: string, invoiceId: string, killedAt: Date) {
    if (!REAL_WAIT) {
      await db.paymentAttempt.update({
        where: { id: attemptId },
        data: { createdAt: new Date(Date.now() - CREATED_STALE_MS - 1000) },
      });
    }
    const limitMs = REAL_WAIT ? CREATED_STALE_MS + 60_000 : 30_000;
    await expect
      .poll(async () => (await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).openAttemptId, {
        timeout: limitMs,
        intervals: [500],
      })
      .toBeNull();
    const releasedAfterMs = Date.now() - killedAt.getTime();
    const attempt = await db.paymentAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt).toMatchObject({ status: "EXPIRED", closeReason: "SESSION_NEVER_OPENED" });
    if (REAL_WAIT) expect(releasedAfterMs).toBeLessThanOrEqual(CREATED_STALE_MS + 60_000);
    return releasedAfterMs;
  }

  /** On Invoice Cloud's page: pay, return, and see the invoice PAID by exactly one payment. */
  async function payAndReturn(page: Page, invoiceId: string) {
    await payOnInvoiceCloud(page, CARDS.approve);
    await page.getByRole("link", { name: "Return to Home Page" }).click();
    await expect(page).toHaveURL(/\/payments\//);
    await expect.poll(async () => (await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).status).toBe("PAID");
  }

  async function paidOnce(invoiceId: string, attemptId: string) {
    const invoice = await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
    expect(invoice.status).toBe("PAID");
    expect(await db.auditEvent.count({ where: { attemptId, type: "payment.paid" } })).toBe(1);
  }

  function report(step: string, figures: Record<string, unknown>) {
    console.log(`RELIABILITY ${JSON.stringify({ kind: "crash", step, realWait: REAL_WAIT, ...figures })}`);
  }

  test("killed after the claim: the invoice is held 2 minutes at most, then PAY ONLINE opens one session", async ({ page }) => {
    const { billerGuid, applicant, invoice } = await arrange();
    let app = await start({ PERMITPAY_FAULT_POINT: "after-claim" });
    await signInAt(page, app.url, applicant.email);
    const killedAt = await pressAndDie(page, app, invoice.invoiceNumber);

    // Dead after the claim: the attempt holds the invoice, and Invoice Cloud was never called.
    const [first] = await attemptsOf(invoice.id);
    expect(first).toMatchObject({ status: "CREATED", hostedPageUrl: null });
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).openAttemptId).toBe(first!.id);
    expect(await sessionsForInvoice(billerGuid, invoice.invoiceNumber)).toHaveLength(0);

    app = await start();
    const releasedAfterMs = await holdEnds(first!.id, invoice.id, killedAt);

    // Start again: one new attempt, one session, paid once.
    await page.goto(`${app.url}/invoices`);
    await invoiceRow(page, invoice.invoiceNumber)
      .getByRole("button", { name: /^PAY ONLINE/ })
      .click();
    await expect(page).toHaveURL(/\/portal\/access\/otp\//);
    const sessions = await sessionsForInvoice(billerGuid, invoice.invoiceNumber);
    expect(sessions).toHaveLength(1);
    await payAndReturn(page, invoice.id);
    const attempts = await attemptsOf(invoice.id);
    expect(attempts.map((a) => a.status)).toEqual(["EXPIRED", "PAID"]);
    await paidOnce(invoice.id, attempts[1]!.id);
    report("after-claim", { releasedAfterMs, sessions: sessions.length, paid: 1, lost: 0, appliedTwice: 0 });
  });

  test("killed during the Invoice Cloud call: no second session while the first is held, then one paid", async ({ page }) => {
    const { billerGuid, applicant, invoice } = await arrange();
    // Invoice Cloud is slow: it holds the request 5 s, then opens the session anyway (to a dead client).
    await sandbox.addFault({ fault: "api_timeout", scope: "next", billerGuid, delayMs: 5000 });
    let app = await start({ PERMITPAY_FAULT_POINT: "during-invoice-cloud-call", PERMITPAY_FAULT_DELAY_MS: "1500" });
    await signInAt(page, app.url, applicant.email);
    const killedAt = await pressAndDie(page, app, invoice.invoiceNumber);

    const [first] = await attemptsOf(invoice.id);
    expect(first).toMatchObject({ status: "CREATED", hostedPageUrl: null });
    // The call was in flight: Invoice Cloud opened the session after the app had died. Its URL
    // reached no one (not the browser, not the database), so no one can pay on it.
    await expect.poll(() => sessionsForInvoice(billerGuid, invoice.invoiceNumber), { timeout: 15_000 }).toHaveLength(1);
    const [orphan] = await sessionsForInvoice(billerGuid, invoice.invoiceNumber);
    expect(orphan!.request.BillerReference).toBe((await db.paymentAttempt.findUniqueOrThrow({ where: { id: first!.id } })).billerReference);
    expect(orphan!.status).toBe("open");

    // Restarted, within the hold: pressing again opens no second session.
    app = await start();
    await page.goto(`${app.url}/invoices`);
    await invoiceRow(page, invoice.invoiceNumber).getByRole("button", { name: payButton }).click();
    await expect(invoiceRow(page, invoice.invoiceNumber).getByRole("alert")).toBeVisible({ timeout: 45_000 });
    expect(page.url().startsWith(app.url)).toBe(true);
    expect(await sessionsForInvoice(billerGuid, invoice.invoiceNumber)).toHaveLength(1);
    expect(await attemptsOf(invoice.id)).toHaveLength(1);

    const releasedAfterMs = await holdEnds(first!.id, invoice.id, killedAt);
    await page.goto(`${app.url}/invoices`);
    await invoiceRow(page, invoice.invoiceNumber)
      .getByRole("button", { name: /^PAY ONLINE/ })
      .click();
    await expect(page).toHaveURL(/\/portal\/access\/otp\//);
    expect(page.url()).not.toBe(orphan!.cloudPaymentUrl);
    await payAndReturn(page, invoice.id);
    const attempts = await attemptsOf(invoice.id);
    expect(attempts.map((a) => a.status)).toEqual(["EXPIRED", "PAID"]);
    await paidOnce(invoice.id, attempts[1]!.id);

    // Even if someone did pay on the orphaned page, nothing would be applied twice: the late
    // approval finds the invoice paid by the other attempt and opens a CHARGED_TWICE review.
    await page.goto(orphan!.cloudPaymentUrl);
    await payOnInvoiceCloud(page, CARDS.approve);
    await expect.poll(async () => (await attemptsOf(invoice.id))[0]!.status, { timeout: 20_000 }).toBe("NEEDS_REVIEW");
    expect((await attemptsOf(invoice.id))[0]!.reviewKind).toBe("CHARGED_TWICE");
    await paidOnce(invoice.id, attempts[1]!.id);
    report("during-invoice-cloud-call", { releasedAfterMs, sessionsWhileHeld: 1, paid: 1, lost: 0, appliedTwice: 0 });
  });

  test("killed after Invoice Cloud answered, before the redirect: CONTINUE PAYMENT resumes the same session", async ({ page }) => {
    const { billerGuid, applicant, invoice } = await arrange();
    let app = await start({ PERMITPAY_FAULT_POINT: "after-invoice-cloud-answered" });
    await signInAt(page, app.url, applicant.email);
    await pressAndDie(page, app, invoice.invoiceNumber);

    // The session is open and recorded; the browser never got its address.
    const [first] = await attemptsOf(invoice.id);
    expect(first!.status).toBe("REDIRECTED");
    expect(first!.hostedPageUrl).toMatch(/\/portal\/access\/otp\//);
    expect(page.url().startsWith(app.url)).toBe(true);
    expect(await sessionsForInvoice(billerGuid, invoice.invoiceNumber)).toHaveLength(1);

    // Restarted: the applicant is sent to that same page at once (no wait), and pays once.
    app = await start();
    await page.goto(`${app.url}/invoices`);
    await invoiceRow(page, invoice.invoiceNumber).getByRole("button", { name: payButton }).click();
    await expect(page).toHaveURL(first!.hostedPageUrl!);
    await payAndReturn(page, invoice.id);
    const sessions = await sessionsForInvoice(billerGuid, invoice.invoiceNumber);
    expect(sessions).toHaveLength(1);
    const attempts = await attemptsOf(invoice.id);
    expect(attempts.map((a) => [a.id, a.status])).toEqual([[first!.id, "PAID"]]);
    await paidOnce(invoice.id, first!.id);
    report("after-invoice-cloud-answered", { releasedAfterMs: 0, sessions: sessions.length, paid: 1, lost: 0, appliedTwice: 0 });
  });
});
