// CSV import on a real database (PGlite and PostgreSQL): all rows or none, by row and column,
// and the same file twice changes nothing.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createBiller, createUser } from "@/prisma/factories";
import { importInvoices } from "./import-invoices";

const kind = process.env.TEST_DB_KIND;
const HEADER =
  "external_reference,permit_number,permit_description,applicant_email,applicant_name,address,city,state,postal_code,description,amount,due_date";

function csv(prefix: string, count: number, overrides: Record<number, Partial<Record<"amount" | "email" | "ref", string>>> = {}) {
  const lines = [HEADER];
  for (let i = 0; i < count; i++) {
    const o = overrides[i] ?? {};
    // Two rows per applicant and per permit, to check they are created once.
    const who = Math.floor(i / 2);
    lines.push(
      `${o.ref ?? `${prefix}-${i}`},BP-${prefix}-${who},Deck,${o.email ?? `${prefix}-${who}@example.test`},Applicant ${who},1 Main St,Mississauga,ON,L5B 1M2,Permit fee ${i},${o.amount ?? `${100 + i}.50`},2026-12-31`,
    );
  }
  return lines.join("\n");
}

describe.skipIf(kind === "none")(`importInvoices (${kind})`, () => {
  it("with one bad row writes nothing and names the row and column; the fixed file imports every row; again changes nothing", async () => {
    const biller = await createBiller(db);
    const admin = await createUser(db, { role: "BILLER_ADMIN", billerId: biller.id });
    const prefix = crypto.randomBytes(4).toString("hex");
    const bad = await importInvoices({
      billerId: biller.id,
      actorId: admin.id,
      csv: csv(prefix, 6, { 3: { amount: "abc" } }),
      commit: true,
    });
    expect(bad).toEqual({ ok: false, errors: [{ row: 5, column: "amount", message: "admin.invoices.errors.amountFormat" }] });
    expect(await db.invoice.count({ where: { billerId: biller.id } })).toBe(0);
    expect(await db.user.count({ where: { email: { startsWith: prefix } } })).toBe(0);

    const preview = await importInvoices({ billerId: biller.id, actorId: admin.id, csv: csv(prefix, 6), commit: false });
    expect(preview).toMatchObject({ ok: true, committed: false, summary: { total: 6, toCreate: 6, unchanged: 0, newApplicants: 3 } });
    expect(await db.invoice.count({ where: { billerId: biller.id } })).toBe(0);

    const good = await importInvoices({ billerId: biller.id, actorId: admin.id, csv: csv(prefix, 6), commit: true });
    expect(good).toMatchObject({ ok: true, committed: true, summary: { toCreate: 6, newApplicants: 3 } });
    expect(good.ok && good.newApplicantIds).toHaveLength(3);
    const invoices = await db.invoice.findMany({
      where: { billerId: biller.id },
      orderBy: { externalReference: "asc" },
      include: { permit: true, applicant: true },
    });
    expect(invoices).toHaveLength(6);
    expect(invoices[0]).toMatchObject({ externalReference: `${prefix}-0`, amountDueCents: 10_050, status: "UNPAID" });
    expect(invoices[0]!.applicant).toMatchObject({ email: `${prefix}-0@example.test`, passwordHash: null, role: "APPLICANT" });
    expect(await db.permit.count({ where: { number: { startsWith: `BP-${prefix}` } } })).toBe(3);
    expect(await db.auditEvent.count({ where: { billerId: biller.id, type: "invoices.imported" } })).toBe(1);

    const again = await importInvoices({ billerId: biller.id, actorId: admin.id, csv: csv(prefix, 6), commit: true });
    expect(again).toMatchObject({ ok: true, summary: { toCreate: 0, unchanged: 6, newApplicants: 0 } });
    expect(await db.invoice.count({ where: { billerId: biller.id } })).toBe(6);
    expect(await db.auditEvent.count({ where: { billerId: biller.id, type: "invoices.imported" } })).toBe(1);

    // A used reference with another amount, and a staff email: refused by row, nothing written.
    const changed = await importInvoices({
      billerId: biller.id,
      actorId: admin.id,
      csv: csv(prefix, 8, { 1: { amount: "999.00" }, 7: { email: admin.email } }),
      commit: true,
    });
    expect(changed.ok).toBe(false);
    expect(!changed.ok && changed.errors.map((e) => [e.row, e.column])).toEqual([
      [3, "external_reference"],
      [9, "applicant_email"],
    ]);
    expect(await db.invoice.count({ where: { billerId: biller.id } })).toBe(6);
  });
});
