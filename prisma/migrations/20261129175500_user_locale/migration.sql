-- The language a user chose with the header's switch; null lets the browser's Accept-Language decide.
ALTER TABLE "User" ADD COLUMN "locale" TEXT;
