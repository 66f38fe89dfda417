-- CreateTable
CREATE TABLE "PlanAttestation" (
    "id" TEXT NOT NULL,
    "changeRequestId" TEXT NOT NULL,
    "revisionNumber" INTEGER NOT NULL,
    "verdict" TEXT NOT NULL,
    "findingsJson" TEXT NOT NULL,
    "planDigest" TEXT NOT NULL,
    "terraformVersion" TEXT NOT NULL,
    "moduleAddress" TEXT NOT NULL DEFAULT '',
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "tokenId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanAttestation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PlanAttestation_changeRequestId_revisionNumber_createdAt_idx" ON "PlanAttestation"("changeRequestId", "revisionNumber", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PlanAttestation_changeRequestId_revisionNumber_planDigest_key" ON "PlanAttestation"("changeRequestId", "revisionNumber", "planDigest");

-- AddForeignKey
ALTER TABLE "PlanAttestation" ADD CONSTRAINT "PlanAttestation_changeRequestId_fkey" FOREIGN KEY ("changeRequestId") REFERENCES "ChangeRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
