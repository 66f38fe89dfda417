import Link from "next/link";
import { DrPreviewView } from "@/components/dr-diagram";
import { ChangeFlags } from "@/components/request-detail/change-flags";
import { CostSummary } from "@/components/request-detail/cost-summary";
import detailStyles from "@/components/request-detail/request-detail.module.css";
import { RevisionDiff } from "@/components/request-detail/revision-diff";
import { TerraformFiles } from "@/components/request-detail/terraform-files";
import { ValidationIssues } from "@/components/request-detail/validation-issues";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatUsd } from "@/lib/domain/cost/format";
import type { RevisionDiff as RevisionDiffData } from "@/lib/domain/diff";
import type { ChangeRequestDetail } from "@/lib/server/change-requests";
import styles from "./approval-queue.module.css";

/**
 * What a reviewer needs to decide, side by side: change safety and validation next to cost, then
 * the DR preview and the Terraform module. The decision buttons sit above this (QueueWorkspace).
 */
export function QueueReview({ detail, diff }: { detail: ChangeRequestDetail; diff: RevisionDiffData | null }) {
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
        <p className={styles.reviewMeta}>
          <code>{detail.tableName}</code> · {detail.tier} · {detail.team.name} · {detail.requester.name} ·{" "}
          {detail.regions.join(", ")} · {formatUsd(detail.monthlyCostUsd)}/month ·{" "}
          <Link href={`/requests/${encodeURIComponent(detail.key)}`}>Open the full request page</Link>
        </p>
      </header>
      <div className={styles.reviewGrid}>
        <section className={detailStyles.section} aria-labelledby="review-safety">
          <h3 id="review-safety" className={styles.panelTitle}>
            Change safety
          </h3>
          {diff ? (
            <ChangeFlags flags={diff.flags} from={diff.from} to={diff.to} />
          ) : (
            <p className={detailStyles.muted}>
              Revision 1: a new table, nothing to compare. Check the validation and the module below.
            </p>
          )}
          <h3 className={styles.panelTitle}>Validation and policy</h3>
          <ValidationIssues issues={detail.current.validation.issues} headingLevel={4} />
        </section>
        <section className={detailStyles.section} aria-labelledby="review-cost">
          <h3 id="review-cost" className={styles.panelTitle}>
            Monthly cost
          </h3>
          {detail.current.estimate && <CostSummary estimate={detail.current.estimate} />}
        </section>
      </div>
      {diff && (
        <details className={`${detailStyles.section} ${styles.reviewDetails}`}>
          <summary>
            Field and file changes from revision {diff.from} to {diff.to} ({diff.fieldChanges.length} fields,{" "}
            {diff.fileDiffs.length} files)
          </summary>
          <RevisionDiff diff={diff} showFlags={false} />
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
