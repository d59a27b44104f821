-- A biller's payment attempts newest first (the admin's payments page, keyset-paginated) and by
-- creation date (the CSV export of a date range): without it, both sort every attempt the biller has.
CREATE INDEX "PaymentAttempt_billerId_createdAt_id_idx" ON "PaymentAttempt"("billerId", "createdAt", "id");
