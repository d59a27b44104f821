// The foundation on a real database: seed idempotency and the append-only audit trail.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DEMO_ACCOUNTS, DEMO_BILLERS, seed } from "@/prisma/seed";

const kind = process.env.TEST_DB_KIND;

describe.skipIf(kind === "none")(`database (${kind})`, () => {
  it("seeds idempotently: a second run changes nothing", async () => {
    await seed(db);
    // Only the seed's own rows: other test files write to the same database at the same time.
    const names = Object.values(DEMO_BILLERS).map((b) => b.name);
    const emails = DEMO_ACCOUNTS.map((a) => a.email);
    const snapshot = async () => ({
      billers: await db.biller.findMany({ where: { name: { in: names } }, orderBy: { name: "asc" } }),
      users: await db.user.findMany({ where: { email: { in: emails } }, orderBy: { email: "asc" } }),
      invoices: await db.invoice.findMany({ where: { applicant: { email: { in: emails } } }, orderBy: { invoiceNumber: "asc" } }),
      types: await db.invoiceType.count({ where: { biller: { name: { in: names } } } }),
      settings: await db.paymentSettings.findMany({
        where: { biller: { name: { in: names } } },
        select: { billerId: true, apiKeyLast4: true, updatedAt: true },
      }),
    });
    const first = await snapshot();
    await seed(db);
    expect(await snapshot()).toEqual(first);
    expect(first.billers.map((b) => b.name)).toEqual(["City of Mississauga", "Town of Oakville"]);
    expect(first.users.map((u) => u.email)).toEqual([...emails].sort());
    expect(first.invoices).toHaveLength(5);
    expect(first.settings).toHaveLength(1); // Mississauga configured, Oakville left to its admin
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
