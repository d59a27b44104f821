import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createInvoice } from "@/prisma/factories";
import { arrangeConfiguredBiller, arrangeInvoices } from "@/test/payment-fixtures";
import { INVOICES_PAGE_SIZE, listInvoices } from "./list-invoices";

const kind = process.env.TEST_DB_KIND;

describe.skipIf(kind === "none")(`listInvoices (${kind})`, () => {
  it("pages through the applicant's own invoices, unpaid first, by due date", async () => {
    const biller = await arrangeConfiguredBiller(db);
    const { applicant, permit } = await arrangeInvoices(db, biller.id, []);
    const count = INVOICES_PAGE_SIZE + 2;
    for (let day = count; day >= 1; day--) {
      await createInvoice(db, { permit, amountCents: 100 * day, dueDate: new Date(Date.UTC(2026, 0, day)) });
    }
    const paid = await createInvoice(db, { permit, amountCents: 5000, dueDate: new Date(Date.UTC(2025, 0, 1)) });
    await db.invoice.update({ where: { id: paid.id }, data: { status: "PAID" } });
    await arrangeInvoices(db, biller.id, [700]); // someone else's

    const first = await listInvoices({ applicantId: applicant.id, page: 1 });
    expect(first).toMatchObject({ total: count + 1, page: 1, pageCount: 2 });
    expect(first.rows.map((r) => r.amountDueCents)).toEqual(Array.from({ length: INVOICES_PAGE_SIZE }, (_, i) => 100 * (i + 1)));

    const second = await listInvoices({ applicantId: applicant.id, page: 2 });
    expect(second).toMatchObject({ total: count + 1, page: 2, pageCount: 2 });
    expect(second.rows.map((r) => [r.amountDueCents, r.status])).toEqual([
      [2600, "UNPAID"],
      [2700, "UNPAID"],
      [5000, "PAID"],
    ]);

    const pageZero = await listInvoices({ applicantId: applicant.id, page: 0 });
    expect(pageZero.page).toBe(1);
  });
});
