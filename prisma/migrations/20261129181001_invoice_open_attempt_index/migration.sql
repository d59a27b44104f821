-- Releasing a closed attempt's invoices (expiry, decline, supersede, abandon) finds them by
-- openAttemptId: without an index that is a scan of every invoice (measured by bench:scale at
-- 1,000,000 invoices: about 300 ms per expired attempt).
CREATE INDEX "Invoice_openAttemptId_idx" ON "Invoice"("openAttemptId");
