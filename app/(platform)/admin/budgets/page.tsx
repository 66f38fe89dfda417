import { connection } from "next/server";
import { TeamBudgetCard } from "@/components/budget/team-budget-card";
import styles from "@/components/budget/team-budget-card.module.css";
import ui from "@/components/ui/page.module.css";
import { requirePageSession } from "@/lib/server/auth/page-session";
import { listTeamBudgets } from "@/lib/server/budget";

export const metadata = { title: "Team budgets" };

/** Admins set each team's monthly budget and see what its managed tables commit against it. */
export default async function BudgetsPage() {
  await connection();
  const { actor } = await requirePageSession("/admin/budgets", "admin");
  const budgets = await listTeamBudgets(actor);
  return (
    <>
      <div className={ui.pageHeader}>
        <h1>Team budgets</h1>
      </div>
      <p className={ui.muted}>
        A team&apos;s committed cost is the monthly estimate of its managed tables (each request&apos;s last approved
        revision). The tier policy&apos;s routing rules compare each request against it: a request that would take the
        team over its budget needs a budget approver too. Changing a budget re-routes the team&apos;s waiting requests
        at once.
      </p>
      {budgets.length === 0 ? (
        <p className={ui.muted}>No teams yet.</p>
      ) : (
        <ul className={styles.grid} aria-label="Teams">
          {budgets.map((budget) => (
            <TeamBudgetCard key={budget.slug} budget={budget} />
          ))}
        </ul>
      )}
    </>
  );
}
