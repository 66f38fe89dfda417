import { ROLE_LABELS, type Role } from "@/lib/domain/auth/permissions";
import type { ApprovalRouting } from "@/lib/domain/budget/route-approvals";
import { formatUsd } from "@/lib/domain/cost/format";
import styles from "./budget-routing.module.css";

const roleLabel = (role: string) => ROLE_LABELS[role as Role] ?? role;
const percent = (n: number | null) =>
  n === null ? "" : Number.isFinite(n) ? `${Number(n.toFixed(1)).toLocaleString("en-US")}%` : "over all";

/**
 * Where a request leaves its team's budget and whose extra approval the tier policy's routing asks
 * for, in words. The requester sees it before submit, approvers on the request page.
 */
export function BudgetRouting({
  routing,
  teamName,
  audience,
}: {
  routing: ApprovalRouting;
  teamName: string;
  audience: "requester" | "approver";
}) {
  const { budget, routes } = routing;
  if (budget.state === "no-budget" && routes.length === 0) return null;
  const tone = budget.state === "over" ? styles.over : budget.state === "near" ? styles.near : styles.within;
  const adds = budget.addsUsd >= 0 ? `adds ${formatUsd(budget.addsUsd)}` : `saves ${formatUsd(-budget.addsUsd)}`;
  const title =
    budget.state === "over"
      ? `Over the ${teamName} team's monthly budget`
      : budget.state === "near"
        ? `Near the ${teamName} team's monthly budget`
        : budget.state === "within"
          ? `Within the ${teamName} team's monthly budget`
          : `Approval routing for the ${teamName} team`;
  return (
    <section
      className={`${styles.box} ${tone}`}
      aria-label="Team budget and approvals"
      data-testid="budget-routing"
      data-budget-state={budget.state}
      role={budget.state === "over" || budget.state === "near" ? "status" : undefined}
    >
      <p className={styles.title}>{title}</p>
      {budget.budgetUsd !== null && (
        <p>
          Committed {formatUsd(budget.committedUsd)} a month of a {formatUsd(budget.budgetUsd)} budget; this request{" "}
          {adds}, bringing the team to {formatUsd(budget.afterUsd)} ({percent(budget.percentOfBudget)} of the budget;
          the tier warns at {budget.warnAtPercent}%).
        </p>
      )}
      {routes.length > 0 ? (
        <>
          <p>
            {audience === "requester"
              ? "When you submit, the request is routed for extra approval:"
              : "The tier policy routes this request for extra approval:"}
          </p>
          <ul className={styles.routes}>
            {routes.map((r) => (
              <li key={r.ruleId}>
                <strong>
                  {r.approvals === 1 ? "One approval" : `${r.approvals} approvals`} from a{" "}
                  {roleLabel(r.role).toLowerCase()}
                </strong>{" "}
                ({r.description} It {r.reasons.join("; ")}.)
              </li>
            ))}
          </ul>
        </>
      ) : (
        budget.state !== "no-budget" && <p>No extra approval is needed.</p>
      )}
    </section>
  );
}
