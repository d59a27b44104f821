// The foundation on a real database: seed idempotency and the append-only audit trail.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seed } from "@/prisma/seed";

const kind = process.env.TEST_DB_KIND;

describe.skipIf(kind === "none")(`database (${kind})`, () => {
  it("seeds idempotently: a second run changes nothing", async () => {
    await seed(db);
    const snapshot = async () => ({
      billers: await db.biller.findMany({ orderBy: { name: "asc" } }),
      users: await db.user.findMany({ orderBy: { email: "asc" } }),
      invoices: await db.invoice.findMany({ orderBy: { invoiceNumber: "asc" } }),
      types: await db.invoiceType.count(),
      settings: await db.paymentSettings.findMany({ select: { billerId: true, apiKeyLast4: true, updatedAt: true } }),
    });
    const first = await snapshot();
    await seed(db);
    expect(await snapshot()).toEqual(first);
    expect(first.billers.map((b) => b.name)).toEqual(["City of Mississauga", "Town of Oakville"]);
    expect(first.users.map((u) => u.email)).toContain("platform@permitpay.test");
  });

  it("keeps the audit trail append-only", async () => {
    const event = await db.auditEvent.create({ data: { type: "test.event", data: { n: 1 } } });
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { type: "changed" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    expect((await db.auditEvent.findUnique({ where: { id: event.id } }))?.type).toBe("test.event");
  });

  it("never loads the encrypted API key unless asked", async () => {
    const settings = await db.paymentSettings.findFirst();
    expect(settings).not.toBeNull();
    expect(settings).not.toHaveProperty("apiKeyCiphertext");
  });
});
