-- AlterTable
ALTER TABLE "ChangeRequest" ADD COLUMN     "revisionAuthorId" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "tierRank" INTEGER NOT NULL DEFAULT 2;

-- CreateIndex
CREATE INDEX "ChangeRequest_status_submittedAt_id_idx" ON "ChangeRequest"("status", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "ChangeRequest_status_monthlyCostUsd_id_idx" ON "ChangeRequest"("status", "monthlyCostUsd", "id");

-- CreateIndex
CREATE INDEX "ChangeRequest_status_tierRank_submittedAt_id_idx" ON "ChangeRequest"("status", "tierRank", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "Decision_deciderId_kind_changeRequestId_idx" ON "Decision"("deciderId", "kind", "changeRequestId");

-- Backfill the denormalised queue columns of existing rows (written by the application from now on).
UPDATE "ChangeRequest" SET "revisionAuthorId" = COALESCE((
  SELECT r."createdById" FROM "Revision" r
  WHERE r."changeRequestId" = "ChangeRequest"."id" AND r."number" = "ChangeRequest"."currentRevision"
), '');
UPDATE "ChangeRequest" SET "tierRank" = CASE "tier" WHEN 'prod' THEN 0 WHEN 'staging' THEN 1 ELSE 2 END;
UPDATE "ChangeRequest" SET "submittedAt" = "updatedAt" WHERE "status" = 'SUBMITTED' AND "submittedAt" IS NULL;
