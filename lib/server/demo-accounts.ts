import "server-only";
import { type Db, getDb } from "./db";

/** Demo sign-in accounts, one per role (and a second developer and approver for four-eyes demos). */
export const DEMO_ACCOUNTS = [
  {
    email: "dana@example.com",
    name: "Dana Developer",
    role: "DEVELOPER",
    teams: ["checkout", "payments", "identity"],
    password: "demo-developer",
  },
  {
    email: "omar@example.com",
    name: "Omar Developer",
    role: "DEVELOPER",
    teams: ["orders", "billing"],
    password: "demo-developer",
  },
  {
    email: "pat@example.com",
    name: "Pat Platform",
    role: "PLATFORM_APPROVER",
    teams: ["platform"],
    password: "demo-approver",
  },
  {
    email: "quinn@example.com",
    name: "Quinn Platform",
    role: "PLATFORM_APPROVER",
    teams: ["platform"],
    password: "demo-approver",
  },
  {
    email: "bea@example.com",
    name: "Bea Budget",
    role: "BUDGET_APPROVER",
    teams: ["platform"],
    password: "demo-budget",
  },
  { email: "ada@example.com", name: "Ada Admin", role: "ADMIN", teams: ["platform"], password: "demo-admin" },
] as const;

/** Whether the demo seed created its accounts in this database (the sign-in page lists them only then). */
export async function hasDemoAccounts(db?: Db): Promise<boolean> {
  db ??= await getDb();
  return (await db.user.count({ where: { isDemo: true } })) > 0;
}
