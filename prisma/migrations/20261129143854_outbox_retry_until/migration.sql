-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "retryUntil" TIMESTAMPTZ(3) NOT NULL;

