-- AlterTable
ALTER TABLE "ManagedTable" ADD COLUMN "lastCheckedAt" DATETIME;
ALTER TABLE "ManagedTable" ADD COLUMN "lastDriftOutcome" TEXT;
