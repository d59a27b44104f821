// Resending a delivery that is not the biller's (or no longer exists) says so with a catalogue key.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createBiller, createUser } from "@/prisma/factories";
import { resendOutboxMessage } from "./resend-outbox-message";

const kind = process.env.TEST_DB_KIND;

describe.skipIf(kind === "none")(`resendOutboxMessage (${kind})`, () => {
  it("refuses an unknown message with the platform.outbox key, and changes nothing", async () => {
    const biller = await createBiller(db);
    const admin = await createUser(db, { role: "BILLER_ADMIN", billerId: biller.id });
    await expect(resendOutboxMessage({ billerId: biller.id, actorId: admin.id, messageId: crypto.randomUUID() })).rejects.toMatchObject({
      name: "UserFacingError",
      text: "platform.outbox.errors.noSuchDelivery",
    });
    expect(await db.auditEvent.count({ where: { billerId: biller.id, type: "outbox.resent" } })).toBe(0);
  });
});
