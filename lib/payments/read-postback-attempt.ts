// What a postback needs to know about the attempt it names, in one indexed read (one round trip):
// the attempt, its biller's configured BillerGUID, its lines with each invoice's state, and what an
// approval's receipt and webhook say (biller, applicant, invoice details, the biller's admins and
// webhook endpoint). A repeat is recognised from this read alone, before any transaction.
import "server-only";
import type { AttemptStatus, ReviewKind } from "@prisma/client";
import type { SnapshotSource } from "../notifications/load-payment-snapshot";
import type { Db, Tx } from "../prisma-client";

export type PostbackAttemptLine = SnapshotSource["invoices"][number] & {
  invoiceId: string;
  invoice: { paidAttemptId: string | null };
};

export type PostbackAttempt = Omit<SnapshotSource, "invoices"> & {
  billerId: string;
  billerReference: string;
  configuredBillerGuid: string | null;
  invoices: PostbackAttemptLine[];
  adminEmails: string[];
  endpoint: { id: string; enabled: boolean; events: string[] } | null;
};

type Row = Omit<PostbackAttempt, "reviewNoticeAt"> & { reviewNoticeAt: Date | string | null };

export async function readPostbackAttempt(client: Db | Tx, id: string): Promise<PostbackAttempt | null> {
  const rows = await client.$queryRaw<Row[]>`
    SELECT a."id", a."status"::text AS "status", a."billerId", a."billerReference", a."totalCents", a."paidAmountCents",
           a."paymentGuid", a."reviewKind"::text AS "reviewKind", a."reviewReason", a."reviewPaymentGuid",
           a."reviewAmountCents", a."reviewNoticeAt",
           s."billerGuid" AS "configuredBillerGuid",
           json_build_object('id', b."id", 'name', b."name", 'timeZone', b."timeZone") AS "biller",
           json_build_object('name', u."name", 'email', u."email") AS "applicant",
           COALESCE((
             SELECT json_agg(json_build_object(
                      'invoiceId', l."invoiceId", 'amountCents', l."amountCents",
                      'invoice', json_build_object(
                        'invoiceNumber', i."invoiceNumber", 'description', i."description",
                        'externalReference', i."externalReference", 'status', i."status",
                        'refundedCents', i."refundedCents", 'paidAttemptId', i."paidAttemptId",
                        'permit', json_build_object('number', p."number")))
                    ORDER BY l."invoiceId")
               FROM "PaymentAttemptInvoice" l
               JOIN "Invoice" i ON i."id" = l."invoiceId"
               JOIN "Permit" p ON p."id" = i."permitId"
              WHERE l."attemptId" = a."id"), '[]'::json) AS "invoices",
           COALESCE((
             SELECT json_agg(ad."email" ORDER BY ad."email")
               FROM "User" ad
              WHERE ad."billerId" = a."billerId" AND ad."role" = 'BILLER_ADMIN'), '[]'::json) AS "adminEmails",
           (SELECT json_build_object('id', w."id", 'enabled', w."enabled", 'events', w."events")
              FROM "WebhookEndpoint" w WHERE w."billerId" = a."billerId") AS "endpoint"
      FROM "PaymentAttempt" a
      JOIN "Biller" b ON b."id" = a."billerId"
      JOIN "User" u ON u."id" = a."applicantId"
      LEFT JOIN "PaymentSettings" s ON s."billerId" = a."billerId"
     WHERE a."id" = ${id}::uuid`;
  const row = rows[0];
  if (!row) return null;
  return {
    ...row,
    status: row.status as AttemptStatus,
    reviewKind: row.reviewKind as ReviewKind | null,
    reviewNoticeAt: row.reviewNoticeAt === null ? null : new Date(row.reviewNoticeAt),
  };
}
