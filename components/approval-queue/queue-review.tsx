import Link from "next/link";
import { BudgetRouting } from "@/components/budget/budget-routing";
import { TableName } from "@/components/change-requests/table-name";
import { DrPreviewView } from "@/components/dr-diagram";
import { OperationPlanView } from "@/components/operation-plan/operation-plan";
import { describeApprovalProgress } from "@/components/request-detail/approval-progress";
import { ChangeFlags } from "@/components/request-detail/change-flags";
import { CostSummary } from "@/components/request-detail/cost-summary";
import detailStyles from "@/components/request-detail/request-detail.module.css";
import { RequestPurpose } from "@/components/request-detail/request-header";
import { CostChangeTable, RevisionDiff, type RevisionDiffView } from "@/components/request-detail/revision-diff";
import { TerraformFiles } from "@/components/request-detail/terraform-files";
import { ValidationIssues } from "@/components/request-detail/validation-issues";
import { StatusBadge } from "@/components/ui/status-badge";
import type { ChangeRequestDetail } from "@/lib/api/schemas/change-requests";
import { formatUsd } from "@/lib/domain/cost/format";
import type { ChangeSafety } from "@/lib/domain/diff";
import styles from "./approval-queue.module.css";

/**
 * What a reviewer needs to decide, in the order they need it: the purpose, where the approvals
 * stand, change safety against what is live and validation next to cost (and its change since the
 * last revision), then the DR preview and the Terraform module. The decision buttons sit above
 * this (QueueWorkspace).
 */
export function QueueReview({
  detail,
  safety,
  diff,
}: {
  detail: ChangeRequestDetail;
  safety: ChangeSafety;
  diff: RevisionDiffView | null;
}) {
  const progress = describeApprovalProgress(detail);
  return (
    <article className={styles.review} aria-labelledby="review-title">
      <header className={styles.reviewHeader}>
        <p className={detailStyles.eyebrow}>
          <span className={detailStyles.key}>{detail.key}</span>
          <StatusBadge status={detail.status} />
          <span className={styles.reviewMeta}>
            revision {detail.currentRevision} · {detail.approvals.count} of {detail.approvals.required} approvals
          </span>
        </p>
        <h2 id="review-title" className={styles.reviewTitle}>
          {detail.title}
        </h2>
        <RequestPurpose purpose={detail.current.request.owner.purpose} headingLevel={3} />
        {progress && (
          <p className={detailStyles.progress} data-testid="approval-progress">
            {progress}
          </p>
        )}
        <p className={styles.reviewMeta}>
          <TableName name={detail.tableName} /> · {detail.tier} · {detail.team.name} · {detail.requester.name} ·{" "}
          {detail.regions.join(", ")} · {formatUsd(detail.monthlyCostUsd)}/month ·{" "}
          <Link href={`/requests/${encodeURIComponent(detail.key)}`}>Open the full request page</Link>
        </p>
        <BudgetRouting routing={detail.routing} teamName={detail.team.name} audience="approver" />
      </header>
      {detail.current.operationPlan && detail.current.operationPlan.kind !== "create" && (
        <section className={detailStyles.section} aria-labelledby="review-plan" data-testid="review-plan">
          <h3 id="review-plan" className={styles.panelTitle}>
            Operation plan{detail.table ? ` for ${detail.table.name}` : ""}
          </h3>
          <OperationPlanView plan={detail.current.operationPlan} />
          {detail.current.acknowledgement && (
            <p className={detailStyles.small} data-testid="review-migration-note">
              <strong>Requester acknowledged the replacement. Migration note:</strong>{" "}
              {detail.current.acknowledgement.migrationNote}
            </p>
          )}
        </section>
      )}
      <div className={styles.reviewGrid}>
        <section className={detailStyles.section} aria-labelledby="review-safety">
          <h3 id="review-safety" className={styles.panelTitle}>
            Change safety
          </h3>
          <ChangeFlags safety={safety} headingLevel={4} />
          <h3 className={styles.panelTitle}>Validation and policy</h3>
          <ValidationIssues issues={detail.current.validation.issues} headingLevel={4} />
        </section>
        <section className={detailStyles.section} aria-labelledby="review-cost">
          <h3 id="review-cost" className={styles.panelTitle}>
            Monthly cost
          </h3>
          {detail.current.estimate && <CostSummary estimate={detail.current.estimate} />}
          {diff?.costChange && (
            <>
              <h4 className={styles.panelTitle}>Change since revision {diff.from}</h4>
              <CostChangeTable change={diff.costChange} from={diff.from} to={diff.to} />
            </>
          )}
        </section>
      </div>
      {diff && (
        <details className={`${detailStyles.section} ${styles.reviewDetails}`}>
          <summary>
            Field and file changes from revision {diff.from} to {diff.to} ({diff.fieldChanges.length} fields,{" "}
            {diff.fileDiffs.length} files)
          </summary>
          <RevisionDiff diff={{ ...diff, costChange: undefined }} headingLevel={4} />
        </details>
      )}
      <section className={detailStyles.section} aria-labelledby="review-dr">
        <h3 id="review-dr" className={styles.panelTitle}>
          Disaster recovery
        </h3>
        <div className={detailStyles.drWrap}>
          {detail.current.drPreview && <DrPreviewView preview={detail.current.drPreview} headingLevel={3} />}
        </div>
      </section>
      <section className={detailStyles.section} aria-labelledby="review-terraform">
        <h3 id="review-terraform" className={styles.panelTitle}>
          Terraform module
        </h3>
        <TerraformFiles files={detail.current.files} revision={detail.currentRevision} />
      </section>
    </article>
  );
}
