import type { OperationPlan, RiskLevel } from "@/lib/domain/plan";
import styles from "./operation-plan.module.css";

const RISK_TEXT: Record<RiskLevel, string> = {
  low: "Risk: low",
  medium: "Risk: medium",
  high: "Risk: high",
  destructive: "Risk: destructive",
};

/** The plan's risk as a pill with its word (colour is never the only cue). */
export function RiskBadge({ risk }: { risk: RiskLevel }) {
  return (
    <span className={`${styles.risk} ${styles[risk]}`} data-testid="plan-risk" data-risk={risk}>
      {RISK_TEXT[risk]}
    </span>
  );
}

/**
 * An operation plan as people read it: risk and summary, then each step in order with what
 * Terraform does, how long it may take, whether the table stays available and whether it needs an
 * apply of its own. Used by the form (live), the queue, the request page and the table page.
 */
export function OperationPlanView({
  plan,
  compact = false,
  against,
}: {
  plan: Pick<OperationPlan, "risk" | "summary" | "steps" | "requiresAcknowledgement"> &
    Partial<Pick<OperationPlan, "warnings">>;
  compact?: boolean;
  /** What the plan starts from, for people. */
  against?: string;
}) {
  return (
    <div className={`${styles.plan} ${compact ? styles.compact : ""}`} data-testid="operation-plan">
      <div className={styles.head}>
        <RiskBadge risk={plan.risk} />
        <p className={styles.summary}>{plan.summary}</p>
      </div>
      {against && <p className={styles.stepMeta}>Against {against}.</p>}
      {plan.steps.length > 0 && (
        <ol className={styles.steps} aria-label="Steps">
          {plan.steps.map((step) => (
            <li key={step.order} className={styles.step} data-testid="plan-step">
              <span className={styles.stepTitle}>{step.title}</span>
              <div className={styles.stepMeta}>
                <span>{step.duration.text}</span>
                <span>{step.available ? "table stays available" : "table unavailable"}</span>
                <span>{step.separateApply ? `own apply (apply ${step.apply})` : `apply ${step.apply}`}</span>
              </div>
              <p className={styles.terraform}>{step.terraform}</p>
              {step.instruction && <p className={styles.instruction}>{step.instruction}</p>}
            </li>
          ))}
        </ol>
      )}
      {!compact && plan.warnings && plan.warnings.length > 0 && (
        <ul className={styles.warnings}>
          {plan.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
