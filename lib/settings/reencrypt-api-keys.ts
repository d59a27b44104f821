// Key rotation, step 3: re-encrypt every stored API key made with an older key of the ring
// under the newest one. Runs inside the app (a platform admin's button), because PGlite is one
// process's database. A key that no configured encryption key can open is reported, not lost.
import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { apiKeyNeedsReencryption, decryptApiKey, encryptApiKey } from "../secrets";

export type ReencryptResult = { reencrypted: number; alreadyCurrent: number; unreadable: string[] };

export async function reencryptApiKeys(opts: { actorId: string }): Promise<ReencryptResult> {
  const rows = await db.paymentSettings.findMany({
    where: { apiKeyCiphertext: { not: null } },
    select: { billerId: true, apiKeyCiphertext: true, biller: { select: { name: true } } },
  });
  const result: ReencryptResult = { reencrypted: 0, alreadyCurrent: 0, unreadable: [] };
  for (const row of rows) {
    const old = row.apiKeyCiphertext!;
    if (!apiKeyNeedsReencryption(old)) {
      result.alreadyCurrent += 1;
      continue;
    }
    let plain: string;
    try {
      plain = decryptApiKey(row.billerId, old);
    } catch {
      result.unreadable.push(row.biller.name);
      continue;
    }
    await db.$transaction(async (tx) => {
      // Conditional on the old ciphertext: a key replaced meanwhile by its admin is left alone.
      const { count } = await tx.paymentSettings.updateMany({
        where: { billerId: row.billerId, apiKeyCiphertext: old },
        data: { apiKeyCiphertext: encryptApiKey(row.billerId, plain) },
      });
      if (count === 1) {
        result.reencrypted += 1;
        await recordAuditEvent(tx, {
          type: "settings.key_reencrypted",
          actorId: opts.actorId,
          billerId: row.billerId,
          data: { fromKeyId: old.split(":")[1] },
        });
      }
    });
  }
  return result;
}
