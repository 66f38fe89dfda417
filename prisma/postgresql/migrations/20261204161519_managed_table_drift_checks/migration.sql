-- AlterTable
ALTER TABLE "ManagedTable" ADD COLUMN     "lastCheckedAt" TIMESTAMP(3),
ADD COLUMN     "lastDriftOutcome" TEXT;
