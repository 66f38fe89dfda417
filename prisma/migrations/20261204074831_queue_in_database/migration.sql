-- CreateTable
CREATE TABLE "QueueFlag" (
    "changeRequestId" TEXT NOT NULL,
    "flag" TEXT NOT NULL,

    PRIMARY KEY ("changeRequestId", "flag"),
    CONSTRAINT "QueueFlag_changeRequestId_fkey" FOREIGN KEY ("changeRequestId") REFERENCES "ChangeRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ChangeRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "tableName" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "teamId" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "currentRevision" INTEGER NOT NULL DEFAULT 1,
    "approvedRevision" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "regions" TEXT NOT NULL DEFAULT '',
    "monthlyCostUsd" REAL NOT NULL DEFAULT 0,
    "flags" TEXT NOT NULL DEFAULT '',
    "importedTableJson" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "revisionAuthorId" TEXT NOT NULL DEFAULT '',
    "tierRank" INTEGER NOT NULL DEFAULT 2,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "submittedAt" DATETIME,
    "decidedAt" DATETIME,
    CONSTRAINT "ChangeRequest_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ChangeRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ChangeRequest" ("approvedRevision", "createdAt", "currentRevision", "decidedAt", "flags", "id", "importedTableJson", "isDemo", "key", "monthlyCostUsd", "number", "regions", "requesterId", "searchText", "status", "submittedAt", "tableName", "teamId", "tier", "title", "updatedAt", "version") SELECT "approvedRevision", "createdAt", "currentRevision", "decidedAt", "flags", "id", "importedTableJson", "isDemo", "key", "monthlyCostUsd", "number", "regions", "requesterId", "searchText", "status", "submittedAt", "tableName", "teamId", "tier", "title", "updatedAt", "version" FROM "ChangeRequest";
DROP TABLE "ChangeRequest";
ALTER TABLE "new_ChangeRequest" RENAME TO "ChangeRequest";
CREATE UNIQUE INDEX "ChangeRequest_number_key" ON "ChangeRequest"("number");
CREATE UNIQUE INDEX "ChangeRequest_key_key" ON "ChangeRequest"("key");
CREATE INDEX "ChangeRequest_status_createdAt_idx" ON "ChangeRequest"("status", "createdAt");
CREATE INDEX "ChangeRequest_teamId_createdAt_idx" ON "ChangeRequest"("teamId", "createdAt");
CREATE INDEX "ChangeRequest_requesterId_createdAt_idx" ON "ChangeRequest"("requesterId", "createdAt");
CREATE INDEX "ChangeRequest_createdAt_id_idx" ON "ChangeRequest"("createdAt", "id");
CREATE INDEX "ChangeRequest_status_submittedAt_id_idx" ON "ChangeRequest"("status", "submittedAt", "id");
CREATE INDEX "ChangeRequest_status_monthlyCostUsd_id_idx" ON "ChangeRequest"("status", "monthlyCostUsd", "id");
CREATE INDEX "ChangeRequest_status_tierRank_submittedAt_id_idx" ON "ChangeRequest"("status", "tierRank", "submittedAt", "id");
CREATE INDEX "ChangeRequest_revisionAuthorId_idx" ON "ChangeRequest"("revisionAuthorId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "QueueFlag_flag_changeRequestId_idx" ON "QueueFlag"("flag", "changeRequestId");

-- CreateIndex
CREATE INDEX "Decision_deciderId_kind_changeRequestId_idx" ON "Decision"("deciderId", "kind", "changeRequestId");

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
