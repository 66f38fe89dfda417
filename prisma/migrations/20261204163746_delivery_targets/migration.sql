-- CreateTable
CREATE TABLE "DeliveryTarget" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "team" TEXT NOT NULL DEFAULT '',
    "tier" TEXT NOT NULL DEFAULT '',
    "provider" TEXT NOT NULL,
    "repoUrl" TEXT NOT NULL,
    "baseBranch" TEXT NOT NULL,
    "pathTemplate" TEXT NOT NULL,
    "apiBaseUrl" TEXT,
    "mode" TEXT NOT NULL,
    "credentialRef" TEXT NOT NULL,
    "webhookSecretRef" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Publication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "changeRequestId" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "branch" TEXT NOT NULL,
    "commitSha" TEXT,
    "prUrl" TEXT,
    "prNumber" INTEGER,
    "prState" TEXT,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Publication_changeRequestId_fkey" FOREIGN KEY ("changeRequestId") REFERENCES "ChangeRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "DeliveryTarget_team_tier_key" ON "DeliveryTarget"("team", "tier");

-- CreateIndex
CREATE UNIQUE INDEX "Publication_changeRequestId_key" ON "Publication"("changeRequestId");

-- CreateIndex
CREATE INDEX "Publication_status_prState_idx" ON "Publication"("status", "prState");
