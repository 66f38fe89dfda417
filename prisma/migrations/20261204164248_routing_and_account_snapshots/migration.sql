-- AlterTable
ALTER TABLE "AccountTarget" ADD COLUMN "accountName" TEXT;

-- AlterTable
ALTER TABLE "Revision" ADD COLUMN "accountTargetJson" TEXT;

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
    "routedRoles" TEXT NOT NULL DEFAULT '',
    "importedTableJson" TEXT,
    "tableId" TEXT,
    "risk" TEXT NOT NULL DEFAULT '',
    "searchText" TEXT NOT NULL DEFAULT '',
    "revisionAuthorId" TEXT NOT NULL DEFAULT '',
    "tierRank" INTEGER NOT NULL DEFAULT 2,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "submittedAt" DATETIME,
    "decidedAt" DATETIME,
    CONSTRAINT "ChangeRequest_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ChangeRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ChangeRequest_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "ManagedTable" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ChangeRequest" ("approvedRevision", "createdAt", "currentRevision", "decidedAt", "flags", "id", "importedTableJson", "isDemo", "key", "monthlyCostUsd", "number", "regions", "requesterId", "revisionAuthorId", "risk", "searchText", "status", "submittedAt", "tableId", "tableName", "teamId", "tier", "tierRank", "title", "updatedAt", "version") SELECT "approvedRevision", "createdAt", "currentRevision", "decidedAt", "flags", "id", "importedTableJson", "isDemo", "key", "monthlyCostUsd", "number", "regions", "requesterId", "revisionAuthorId", "risk", "searchText", "status", "submittedAt", "tableId", "tableName", "teamId", "tier", "tierRank", "title", "updatedAt", "version" FROM "ChangeRequest";
DROP TABLE "ChangeRequest";
ALTER TABLE "new_ChangeRequest" RENAME TO "ChangeRequest";
CREATE UNIQUE INDEX "ChangeRequest_number_key" ON "ChangeRequest"("number");
CREATE UNIQUE INDEX "ChangeRequest_key_key" ON "ChangeRequest"("key");
CREATE INDEX "ChangeRequest_status_createdAt_idx" ON "ChangeRequest"("status", "createdAt");
CREATE INDEX "ChangeRequest_teamId_createdAt_idx" ON "ChangeRequest"("teamId", "createdAt");
CREATE INDEX "ChangeRequest_requesterId_createdAt_idx" ON "ChangeRequest"("requesterId", "createdAt");
CREATE INDEX "ChangeRequest_createdAt_id_idx" ON "ChangeRequest"("createdAt", "id");
CREATE INDEX "ChangeRequest_tableId_createdAt_idx" ON "ChangeRequest"("tableId", "createdAt");
CREATE INDEX "ChangeRequest_status_submittedAt_id_idx" ON "ChangeRequest"("status", "submittedAt", "id");
CREATE INDEX "ChangeRequest_status_monthlyCostUsd_id_idx" ON "ChangeRequest"("status", "monthlyCostUsd", "id");
CREATE INDEX "ChangeRequest_status_tierRank_submittedAt_id_idx" ON "ChangeRequest"("status", "tierRank", "submittedAt", "id");
CREATE INDEX "ChangeRequest_revisionAuthorId_idx" ON "ChangeRequest"("revisionAuthorId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
