// Keyset pages of a biller's attempts: the same rows, in the same order, as the offset pages; the
// cursors walk forward and back; the oldest page is reached at once; another biller's rows never show.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { generateBillerReference } from "@/lib/identifiers";
import { arrangeConfiguredBiller, arrangeInvoices } from "@/test/payment-fixtures";
import { listPaymentAttempts } from "./list-payment-attempts";
import { decodeAttemptsCursor, listPaymentAttemptsKeyset } from "./list-payment-attempts-keyset";

const kind = process.env.TEST_DB_KIND;

describe.skipIf(kind === "none")(`listPaymentAttemptsKeyset (${kind})`, () => {
  async function arrange(count: number) {
    const biller = await arrangeConfiguredBiller(db);
    const other = await arrangeConfiguredBiller(db);
    const { applicant } = await arrangeInvoices(db, biller.id, []);
    const base = Date.UTC(2026, 10, 1);
    // Some share a createdAt, so the id decides their order.
    const rows = (billerId: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        id: randomUUID(),
        billerId,
        applicantId: applicant.id,
        billerReference: generateBillerReference(),
        status: (i % 7 === 0 ? "NEEDS_REVIEW" : "PAID") as "PAID" | "NEEDS_REVIEW",
        totalCents: 1000 + i,
        expiresAt: new Date(base),
        createdAt: new Date(base + Math.floor(i / 3) * 60_000),
      }));
    await db.paymentAttempt.createMany({ data: [...rows(biller.id, count), ...rows(other.id, 5)] });
    return biller;
  }

  it("walks every page older and back newer, matching the offset pages row for row", async () => {
    const biller = await arrange(53);
    const offsetIds: string[] = [];
    for (let page = 1; page <= 3; page++)
      offsetIds.push(...(await listPaymentAttempts({ billerId: biller.id, page })).rows.map((r) => r.id));
    expect(offsetIds).toHaveLength(53);

    const first = await listPaymentAttemptsKeyset({ billerId: biller.id, pageSize: 25 });
    expect(first.newerCursor).toBeNull();
    expect(first.total).toBe(53);
    expect(first.needsReview).toBe(8);
    const second = await listPaymentAttemptsKeyset({ billerId: biller.id, pageSize: 25, at: { older: first.olderCursor! } });
    const third = await listPaymentAttemptsKeyset({ billerId: biller.id, pageSize: 25, at: { older: second.olderCursor! } });
    expect([...first.rows, ...second.rows, ...third.rows].map((r) => r.id)).toEqual(offsetIds);
    expect(third.rows).toHaveLength(3);
    expect(third.olderCursor).toBeNull();
    expect(first.rows[0]!.applicant.email).toContain("@");

    const back = await listPaymentAttemptsKeyset({ billerId: biller.id, pageSize: 25, at: { newer: third.newerCursor! } });
    expect(back.rows.map((r) => r.id)).toEqual(second.rows.map((r) => r.id));
    const top = await listPaymentAttemptsKeyset({ billerId: biller.id, pageSize: 25, at: { newer: back.newerCursor! } });
    expect(top.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(top.newerCursor).toBeNull();

    const oldest = await listPaymentAttemptsKeyset({ billerId: biller.id, pageSize: 25, at: { oldest: true } });
    expect(oldest.rows.map((r) => r.id)).toEqual(offsetIds.slice(-25));
    expect(oldest.olderCursor).toBeNull();
    expect(oldest.newerCursor).not.toBeNull();
  });

  it("a cursor that is not one of ours starts at the newest page", async () => {
    const biller = await arrange(4);
    expect(decodeAttemptsCursor("bm90LWEtY3Vyc29y")).toBeNull();
    expect(decodeAttemptsCursor("x".repeat(500))).toBeNull();
    const page = await listPaymentAttemptsKeyset({ billerId: biller.id, at: { older: "garbage" } });
    expect(page.rows).toHaveLength(4);
  });
});
