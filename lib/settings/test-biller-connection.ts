// "Test connection": one harmless authenticated call to Invoice Cloud (GET biller/status) with
// the key typed into the form, else the stored one. Audits the result only, never the key.
import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { checkBillerStatus, type Cpv2Error } from "../cpv2/client";
import { db } from "../db";
import { UserFacingError } from "../errors";
import { msg, type Text } from "../i18n/message";
import { decryptApiKey } from "../secrets";

export type ConnectionTestResult = { ok: true; message: Text } | { ok: false; message: Text };

/** What the admin reads for each failure: a catalogue key; Invoice Cloud's own words as a detail. */
function failureText(error: Cpv2Error): Text {
  if (error.kind === "rejected") {
    return error.httpStatus !== undefined && /^(Invoice Cloud answered )?HTTP \d+$/.test(error.message)
      ? msg("admin.settings.connection.httpStatus", { status: error.httpStatus })
      : msg("admin.settings.connection.rejected", { detail: error.message });
  }
  return `admin.settings.connection.${error.kind}`;
}

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
    if (!stored?.apiKeyCiphertext) throw new UserFacingError("admin.settings.connection.noKey");
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
  if (result.ok) return { ok: true, message: msg("admin.settings.connection.connected", { status: result.status }) };
  return { ok: false, message: failureText(result.error) };
}
