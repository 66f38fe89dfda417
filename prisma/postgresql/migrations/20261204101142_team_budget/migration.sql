-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "monthlyBudgetUsd" DOUBLE PRECISION;
