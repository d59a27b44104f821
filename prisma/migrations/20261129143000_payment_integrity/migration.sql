-- Payment integrity: reasons and verdicts as enums, review items with their notice, and a flag
-- for attempts opened before PostBackURL carried a token (they keep the old rule until they expire).

-- CreateEnum
CREATE TYPE "AttemptCloseReason" AS ENUM ('DECLINED_BY_INVOICE_CLOUD', 'INVOICE_CLOUD_FAILURE', 'PREPARATION_FAILURE', 'SESSION_NEVER_OPENED', 'SUPERSEDED', 'RELEASED_AFTER_REVIEW', 'NO_POSTBACK', 'ABANDONED_BY_APPLICANT');

-- CreateEnum
CREATE TYPE "ReviewKind" AS ENUM ('AMOUNT_MISMATCH', 'BILLER_GUID_MISMATCH', 'CHARGED_TWICE', 'INVOICE_NOT_PAYABLE', 'UNREADABLE_NOTICE', 'NO_POSTBACK_AFTER_RETURN');

-- CreateEnum
CREATE TYPE "PostbackVerdict" AS ENUM ('paid', 'declined', 'duplicate', 'ignored', 'rejected', 'needs_review', 'unknown', 'malformed');

-- AlterTable: existing attempts were opened without a token.
ALTER TABLE "PaymentAttempt" ADD COLUMN     "closeReason" "AttemptCloseReason",
ADD COLUMN     "postbackSigned" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reviewAmountCents" INTEGER,
ADD COLUMN     "reviewKind" "ReviewKind",
ADD COLUMN     "reviewNoticeAt" TIMESTAMPTZ(3),
ADD COLUMN     "reviewPaymentGuid" TEXT;
ALTER TABLE "PaymentAttempt" ALTER COLUMN "postbackSigned" SET DEFAULT true;

-- The free-text reasons the portal used to write, as enums.
UPDATE "PaymentAttempt" SET "closeReason" = 'SUPERSEDED' WHERE "failureReason" = 'Superseded: the invoices were paid by another payment';
UPDATE "PaymentAttempt" SET "closeReason" = 'RELEASED_AFTER_REVIEW' WHERE "failureReason" LIKE 'Released by the municipality after review%';
UPDATE "PaymentAttempt" SET "closeReason" = 'DECLINED_BY_INVOICE_CLOUD' WHERE "status" = 'DECLINED' AND "closeReason" IS NULL;
UPDATE "PaymentAttempt" SET "closeReason" = 'PREPARATION_FAILURE' WHERE "status" = 'FAILED' AND "failureReason" LIKE 'internal:%';
UPDATE "PaymentAttempt" SET "closeReason" = 'INVOICE_CLOUD_FAILURE' WHERE "status" = 'FAILED' AND "closeReason" IS NULL;
UPDATE "PaymentAttempt" SET "closeReason" = 'SESSION_NEVER_OPENED' WHERE "status" = 'EXPIRED' AND "closeReason" IS NULL AND "redirectedAt" IS NULL;
UPDATE "PaymentAttempt" SET "closeReason" = 'NO_POSTBACK' WHERE "status" = 'EXPIRED' AND "closeReason" IS NULL;
-- Open review items only: NEEDS_REVIEW rows, and PAID rows flagged by a second approval. A PAID row
-- settled by an admin kept its old reason text; that review is over, so the text goes (the audit keeps it).
UPDATE "PaymentAttempt" SET "reviewKind" = CASE
    WHEN "reviewReason" LIKE 'The applicant returned from Invoice Cloud%' THEN 'NO_POSTBACK_AFTER_RETURN'::"ReviewKind"
    WHEN "reviewReason" LIKE 'BillerGUID%' THEN 'BILLER_GUID_MISMATCH'::"ReviewKind"
    WHEN "reviewReason" LIKE 'PaymentAmount "%' THEN 'UNREADABLE_NOTICE'::"ReviewKind"
    WHEN "reviewReason" LIKE 'PaymentAmount%' THEN 'AMOUNT_MISMATCH'::"ReviewKind"
    ELSE 'CHARGED_TWICE'::"ReviewKind" END
  WHERE "status" = 'NEEDS_REVIEW';
UPDATE "PaymentAttempt" SET "reviewKind" = 'CHARGED_TWICE' WHERE "status" = 'PAID' AND "reviewReason" LIKE 'A second approved payment%';
UPDATE "PaymentAttempt" SET "reviewReason" = NULL WHERE "reviewKind" IS NULL AND "reviewReason" IS NOT NULL;

-- AlterTable: the verdict strings were already exactly the enum's values.
DROP INDEX "PostbackReceipt_verdict_receivedAt_idx";
ALTER TABLE "PostbackReceipt" ALTER COLUMN "verdict" TYPE "PostbackVerdict" USING "verdict"::"PostbackVerdict";

-- CreateIndex
CREATE INDEX "PostbackReceipt_verdict_receivedAt_idx" ON "PostbackReceipt"("verdict", "receivedAt");
CREATE INDEX "PaymentAttempt_billerId_reviewKind_idx" ON "PaymentAttempt"("billerId", "reviewKind");
