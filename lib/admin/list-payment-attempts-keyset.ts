// One biller's payment attempts, newest first, a page at a time by keyset (the last row's
// createdAt and id), for the biller admin's payments page at any size: every page, the oldest
// too, is one range read of the index PaymentAttempt(billerId, createdAt, id), where an OFFSET
// would step over every newer attempt first. The review summary is the same as listPaymentAttempts.
import "server-only";
import { Prisma } from "@prisma/client";
import { db } from "../db";
import { isUuid } from "../identifiers";
import { OPEN_REVIEW } from "../reviews/open-reviews";
import { ATTEMPTS_PAGE_SIZE, attemptRowSelect } from "./list-payment-attempts";

/** Where a page starts: after (older than) or before (newer than) a row, or the oldest page. */
export type AttemptsPosition = { older: string } | { newer: string } | { oldest: true } | Record<string, never>;

type Key = { createdAt: Date; id: string };

export function encodeAttemptsCursor(key: Key): string {
  return Buffer.from(`${key.createdAt.toISOString()}|${key.id}`).toString("base64url");
}

/** A cursor from the query string, or null when it is not one of ours (then the list starts at the newest). */
export function decodeAttemptsCursor(cursor: string | undefined | null): Key | null {
  if (!cursor || cursor.length > 200) return null;
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (Number.isNaN(createdAt.getTime()) || !isUuid(id ?? "")) return null;
  return { createdAt, id: id! };
}

const rowSelect = attemptRowSelect;

/** The page's keys: one index range read, one more row than shown to know whether the list goes on. */
async function pageKeys(billerId: string, at: AttemptsPosition, size: number): Promise<{ keys: Key[]; more: boolean }> {
  const older = "older" in at ? decodeAttemptsCursor(at.older) : null;
  const newer = "newer" in at ? decodeAttemptsCursor(at.newer) : null;
  const ascending = newer !== null || "oldest" in at;
  const keys = newer
    ? await db.$queryRaw<Key[]>`
        SELECT "createdAt", "id" FROM "PaymentAttempt"
         WHERE "billerId" = ${billerId}::uuid AND ("createdAt", "id") > (${newer.createdAt}, ${newer.id}::uuid)
         ORDER BY "createdAt" ASC, "id" ASC LIMIT ${size + 1}`
    : older
      ? await db.$queryRaw<Key[]>`
        SELECT "createdAt", "id" FROM "PaymentAttempt"
         WHERE "billerId" = ${billerId}::uuid AND ("createdAt", "id") < (${older.createdAt}, ${older.id}::uuid)
         ORDER BY "createdAt" DESC, "id" DESC LIMIT ${size + 1}`
      : await db.$queryRaw<Key[]>`
        SELECT "createdAt", "id" FROM "PaymentAttempt" WHERE "billerId" = ${billerId}::uuid
         ORDER BY "createdAt" ${ascending ? Prisma.sql`ASC` : Prisma.sql`DESC`}, "id" ${ascending ? Prisma.sql`ASC` : Prisma.sql`DESC`}
         LIMIT ${size + 1}`;
  const more = keys.length > size;
  const shown = keys.slice(0, size).map((k) => ({ createdAt: new Date(k.createdAt), id: k.id }));
  return { keys: ascending ? shown.reverse() : shown, more };
}

export async function listPaymentAttemptsKeyset(opts: { billerId: string; at?: AttemptsPosition; pageSize?: number }) {
  const size = opts.pageSize ?? ATTEMPTS_PAGE_SIZE;
  const at = opts.at ?? {};
  const [{ keys, more }, total, needsReview, oldestReview] = await Promise.all([
    pageKeys(opts.billerId, at, size),
    db.paymentAttempt.count({ where: { billerId: opts.billerId } }),
    db.paymentAttempt.count({ where: { billerId: opts.billerId, ...OPEN_REVIEW } }),
    db.paymentAttempt.findFirst({
      where: { billerId: opts.billerId, ...OPEN_REVIEW },
      orderBy: [{ reviewNoticeAt: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
      select: { reviewNoticeAt: true, createdAt: true, closedAt: true },
    }),
  ]);
  const found = keys.length ? await db.paymentAttempt.findMany({ where: { id: { in: keys.map((k) => k.id) } }, select: rowSelect }) : [];
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = keys.flatMap((k) => byId.get(k.id) ?? []);
  const first = keys[0];
  const last = keys[keys.length - 1];
  // Newer pages exist unless this is the newest; older ones unless this is the oldest.
  const atNewest = !("older" in at || "newer" in at || "oldest" in at) || ("newer" in at && !more);
  const atOldest = "oldest" in at || (!("newer" in at) && !more);
  return {
    rows,
    total,
    newerCursor: first && !atNewest ? encodeAttemptsCursor(first) : null,
    olderCursor: last && !atOldest ? encodeAttemptsCursor(last) : null,
    needsReview,
    // A review item's age runs from the notice that raised it (older items have none: their close).
    oldestReviewSince: oldestReview ? (oldestReview.reviewNoticeAt ?? oldestReview.closedAt ?? oldestReview.createdAt) : null,
  };
}
