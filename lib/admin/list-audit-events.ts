// One biller's audit trail, newest first, a page at a time, with each actor's email.
import "server-only";
import { clampPage } from "../pagination";
import { db } from "../db";

export const AUDIT_PAGE_SIZE = 25;

export async function listAuditEvents(opts: { billerId: string; page: number }) {
  const page = clampPage(opts.page);
  const where = { billerId: opts.billerId };
  const [total, rows] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: { id: true, at: true, type: true, actorId: true, attemptId: true, data: true },
    }),
  ]);
  const actorIds = [...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
  const actors = actorIds.length ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true } }) : [];
  const emailById = new Map(actors.map((a) => [a.id, a.email]));
  return {
    rows: rows.map((r) => ({ ...r, actorEmail: r.actorId ? (emailById.get(r.actorId) ?? "(deleted user)") : null })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
  };
}
