-- AlterTable
ALTER TABLE "ChangeRequest" ADD COLUMN     "risk" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "tableId" TEXT;

-- AlterTable
ALTER TABLE "Revision" ADD COLUMN     "acknowledgementJson" TEXT,
ADD COLUMN     "planBaseline" TEXT,
ADD COLUMN     "planJson" TEXT;

-- CreateTable
CREATE TABLE "ManagedTable" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "primaryRegion" TEXT NOT NULL,
    "regions" TEXT NOT NULL,
    "account" TEXT NOT NULL DEFAULT '',
    "tier" TEXT NOT NULL,
    "liveStatus" TEXT NOT NULL DEFAULT 'AWAITING_APPLY',
    "monthlyCostUsd" DOUBLE PRECISION NOT NULL,
    "drPattern" TEXT NOT NULL,
    "definitionJson" TEXT NOT NULL,
    "definedByRequestKey" TEXT NOT NULL,
    "definedByRevision" INTEGER NOT NULL,
    "sizeGb" DOUBLE PRECISION,
    "itemCount" DOUBLE PRECISION,
    "searchText" TEXT NOT NULL DEFAULT '',
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ManagedTable_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ManagedTable_teamId_monthlyCostUsd_id_idx" ON "ManagedTable"("teamId", "monthlyCostUsd", "id");

-- CreateIndex
CREATE INDEX "ManagedTable_monthlyCostUsd_id_idx" ON "ManagedTable"("monthlyCostUsd", "id");

-- CreateIndex
CREATE INDEX "ManagedTable_createdAt_id_idx" ON "ManagedTable"("createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ManagedTable_name_primaryRegion_key" ON "ManagedTable"("name", "primaryRegion");

-- CreateIndex
CREATE INDEX "ChangeRequest_tableId_createdAt_idx" ON "ChangeRequest"("tableId", "createdAt");

-- AddForeignKey
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "ManagedTable"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ManagedTable" ADD CONSTRAINT "ManagedTable_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
