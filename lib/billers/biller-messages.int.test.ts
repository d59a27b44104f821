// What the biller functions tell the platform admin is a catalogue key with its parameters (the
// page translates it), on the real database.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createBiller, createUser } from "@/prisma/factories";
import { addInvoiceType } from "./add-invoice-type";
import { createBiller as createBillerRecord } from "./create-biller";
import { createBillerAdmin } from "./create-biller-admin";
import { removeInvoiceType } from "./remove-invoice-type";
import { updateBiller } from "./update-biller";

const kind = process.env.TEST_DB_KIND;

describe.skipIf(kind === "none")(`biller functions' messages (${kind})`, () => {
  it("a duplicate type id, a type id in use and one not listed are keys with the type id", async () => {
    const biller = await createBiller(db);
    const platform = await createUser(db, { role: "PLATFORM_ADMIN" });
    const admin = await createUser(db, { role: "BILLER_ADMIN", billerId: biller.id });
    await addInvoiceType({ billerId: biller.id, actorId: platform.id, input: { typeId: 4242, label: "Fees" } });
    await expect(
      addInvoiceType({ billerId: biller.id, actorId: platform.id, input: { typeId: 4242, label: "Again" } }),
    ).rejects.toMatchObject({
      field: "typeId",
      text: { key: "platform.errors.typeIdTaken", values: { typeId: "4242" } },
    });
    await db.paymentSettings.create({
      data: {
        billerId: biller.id,
        apiKeyCiphertext: "v1:x:y:z:w",
        apiKeyLast4: "wxyz",
        apiKeySetById: admin.id,
        apiKeySetAt: new Date(),
        invoiceTypeId: 4242,
      },
    });
    await expect(removeInvoiceType({ billerId: biller.id, actorId: platform.id, typeId: 4242 })).rejects.toMatchObject({
      text: { key: "platform.errors.typeIdInUse", values: { typeId: "4242" } },
    });
    await expect(removeInvoiceType({ billerId: biller.id, actorId: platform.id, typeId: 99 })).rejects.toMatchObject({
      text: { key: "platform.errors.typeIdNotListed", values: { typeId: "99" } },
    });
  });

  it("a taken name or email, and a biller that is gone, are keys", async () => {
    const biller = await createBiller(db);
    const other = await createBiller(db);
    const platform = await createUser(db, { role: "PLATFORM_ADMIN" });
    const input = { name: other.name, dbaName: "x", timeZone: "UTC" };
    await expect(createBillerRecord({ actorId: platform.id, input })).rejects.toMatchObject({
      field: "name",
      text: "platform.errors.nameTaken",
    });
    await expect(updateBiller({ billerId: biller.id, actorId: platform.id, input })).rejects.toMatchObject({
      field: "name",
      text: "platform.errors.nameTaken",
    });
    const gone = crypto.randomUUID();
    await expect(updateBiller({ billerId: gone, actorId: platform.id, input })).rejects.toMatchObject({
      text: "platform.errors.billerGone",
    });
    await expect(addInvoiceType({ billerId: gone, actorId: platform.id, input: { typeId: 1, label: "x" } })).rejects.toMatchObject({
      text: "platform.errors.billerGone",
    });
    const existing = await createUser(db, { role: "BILLER_ADMIN", billerId: biller.id });
    await expect(
      createBillerAdmin({
        billerId: biller.id,
        actorId: platform.id,
        input: { email: existing.email, name: "A", password: "a sound passphrase here" },
      }),
    ).rejects.toMatchObject({ field: "email", text: "platform.errors.emailTaken" });
  });
});
