-- AlterTable
ALTER TABLE "ChangeRequest" ADD COLUMN     "importedTableJson" TEXT;
