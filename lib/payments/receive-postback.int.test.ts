// The postback route's whole path, through real Request objects, on PGlite and on PostgreSQL.
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { arrangeAttempt, arrangeConfiguredBiller, arrangeInvoices, flipTokenCharacter, postbackFields } from "@/test/payment-fixtures";
import { postbackTokenFor, resetLegacyAttemptsForTests } from "./authenticate-postback";
import { refusedPostbacksThisHour } from "./forgery-counter";
import { receivePostback } from "./receive-postback";

const kind = process.env.TEST_DB_KIND;
const base = "http://localhost:3000/api/command/payment/icop-postback";

function post(url: string, body: BodyInit, headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" }) {
  return receivePostback(new Request(url, { method: "POST", body, headers, duplex: "half" } as RequestInit));
}
const urlFor = (paymentId: string, token?: string | null) =>
  `${base}?payment-id=${paymentId}${token === null ? "" : `&pp-token=${encodeURIComponent(token ?? postbackTokenFor(paymentId))}`}`;

async function arrange() {
  const biller = await arrangeConfiguredBiller(db);
  const { applicant, invoices } = await arrangeInvoices(db, biller.id, [6000]);
  const attempt = await arrangeAttempt(db, { billerId: biller.id, applicantId: applicant.id, invoices });
  return { biller, applicant, invoices, attempt };
}
const receiptsOf = (paymentId: string) => db.postbackReceipt.count({ where: { paymentId } });

describe.skipIf(kind === "none")(`receivePostback (${kind})`, () => {
  afterEach(() => resetLegacyAttemptsForTests());

  it("applies a postback that carries its token", async () => {
    const { attempt, invoices } = await arrange();
    const res = await post(urlFor(attempt.id), new URLSearchParams(postbackFields(attempt).raw));
    expect(res).toMatchObject({ status: 200, body: { outcome: "paid" } });
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoices[0]!.id } })).status).toBe("PAID");
  });

  it.each([
    ["no token", null],
    ["another payment's token", "OTHER"],
    ["a token with one character changed", "FLIP"],
    ["a token from an unknown key", "zz9.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
  ])("refuses %s with 403, writes nothing and changes nothing", async (_name, token) => {
    const { attempt, invoices } = await arrange();
    const real = postbackTokenFor(attempt.id);
    const t =
      token === "OTHER" ? postbackTokenFor("00000000-0000-4000-8000-000000000001") : token === "FLIP" ? flipTokenCharacter(real) : token;
    const before = refusedPostbacksThisHour();
    const audits = await db.auditEvent.count({ where: { attemptId: attempt.id } });
    const res = await post(urlFor(attempt.id, t), new URLSearchParams(postbackFields(attempt).raw));
    expect(res.status).toBe(403);
    expect(refusedPostbacksThisHour()).toBe(before + 1);
    expect(await receiptsOf(attempt.id)).toBe(0);
    expect(await db.auditEvent.count({ where: { attemptId: attempt.id } })).toBe(audits);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoices[0]!.id } })).status).toBe("UNPAID");
    expect((await db.paymentAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).status).toBe("REDIRECTED");
    // …and the real notice still applies afterwards.
    expect((await post(urlFor(attempt.id), new URLSearchParams(postbackFields(attempt).raw))).status).toBe(200);
  });

  it("a flood of forgeries to unknown payment-ids leaves no row", async () => {
    const ids = Array.from({ length: 50 }, () => crypto.randomUUID());
    for (const id of ids) {
      expect((await post(urlFor(id, null), "Approved=True&PaymentAmount=1.00&BillerReference=x")).status).toBe(403);
    }
    // Only these payment-ids are counted: other test files write receipts into the same database meanwhile.
    expect(await db.postbackReceipt.count({ where: { paymentId: { in: ids } } })).toBe(0);
  });

  it("a genuine notice that cannot be read opens a review item and keeps what arrived", async () => {
    const { attempt } = await arrange();
    const res = await post(urlFor(attempt.id), new URLSearchParams({ ...postbackFields(attempt).raw, Approved: "Yes" }));
    expect(res.status).toBe(400);
    expect(await db.paymentAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).toMatchObject({
      status: "NEEDS_REVIEW",
      reviewKind: "UNREADABLE_NOTICE",
      reviewReason: expect.stringContaining("Approved"),
    });
    const receipt = await db.postbackReceipt.findFirstOrThrow({ where: { paymentId: attempt.id } });
    expect(receipt).toMatchObject({ verdict: "malformed", fields: expect.objectContaining({ Approved: "Yes" }) });
    expect(JSON.stringify(receipt)).not.toContain(postbackTokenFor(attempt.id));
  });

  it("a chunked body past 16 KB with no Content-Length is cut off with 413", async () => {
    const { attempt } = await arrange();
    const chunk = new TextEncoder().encode(`PaymentDescription=${"x".repeat(4096)}&`);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        if (sent > 1000)
          controller.close(); // 4 MB if nobody stops reading
        else controller.enqueue(chunk);
      },
    });
    const res = await post(urlFor(attempt.id), body);
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(20);
    expect((await db.paymentAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).reviewKind).toBe("UNREADABLE_NOTICE");
  });

  it("an attempt opened before tokens keeps the old rule (BillerReference) until its window ends", async () => {
    const { attempt, invoices } = await arrange();
    await db.paymentAttempt.update({ where: { id: attempt.id }, data: { postbackSigned: false } });
    // A forger without the reference is refused as before, and this time a receipt is kept (old rule).
    const forged = await post(
      urlFor(attempt.id, null),
      new URLSearchParams(postbackFields(attempt, { BillerReference: "f".repeat(64) }).raw),
    );
    expect(forged).toMatchObject({ status: 403, body: { outcome: "rejected" } });
    const real = await post(urlFor(attempt.id, null), new URLSearchParams(postbackFields(attempt).raw));
    expect(real).toMatchObject({ status: 200, body: { outcome: "paid" } });
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoices[0]!.id } })).status).toBe("PAID");

    // Once its session, the margin and the return grace are over, a tokenless postback is refused unread.
    const { attempt: old } = await arrange();
    await db.paymentAttempt.update({
      where: { id: old.id },
      data: { postbackSigned: false, expiresAt: new Date(Date.now() - 30 * 24 * 3600_000) },
    });
    resetLegacyAttemptsForTests();
    expect((await post(urlFor(old.id, null), new URLSearchParams(postbackFields(old).raw))).status).toBe(403);
    expect(await receiptsOf(old.id)).toBe(0);
    // A new attempt never takes the old rule.
    const { attempt: fresh } = await arrange();
    expect((await post(urlFor(fresh.id, null), new URLSearchParams(postbackFields(fresh).raw))).status).toBe(403);
  });
});
