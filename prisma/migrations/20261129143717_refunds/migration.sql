-- AlterEnum
ALTER TYPE "InvoiceStatus" ADD VALUE 'REFUNDED';

-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN     "refundedCents" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "PaymentSettings" ADD COLUMN     "payAgainAfterRefund" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Refund" (
    "id" UUID NOT NULL,
    "billerId" UUID NOT NULL,
    "attemptId" UUID NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "reference" TEXT NOT NULL,
    "refundedOn" DATE NOT NULL,
    "note" TEXT NOT NULL,
    "recordedById" UUID NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reversedAt" TIMESTAMPTZ(3),
    "reversedById" UUID,
    "reversalNote" TEXT,

    CONSTRAINT "Refund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RefundLine" (
    "refundId" UUID NOT NULL,
    "invoiceId" UUID NOT NULL,
    "amountCents" INTEGER NOT NULL,

    CONSTRAINT "RefundLine_pkey" PRIMARY KEY ("refundId","invoiceId")
);

-- CreateIndex
CREATE INDEX "Refund_attemptId_idx" ON "Refund"("attemptId");

-- CreateIndex
CREATE INDEX "Refund_billerId_refundedOn_idx" ON "Refund"("billerId", "refundedOn");

-- CreateIndex
CREATE INDEX "RefundLine_invoiceId_idx" ON "RefundLine"("invoiceId");

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "PaymentAttempt"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundLine" ADD CONSTRAINT "RefundLine_refundId_fkey" FOREIGN KEY ("refundId") REFERENCES "Refund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundLine" ADD CONSTRAINT "RefundLine_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Refunds can never exceed what was paid: the conditional updates in lib/refunds/ refuse an
-- over-refund, and these constraints refuse it even if a writer forgot to ask.
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_refundedCents_check"
  CHECK ("refundedCents" >= 0 AND ("refundedCents" = 0 OR "refundedCents" <= "paidAmountCents"));
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_amountCents_check" CHECK ("amountCents" > 0);
ALTER TABLE "RefundLine" ADD CONSTRAINT "RefundLine_amountCents_check" CHECK ("amountCents" > 0);
