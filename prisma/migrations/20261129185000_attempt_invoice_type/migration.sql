-- The Invoice Type ID each payment attempt was sent to Invoice Cloud with, for the reconciliation
-- report's type filter. Older attempts keep null (their type was not recorded) and count under "all types".
ALTER TABLE "PaymentAttempt" ADD COLUMN "invoiceTypeId" INTEGER;
