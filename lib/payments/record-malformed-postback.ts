// A postback we could not read (missing fields, bad payment-id, too large) is kept too, so an
// operator can see a genuine notice that arrived in an unexpected shape. Nothing else changes.
import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db";
import { isUuid } from "../identifiers";

export async function recordMalformedPostback(opts: { paymentId: string | null; error: string; raw: Record<string, string> }) {
  const attempt = isUuid(opts.paymentId)
    ? await db.paymentAttempt.findUnique({ where: { id: opts.paymentId }, select: { id: true } })
    : null;
  await db.postbackReceipt.create({
    data: {
      paymentId: (opts.paymentId ?? "").slice(0, 100),
      attemptId: attempt?.id ?? null,
      verdict: "malformed",
      reason: opts.error.slice(0, 300),
      fields: opts.raw as Prisma.InputJsonValue,
    },
  });
}
