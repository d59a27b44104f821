// POST /api/command/payment/icop-postback?payment-id=… – Invoice Cloud's server-to-server notice.
// Never redirects; answers fast. 200 when applied or already applied (so retries stop), 404 for an
// unknown payment-id, 4xx when verification fails (recorded for review), 500 so Invoice Cloud retries.
import { parsePostback } from "@/lib/cpv2/parse-postback";
import { logger } from "@/lib/logger";
import { applyPostback, type PostbackOutcome } from "@/lib/payments/apply-postback";
import { recordMalformedPostback } from "@/lib/payments/record-malformed-postback";

export const dynamic = "force-dynamic";

const STATUS: Record<PostbackOutcome, number> = {
  paid: 200,
  declined: 200,
  duplicate: 200,
  ignored: 200,
  unknown: 404,
  rejected: 403,
  needs_review: 422,
};

export async function POST(req: Request) {
  const parsed = await parsePostback(req);
  if (!parsed.ok) {
    logger.warn({ paymentId: parsed.paymentId, error: parsed.error }, "postback refused");
    await recordMalformedPostback({ paymentId: parsed.paymentId, error: parsed.error, raw: parsed.raw }).catch((error: unknown) =>
      logger.error({ err: error }, "could not record a malformed postback"),
    );
    return Response.json({ error: parsed.error }, { status: parsed.status });
  }
  try {
    const result = await applyPostback({ paymentId: parsed.paymentId, fields: parsed.fields, raw: parsed.raw });
    logger.info({ paymentId: parsed.paymentId, outcome: result.outcome, reason: result.reason }, "postback");
    return Response.json({ outcome: result.outcome, reason: result.reason }, { status: STATUS[result.outcome] });
  } catch (error) {
    logger.error({ err: error, paymentId: parsed.paymentId }, "postback failed");
    return Response.json({ error: "Temporary failure; retry later" }, { status: 500 });
  }
}
