// Reconciliation: open attempts whose hold has ended (transitions.holdEndsAt) become EXPIRED and
// release their invoices. No review item is made: returning from Invoice Cloud proves nothing,
// and a verified approval that arrives later still marks the invoices PAID (the late-notice policy).
//   CREATED, its process died before a page was shown  → EXPIRED (SESSION_NEVER_OPENED)
//   REDIRECTED, its page can no longer take a payment   → EXPIRED (NO_POSTBACK)
//   REDIRECTED and returned, RETURN_GRACE_HOURS passed  → EXPIRED (NO_POSTBACK)
import { returnGraceMs } from "../env";
import type { Db } from "../prisma-client";
import { performTransition } from "./perform-transition";
import { CREATED_STALE_MS, holdEndsAt, SESSION_HOLD_MARGIN_MS } from "./transitions";

export async function expireStaleAttempts(opts: { db: Db; now?: Date; returnGraceMs?: number }): Promise<{ expired: number }> {
  const now = opts.now ?? new Date();
  const graceMs = opts.returnGraceMs ?? returnGraceMs();
  const candidates = await opts.db.paymentAttempt.findMany({
    where: {
      OR: [
        { status: "CREATED", createdAt: { lt: new Date(now.getTime() - CREATED_STALE_MS) } },
        { status: "REDIRECTED", expiresAt: { lt: new Date(now.getTime() - SESSION_HOLD_MARGIN_MS) } },
      ],
    },
    select: { id: true, billerId: true, status: true, expiresAt: true, createdAt: true, returnedAt: true },
    orderBy: { expiresAt: "asc" },
    take: 500,
  });
  let expired = 0;
  for (const attempt of candidates) {
    if (holdEndsAt(attempt, graceMs) > now) continue;
    const done = await opts.db.$transaction((tx) =>
      performTransition(tx, {
        attemptId: attempt.id,
        billerId: attempt.billerId,
        from: attempt.status,
        event: "expired",
        actor: "reconciliation",
        now,
        set: { closeReason: attempt.status === "CREATED" ? "SESSION_NEVER_OPENED" : "NO_POSTBACK" },
        audit: { returned: attempt.returnedAt !== null },
      }),
    );
    if (done) expired += 1; // else a postback closed it meanwhile
  }
  return { expired };
}
