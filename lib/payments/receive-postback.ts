// Everything the postback route does, as one function: authenticate from the URL (no database),
// then read the capped body, then apply. A forged notice gets 403 and leaves no row; an
// unreadable genuine one opens a review item. If the database cannot be reached, the genuine
// notice goes to the local spool (postback-spool.ts) and Invoice Cloud gets a 503: it is applied
// when the database is back, by Invoice Cloud's retry or by the replay job, whichever comes first.
import "server-only";
import { parsePostback } from "../cpv2/parse-postback";
import { logger } from "../logger";
import { applyPostback } from "./apply-postback";
import { authenticatePostback } from "./authenticate-postback";
import { isDatabaseUnreachable } from "./database-unreachable";
import { countRefusedPostback } from "./forgery-counter";
import { POSTBACK_HTTP_STATUS } from "./postback-outcome";
import { appendToSpool, replaySpool } from "./postback-spool";
import { recordUnreadablePostback } from "./record-unreadable-postback";

type Answer = { status: number; body: object };
const FAILED: Answer = { status: 500, body: { error: "Temporary failure; retry later" } };
const RETRY_LATER: Answer = { status: 503, body: { error: "Temporary failure; kept, and applied when the database is back" } };

export async function receivePostback(req: Request, opts: { spool?: boolean } = {}): Promise<Answer> {
  // Only a tokenless postback for a pre-token attempt can need the database here (read once per process).
  const auth = await authenticatePostback(new URL(req.url)).catch((error: unknown) => {
    logger.error({ err: error }, "postback authentication failed");
    return null;
  });
  if (!auth) return FAILED;
  if (!auth.ok) {
    countRefusedPostback({ paymentId: auth.paymentId });
    return { status: 403, body: { error: "This postback does not carry a valid token" } };
  }
  const parsed = await parsePostback(req);
  try {
    if (!parsed.ok) {
      logger.warn({ paymentId: auth.paymentId, error: parsed.error }, "postback unreadable");
      const result = await recordUnreadablePostback({ paymentId: auth.paymentId, error: parsed.error, raw: parsed.raw });
      return { status: parsed.status, body: { outcome: result.outcome, error: parsed.error } };
    }
    const result = await applyPostback({ paymentId: auth.paymentId, fields: parsed.fields, raw: parsed.raw });
    logger.info({ paymentId: auth.paymentId, outcome: result.outcome, reason: result.reason, signed: auth.signed }, "postback");
    return { status: POSTBACK_HTTP_STATUS[result.outcome], body: { outcome: result.outcome, reason: result.reason } };
  } catch (error) {
    logger.error({ err: error, paymentId: auth.paymentId }, "postback could not be applied");
    // Only an unreachable database is worth spooling; anything else is a 500 for a person to see.
    if (!isDatabaseUnreachable(error)) return FAILED;
    if (opts.spool === false) return RETRY_LATER;
    try {
      appendToSpool({
        url: req.url,
        contentType: "application/x-www-form-urlencoded",
        body: new URLSearchParams(parsed.raw).toString(),
        receivedAt: new Date().toISOString(),
      });
      logger.warn({ paymentId: auth.paymentId }, "postback spooled until the database is back");
    } catch (spoolError) {
      logger.error({ err: spoolError, paymentId: auth.paymentId }, "postback could not be spooled either; Invoice Cloud must retry");
      return FAILED;
    }
    return RETRY_LATER;
  }
}

/** The replay job: spooled postbacks go through the same path; an entry leaves the spool once its outcome is recorded. */
export function replaySpooledPostbacks() {
  return replaySpool(async (entry) => {
    const req = new Request(entry.url, { method: "POST", body: entry.body, headers: { "content-type": entry.contentType } });
    const answer = await receivePostback(req, { spool: false });
    // 503: the database is still away (stop here); another 5xx: keep it and move on to the next.
    return answer.status < 500 ? "done" : answer.status === 503 ? "stop" : "keep";
  });
}
