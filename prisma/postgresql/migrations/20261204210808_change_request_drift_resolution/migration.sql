-- AlterTable
ALTER TABLE "ChangeRequest" ADD COLUMN     "driftResolution" TEXT;
