-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('APPLICANT', 'BILLER_ADMIN', 'PLATFORM_ADMIN');

-- CreateEnum
CREATE TYPE "InvoiceStatus" AS ENUM ('UNPAID', 'PAID');

-- CreateEnum
CREATE TYPE "AttemptStatus" AS ENUM ('CREATED', 'REDIRECTED', 'PAID', 'DECLINED', 'FAILED', 'EXPIRED', 'NEEDS_REVIEW');

-- CreateTable
CREATE TABLE "Biller" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "dbaName" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Biller_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "name" TEXT NOT NULL,
    "billerId" UUID,
    "address" TEXT,
    "city" TEXT,
    "state" TEXT,
    "zip" TEXT,
    "accountNumber" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Permit" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "applicantId" UUID NOT NULL,
    "billerId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Permit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invoice" (
    "id" UUID NOT NULL,
    "invoiceNumber" TEXT NOT NULL,
    "permitId" UUID NOT NULL,
    "applicantId" UUID NOT NULL,
    "billerId" UUID NOT NULL,
    "description" TEXT NOT NULL,
    "amountDueCents" INTEGER NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" "InvoiceStatus" NOT NULL DEFAULT 'UNPAID',
    "openAttemptId" UUID,
    "paidAt" TIMESTAMPTZ(3),
    "paidAmountCents" INTEGER,
    "paymentGuid" TEXT,
    "paidAttemptId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceType" (
    "id" UUID NOT NULL,
    "billerId" UUID NOT NULL,
    "typeId" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvoiceType_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentSettings" (
    "id" UUID NOT NULL,
    "billerId" UUID NOT NULL,
    "apiKeyCiphertext" TEXT,
    "apiKeyLast4" TEXT,
    "apiKeySetById" UUID,
    "apiKeySetAt" TIMESTAMPTZ(3),
    "billerGuid" TEXT,
    "invoiceTypeId" INTEGER,
    "maxOnlineAmountCents" INTEGER,
    "customReturnSiteName" TEXT,
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PaymentSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentAttempt" (
    "id" UUID NOT NULL,
    "billerId" UUID NOT NULL,
    "applicantId" UUID NOT NULL,
    "billerReference" TEXT NOT NULL,
    "status" "AttemptStatus" NOT NULL DEFAULT 'CREATED',
    "totalCents" INTEGER NOT NULL,
    "hostedPageUrl" TEXT,
    "failureReason" TEXT,
    "reviewReason" TEXT,
    "paymentGuid" TEXT,
    "paidAmountCents" INTEGER,
    "convenienceFeeCents" INTEGER,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "redirectedAt" TIMESTAMPTZ(3),
    "returnedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentAttemptInvoice" (
    "attemptId" UUID NOT NULL,
    "invoiceId" UUID NOT NULL,
    "amountCents" INTEGER NOT NULL,

    CONSTRAINT "PaymentAttemptInvoice_pkey" PRIMARY KEY ("attemptId","invoiceId")
);

-- CreateTable
CREATE TABLE "PostbackReceipt" (
    "id" UUID NOT NULL,
    "paymentId" TEXT NOT NULL,
    "attemptId" UUID,
    "verdict" TEXT NOT NULL,
    "reason" TEXT,
    "fields" JSONB NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PostbackReceipt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "type" TEXT NOT NULL,
    "actorId" UUID,
    "billerId" UUID,
    "attemptId" UUID,
    "data" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Biller_name_key" ON "Biller"("name");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_accountNumber_key" ON "User"("accountNumber");

-- CreateIndex
CREATE INDEX "User_billerId_idx" ON "User"("billerId");

-- CreateIndex
CREATE UNIQUE INDEX "Permit_number_key" ON "Permit"("number");

-- CreateIndex
CREATE INDEX "Permit_applicantId_idx" ON "Permit"("applicantId");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_invoiceNumber_key" ON "Invoice"("invoiceNumber");

-- CreateIndex
CREATE INDEX "Invoice_applicantId_status_dueDate_idx" ON "Invoice"("applicantId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "Invoice_billerId_idx" ON "Invoice"("billerId");

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceType_billerId_typeId_key" ON "InvoiceType"("billerId", "typeId");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentSettings_billerId_key" ON "PaymentSettings"("billerId");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentAttempt_billerReference_key" ON "PaymentAttempt"("billerReference");

-- CreateIndex
CREATE INDEX "PaymentAttempt_applicantId_createdAt_idx" ON "PaymentAttempt"("applicantId", "createdAt");

-- CreateIndex
CREATE INDEX "PaymentAttempt_billerId_status_idx" ON "PaymentAttempt"("billerId", "status");

-- CreateIndex
CREATE INDEX "PaymentAttempt_status_expiresAt_idx" ON "PaymentAttempt"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "PaymentAttemptInvoice_invoiceId_idx" ON "PaymentAttemptInvoice"("invoiceId");

-- CreateIndex
CREATE INDEX "PostbackReceipt_attemptId_idx" ON "PostbackReceipt"("attemptId");

-- CreateIndex
CREATE INDEX "PostbackReceipt_verdict_receivedAt_idx" ON "PostbackReceipt"("verdict", "receivedAt");

-- CreateIndex
CREATE INDEX "AuditEvent_billerId_at_idx" ON "AuditEvent"("billerId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_attemptId_idx" ON "AuditEvent"("attemptId");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_billerId_fkey" FOREIGN KEY ("billerId") REFERENCES "Biller"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Permit" ADD CONSTRAINT "Permit_applicantId_fkey" FOREIGN KEY ("applicantId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Permit" ADD CONSTRAINT "Permit_billerId_fkey" FOREIGN KEY ("billerId") REFERENCES "Biller"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_permitId_fkey" FOREIGN KEY ("permitId") REFERENCES "Permit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_applicantId_fkey" FOREIGN KEY ("applicantId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_billerId_fkey" FOREIGN KEY ("billerId") REFERENCES "Biller"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceType" ADD CONSTRAINT "InvoiceType_billerId_fkey" FOREIGN KEY ("billerId") REFERENCES "Biller"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentSettings" ADD CONSTRAINT "PaymentSettings_billerId_fkey" FOREIGN KEY ("billerId") REFERENCES "Biller"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentAttempt" ADD CONSTRAINT "PaymentAttempt_billerId_fkey" FOREIGN KEY ("billerId") REFERENCES "Biller"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentAttempt" ADD CONSTRAINT "PaymentAttempt_applicantId_fkey" FOREIGN KEY ("applicantId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentAttemptInvoice" ADD CONSTRAINT "PaymentAttemptInvoice_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "PaymentAttempt"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentAttemptInvoice" ADD CONSTRAINT "PaymentAttemptInvoice_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostbackReceipt" ADD CONSTRAINT "PostbackReceipt_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "PaymentAttempt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_billerId_fkey" FOREIGN KEY ("billerId") REFERENCES "Biller"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- The audit trail is append-only: refuse UPDATE and DELETE on it.
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'AuditEvent is append-only'; END; $$;

CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
