import { DemoBadge, StatusBadge } from "@/components/ui/status-badge";
import type { ChangeRequestDetail } from "@/lib/api/schemas/change-requests";
import { formatUsd } from "@/lib/domain/cost/format";
import styles from "./request-detail.module.css";

/** Who, what and where at a glance: the facts a reviewer reads before anything else. */
export function RequestHeader({ detail }: { detail: ChangeRequestDetail }) {
  const { approvals } = detail;
  return (
    <header className={styles.header}>
      <p className={styles.eyebrow}>
        <span className={styles.key}>{detail.key}</span>
        <StatusBadge status={detail.status} />
        {detail.isDemo && <DemoBadge />}
      </p>
      <h1 className={styles.title}>{detail.title}</h1>
      <dl className={styles.facts}>
        <div>
          <dt>Table</dt>
          <dd>
            <code>{detail.tableName}</code>
          </dd>
        </div>
        <div>
          <dt>Tier</dt>
          <dd>{detail.tier}</dd>
        </div>
        <div>
          <dt>Team</dt>
          <dd>{detail.team.name}</dd>
        </div>
        <div>
          <dt>Requester</dt>
          <dd>
            {detail.requester.name} <span className={styles.email}>{detail.requester.email}</span>
          </dd>
        </div>
        <div>
          <dt>Regions</dt>
          <dd>{detail.regions.join(", ") || "—"}</dd>
        </div>
        <div>
          <dt>Monthly cost</dt>
          <dd>{formatUsd(detail.monthlyCostUsd)}</dd>
        </div>
        <div>
          <dt>Approvals</dt>
          <dd data-testid="approval-count">
            {approvals.count} of {approvals.required}
          </dd>
        </div>
        <div>
          <dt>Revision</dt>
          <dd>
            {detail.currentRevision}
            {detail.approvedRevision ? ` (approved: ${detail.approvedRevision})` : ""}
          </dd>
        </div>
      </dl>
    </header>
  );
}
