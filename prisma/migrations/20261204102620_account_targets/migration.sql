-- CreateTable
CREATE TABLE "AccountTarget" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "team" TEXT NOT NULL DEFAULT '',
    "tier" TEXT NOT NULL DEFAULT '',
    "accountId" TEXT NOT NULL,
    "roleArn" TEXT NOT NULL,
    "externalId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "AccountTarget_team_tier_key" ON "AccountTarget"("team", "tier");
