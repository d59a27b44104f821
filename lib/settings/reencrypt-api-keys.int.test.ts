import { describe, expect, it, vi } from "vitest";
import { encryptSecret, generateKeySpec, parseKeyRing } from "@/lib/crypto";
import { db } from "@/lib/db";
import { createBiller, createUser } from "@/prisma/factories";

const kind = process.env.TEST_DB_KIND;

describe.skipIf(kind === "none")(`reencryptApiKeys (${kind})`, () => {
  it("moves keys made with an older ring key to the newest, and reports keys it cannot open", async () => {
    // The test ring (setup-common) is "test1:…". Make one ciphertext with an "old" key that is
    // in the ring, and one with a key that is not.
    const oldSpec = generateKeySpec("old");
    process.env.ENCRYPTION_KEYS = `${process.env.ENCRYPTION_KEYS},${oldSpec}`;
    vi.resetModules();
    const fresh = await import("./reencrypt-api-keys");
    const freshSecrets = await import("@/lib/secrets");
    const admin = await createUser(db, { role: "PLATFORM_ADMIN" });
    const rotated = await createBiller(db);
    const lost = await createBiller(db);
    const oldBox = encryptSecret("ic_key_rotated_12345678", { keyRing: parseKeyRing(oldSpec), owner: `biller:${rotated.id}` });
    const lostBox = encryptSecret("ic_key_lost_12345678", { keyRing: parseKeyRing(generateKeySpec("gone")), owner: `biller:${lost.id}` });
    await db.paymentSettings.create({ data: { billerId: rotated.id, apiKeyCiphertext: oldBox, apiKeyLast4: "5678" } });
    await db.paymentSettings.create({ data: { billerId: lost.id, apiKeyCiphertext: lostBox, apiKeyLast4: "5678" } });

    const result = await fresh.reencryptApiKeys({ actorId: admin.id });
    expect(result.reencrypted).toBeGreaterThanOrEqual(1);
    expect(result.unreadable).toContain(lost.name);
    const after = await db.paymentSettings.findUniqueOrThrow({ where: { billerId: rotated.id }, select: { apiKeyCiphertext: true } });
    expect(after.apiKeyCiphertext!.startsWith("v1:test1:")).toBe(true);
    expect(freshSecrets.decryptApiKey(rotated.id, after.apiKeyCiphertext!)).toBe("ic_key_rotated_12345678");
    expect(await db.auditEvent.count({ where: { billerId: rotated.id, type: "settings.key_reencrypted" } })).toBe(1);
    // A second run has nothing left to do for that biller.
    const again = await fresh.reencryptApiKeys({ actorId: admin.id });
    expect(again.unreadable).toContain(lost.name);
    expect(await db.auditEvent.count({ where: { billerId: rotated.id, type: "settings.key_reencrypted" } })).toBe(1);
  });
});
