-- AlterTable
ALTER TABLE "ChangeRequest" ADD COLUMN     "revisionAuthorId" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "tierRank" INTEGER NOT NULL DEFAULT 2;

-- CreateTable
CREATE TABLE "QueueFlag" (
    "changeRequestId" TEXT NOT NULL,
    "flag" TEXT NOT NULL,

    CONSTRAINT "QueueFlag_pkey" PRIMARY KEY ("changeRequestId","flag")
);

-- CreateIndex
CREATE INDEX "QueueFlag_flag_changeRequestId_idx" ON "QueueFlag"("flag", "changeRequestId");

-- CreateIndex
CREATE INDEX "ChangeRequest_status_submittedAt_id_idx" ON "ChangeRequest"("status", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "ChangeRequest_status_monthlyCostUsd_id_idx" ON "ChangeRequest"("status", "monthlyCostUsd", "id");

-- CreateIndex
CREATE INDEX "ChangeRequest_status_tierRank_submittedAt_id_idx" ON "ChangeRequest"("status", "tierRank", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "ChangeRequest_revisionAuthorId_idx" ON "ChangeRequest"("revisionAuthorId");

-- CreateIndex
CREATE INDEX "Decision_deciderId_kind_changeRequestId_idx" ON "Decision"("deciderId", "kind", "changeRequestId");

-- AddForeignKey
ALTER TABLE "QueueFlag" ADD CONSTRAINT "QueueFlag_changeRequestId_fkey" FOREIGN KEY ("changeRequestId") REFERENCES "ChangeRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill the denormalised queue columns of existing rows (written by the application from now on).
UPDATE "ChangeRequest" SET "revisionAuthorId" = COALESCE((
  SELECT r."createdById" FROM "Revision" r
  WHERE r."changeRequestId" = "ChangeRequest"."id" AND r."number" = "ChangeRequest"."currentRevision"
), '');
UPDATE "ChangeRequest" SET "tierRank" = CASE "tier" WHEN 'prod' THEN 0 WHEN 'staging' THEN 1 ELSE 2 END;
UPDATE "ChangeRequest" SET "submittedAt" = "updatedAt" WHERE "status" = 'SUBMITTED' AND "submittedAt" IS NULL;
-- One queue-flag row per flag in the old comma list (the vocabulary is closed: these six).
INSERT INTO "QueueFlag" ("changeRequestId", "flag")
SELECT "ChangeRequest"."id", f.flag
FROM "ChangeRequest"
JOIN (
  SELECT 'replacement' AS flag UNION ALL SELECT 'rebuild' UNION ALL SELECT 'protection'
  UNION ALL SELECT 'policy' UNION ALL SELECT 'warnings' UNION ALL SELECT 'multi-region'
) AS f ON "ChangeRequest"."flags" LIKE '%,' || f.flag || ',%';
