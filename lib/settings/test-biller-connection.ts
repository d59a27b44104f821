// "Test connection": one harmless authenticated call to Invoice Cloud (GET biller/status) with
// the key typed into the form, else the stored one. Audits the result only, never the key.
import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { checkBillerStatus } from "../cpv2/client";
import { db } from "../db";
import { UserFacingError } from "../errors";
import { decryptApiKey } from "../secrets";

export type ConnectionTestResult = { ok: true; message: string } | { ok: false; message: string };

export async function testBillerConnection(opts: {
  billerId: string;
  actorId: string;
  enteredApiKey: string | null;
}): Promise<ConnectionTestResult> {
  const { billerId, actorId } = opts;
  let apiKey = opts.enteredApiKey;
  if (apiKey === null) {
    // The one place besides payments that needs the stored key: select it explicitly.
    const stored = await db.paymentSettings.findUnique({ where: { billerId }, select: { apiKeyCiphertext: true } });
    if (!stored?.apiKeyCiphertext) throw new UserFacingError("Enter the API key to test, or save one first");
    apiKey = decryptApiKey(billerId, stored.apiKeyCiphertext);
  }
  const result = await checkBillerStatus({ apiKey });
  await recordAuditEvent(db, {
    type: "settings.connection_tested",
    actorId,
    billerId,
    data: {
      keySource: opts.enteredApiKey === null ? "stored" : "entered",
      result: result.ok ? "connected" : result.error.kind,
      ...(result.ok ? { status: result.status } : { message: result.error.message }),
    },
  });
  if (result.ok) return { ok: true, message: `Connected to Invoice Cloud (biller status: ${result.status})` };
  return { ok: false, message: result.error.message };
}
