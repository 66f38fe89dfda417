-- AlterTable
ALTER TABLE "Team" ADD COLUMN "monthlyBudgetUsd" REAL;
