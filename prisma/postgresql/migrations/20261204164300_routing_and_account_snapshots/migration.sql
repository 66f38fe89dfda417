-- AlterTable
ALTER TABLE "AccountTarget" ADD COLUMN     "accountName" TEXT;

-- AlterTable
ALTER TABLE "ChangeRequest" ADD COLUMN     "routedRoles" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Revision" ADD COLUMN     "accountTargetJson" TEXT;
