// One biller's audit trail, newest first, a page at a time, with each actor's email.
import "server-only";
import { db } from "../db";
import { paginate } from "../pagination";

export const AUDIT_PAGE_SIZE = 25;

export async function listAuditEvents(opts: { billerId: string; page: number }) {
  const where = { billerId: opts.billerId };
  const { rows, ...pageInfo } = await paginate({
    page: opts.page,
    pageSize: AUDIT_PAGE_SIZE,
    count: () => db.auditEvent.count({ where }),
    findMany: (window) =>
      db.auditEvent.findMany({
        where,
        orderBy: [{ at: "desc" }, { id: "desc" }],
        ...window,
        select: { id: true, at: true, type: true, actorId: true, attemptId: true, data: true },
      }),
  });
  const actorIds = [...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
  const actors = actorIds.length ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true } }) : [];
  const emailById = new Map(actors.map((a) => [a.id, a.email]));
  return {
    rows: rows.map((r) => ({ ...r, actorEmail: r.actorId ? (emailById.get(r.actorId) ?? "(deleted user)") : null })),
    ...pageInfo,
  };
}
