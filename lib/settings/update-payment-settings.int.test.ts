// Saving payment settings on a real database (PGlite and PostgreSQL).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { decryptApiKey } from "@/lib/secrets";
import { createBiller, createUser } from "@/prisma/factories";
import { getPaymentSettingsView } from "./get-payment-settings-view";
import { updatePaymentSettings, type PaymentSettingsChanges } from "./update-payment-settings";

const kind = process.env.TEST_DB_KIND;

async function arrange() {
  const biller = await createBiller(db);
  const admin = await createUser(db, { role: "BILLER_ADMIN", billerId: biller.id });
  await db.invoiceType.createMany({
    data: [
      { billerId: biller.id, typeId: 42, label: "Building permit fees" },
      { billerId: biller.id, typeId: 43, label: "Development charges" },
    ],
  });
  return { biller, admin };
}

const first: PaymentSettingsChanges = {
  apiKey: "ic_test_key_first_1234",
  billerGuid: "6f1c9a2e-3b4d-4e5f-8a7b-1c2d3e4f5a6b",
  invoiceTypeId: 42,
  maxOnlineAmountCents: 150000,
  customReturnSiteName: null,
  payAgainAfterRefund: false,
};

const storedRow = (billerId: string) =>
  db.paymentSettings.findUniqueOrThrow({
    where: { billerId },
    select: {
      apiKeyCiphertext: true,
      apiKeyLast4: true,
      apiKeySetById: true,
      apiKeySetAt: true,
      invoiceTypeId: true,
      maxOnlineAmountCents: true,
    },
  });

describe.skipIf(kind === "none")(`updatePaymentSettings (${kind})`, () => {
  it("saves with a key: encrypted for the biller, last four kept, who and when recorded", async () => {
    const { biller, admin } = await arrange();
    const { changedFields } = await updatePaymentSettings({ billerId: biller.id, actorId: admin.id, input: first });
    expect(changedFields).toEqual(["apiKey", "billerGuid", "invoiceTypeId", "maxOnlineAmountCents"]);
    const row = await storedRow(biller.id);
    expect(row.apiKeyCiphertext).toMatch(/^v1:/);
    expect(row.apiKeyCiphertext).not.toContain("ic_test_key_first_1234");
    expect(decryptApiKey(biller.id, row.apiKeyCiphertext!)).toBe("ic_test_key_first_1234");
    expect(row).toMatchObject({ apiKeyLast4: "1234", apiKeySetById: admin.id, invoiceTypeId: 42, maxOnlineAmountCents: 150000 });
    expect(row.apiKeySetAt).toBeInstanceOf(Date);
    const view = await getPaymentSettingsView({ billerId: biller.id });
    expect(view.readiness).toEqual({ ready: true });
    expect(JSON.stringify(view)).not.toMatch(/ic_test_key_first|v1:/);
  });

  it("keeps the stored key when the key is blank: the ciphertext is unchanged", async () => {
    const { biller, admin } = await arrange();
    await updatePaymentSettings({ billerId: biller.id, actorId: admin.id, input: first });
    const before = await storedRow(biller.id);
    const other = await createUser(db, { role: "BILLER_ADMIN", billerId: biller.id });
    const { changedFields } = await updatePaymentSettings({
      billerId: biller.id,
      actorId: other.id,
      input: { ...first, apiKey: null, invoiceTypeId: 43, maxOnlineAmountCents: null },
    });
    expect(changedFields).toEqual(["invoiceTypeId", "maxOnlineAmountCents"]);
    const after = await storedRow(biller.id);
    expect(after.apiKeyCiphertext).toBe(before.apiKeyCiphertext);
    expect(after).toMatchObject({ apiKeyLast4: "1234", apiKeySetById: admin.id, invoiceTypeId: 43, maxOnlineAmountCents: null });
  });

  it("writes one audit event naming the changed fields, with no key in it", async () => {
    const { biller, admin } = await arrange();
    await updatePaymentSettings({ billerId: biller.id, actorId: admin.id, input: first });
    await updatePaymentSettings({ billerId: biller.id, actorId: admin.id, input: { ...first, apiKey: "ic_test_key_second_9876" } });
    const events = await db.auditEvent.findMany({ where: { billerId: biller.id, type: "settings.updated" }, orderBy: { at: "asc" } });
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ actorId: admin.id, data: { keyChange: "set" } });
    expect(events[1]).toMatchObject({ actorId: admin.id, data: { changedFields: ["apiKey"], keyChange: "replaced", changes: {} } });
    const text = JSON.stringify(events);
    for (const secret of ["ic_test_key_first", "ic_test_key_second", "v1:"]) expect(text).not.toContain(secret);
  });

  it("saves nothing and audits nothing when nothing changed", async () => {
    const { biller, admin } = await arrange();
    await updatePaymentSettings({ billerId: biller.id, actorId: admin.id, input: first });
    const { changedFields } = await updatePaymentSettings({ billerId: biller.id, actorId: admin.id, input: { ...first, apiKey: null } });
    expect(changedFields).toEqual([]);
    expect(await db.auditEvent.count({ where: { billerId: biller.id, type: "settings.updated" } })).toBe(1);
  });

  it("refuses a first save without a key, and a type id that is not the biller's", async () => {
    const { biller, admin } = await arrange();
    await expect(
      updatePaymentSettings({ billerId: biller.id, actorId: admin.id, input: { ...first, apiKey: null } }),
    ).rejects.toMatchObject({
      field: "apiKey",
      text: "admin.settings.errors.apiKeyRequired",
    });
    await expect(
      updatePaymentSettings({ billerId: biller.id, actorId: admin.id, input: { ...first, invoiceTypeId: 99 } }),
    ).rejects.toMatchObject({
      field: "invoiceTypeId",
    });
    expect(await db.paymentSettings.findUnique({ where: { billerId: biller.id } })).toBeNull();
    expect(await db.auditEvent.count({ where: { billerId: biller.id } })).toBe(0);
  });

  it("leaves another biller's settings untouched", async () => {
    const a = await arrange();
    const b = await arrange();
    await updatePaymentSettings({ billerId: b.biller.id, actorId: b.admin.id, input: { ...first, apiKey: "ic_test_key_other_5555" } });
    const before = await db.paymentSettings.findUniqueOrThrow({ where: { billerId: b.biller.id }, omit: { apiKeyCiphertext: false } });
    await updatePaymentSettings({ billerId: a.biller.id, actorId: a.admin.id, input: first });
    await updatePaymentSettings({ billerId: a.biller.id, actorId: a.admin.id, input: { ...first, apiKey: null, invoiceTypeId: 43 } });
    const after = await db.paymentSettings.findUniqueOrThrow({ where: { billerId: b.biller.id }, omit: { apiKeyCiphertext: false } });
    expect(after).toEqual(before);
  });
});
