-- CreateIndex
CREATE INDEX "PaymentAttempt_billerId_status_closedAt_idx" ON "PaymentAttempt"("billerId", "status", "closedAt");

-- CreateIndex
CREATE INDEX "PaymentAttempt_billerId_returnedAt_idx" ON "PaymentAttempt"("billerId", "returnedAt");

