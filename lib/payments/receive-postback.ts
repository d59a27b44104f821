// Everything the postback route does, as one function: authenticate from the URL (no database),
// then read the capped body, then apply. A forged notice gets 403 and leaves no row; an
// unreadable genuine one opens a review item; a database failure is a 500 so Invoice Cloud retries.
import "server-only";
import { parsePostback } from "../cpv2/parse-postback";
import { logger } from "../logger";
import { applyPostback } from "./apply-postback";
import { authenticatePostback } from "./authenticate-postback";
import { countRefusedPostback } from "./forgery-counter";
import { POSTBACK_HTTP_STATUS } from "./postback-outcome";
import { recordUnreadablePostback } from "./record-unreadable-postback";

export async function receivePostback(req: Request): Promise<{ status: number; body: object }> {
  // Only a tokenless postback for a pre-token attempt can need the database here (read once per process).
  const auth = await authenticatePostback(new URL(req.url)).catch((error: unknown) => {
    logger.error({ err: error }, "postback authentication failed");
    return null;
  });
  if (!auth) return { status: 500, body: { error: "Temporary failure; retry later" } };
  if (!auth.ok) {
    countRefusedPostback({ paymentId: auth.paymentId });
    return { status: 403, body: { error: "This postback does not carry a valid token" } };
  }
  try {
    const parsed = await parsePostback(req);
    if (!parsed.ok) {
      logger.warn({ paymentId: auth.paymentId, error: parsed.error }, "postback unreadable");
      const result = await recordUnreadablePostback({ paymentId: auth.paymentId, error: parsed.error, raw: parsed.raw });
      return { status: parsed.status, body: { outcome: result.outcome, error: parsed.error } };
    }
    const result = await applyPostback({ paymentId: auth.paymentId, fields: parsed.fields, raw: parsed.raw });
    logger.info({ paymentId: auth.paymentId, outcome: result.outcome, reason: result.reason, signed: auth.signed }, "postback");
    return { status: POSTBACK_HTTP_STATUS[result.outcome], body: { outcome: result.outcome, reason: result.reason } };
  } catch (error) {
    logger.error({ err: error, paymentId: auth.paymentId }, "postback failed");
    return { status: 500, body: { error: "Temporary failure; retry later" } };
  }
}
