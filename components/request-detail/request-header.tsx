import { BudgetRouting } from "@/components/budget/budget-routing";
import { TableName } from "@/components/change-requests/table-name";
import { DemoBadge, StatusBadge } from "@/components/ui/status-badge";
import type { ChangeRequestDetail } from "@/lib/api/schemas/change-requests";
import { type AssumeRoleTarget, accountTargetChanged, describeAccount } from "@/lib/domain/accounts/account-target";
import { formatUsd } from "@/lib/domain/cost/format";
import { describeApprovalProgress } from "./approval-progress";
import styles from "./request-detail.module.css";

/** The requester's purpose, first: "Approvers read this first" is what the form promises them. */
export function RequestPurpose({ purpose, headingLevel = 2 }: { purpose: string | undefined; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as "h2";
  return (
    <section className={styles.purpose} aria-labelledby="purpose-title" data-testid="request-purpose">
      <Heading id="purpose-title" className={styles.purposeTitle}>
        Purpose
      </Heading>
      {purpose?.trim() ? (
        <p className={styles.purposeText}>{purpose}</p>
      ) : (
        <p className={styles.muted}>The requester gave no purpose.</p>
      )}
    </section>
  );
}

const accountText = (target: AssumeRoleTarget | null) => (target ? describeAccount(target) : "default account");

/**
 * The account the current revision's module was rendered with (stored on the revision), not
 * today's mapping: if an admin remapped the team since, the approved module still targets the old
 * one, so the page says so and a new revision renders against the new mapping.
 */
function RenderedAccount({
  current,
  today,
}: {
  current: Pick<ChangeRequestDetail["current"], "account" | "accountRecorded">;
  today: AssumeRoleTarget | null;
}) {
  if (!current.accountRecorded) {
    return (
      <>
        {accountText(today)}{" "}
        <span className={styles.email}>(today&apos;s mapping; this revision predates recorded accounts)</span>
      </>
    );
  }
  const changed = accountTargetChanged(current.account, today);
  return (
    <>
      <span title={current.account?.roleArn}>{accountText(current.account)}</span>
      {changed && (
        <span className={styles.email} data-testid="request-account-changed">
          {" "}
          · the mapping changed since this revision was rendered: now {accountText(today)}. A new revision renders
          against it.
        </span>
      )}
    </>
  );
}

/** Who, what and where at a glance: the facts a reviewer reads before anything else. */
export function RequestHeader({
  detail,
  currentAccount,
}: {
  detail: ChangeRequestDetail;
  /** The account the team/tier is mapped to today; undefined: the default credentials' account. */
  currentAccount?: AssumeRoleTarget;
}) {
  const { approvals } = detail;
  const progress = describeApprovalProgress(detail);
  return (
    <header className={styles.header}>
      <p className={styles.eyebrow}>
        <span className={styles.key}>{detail.key}</span>
        <StatusBadge status={detail.status} />
        {detail.isDemo && <DemoBadge />}
      </p>
      <h1 className={styles.title}>{detail.title}</h1>
      <RequestPurpose purpose={detail.current.request.owner.purpose} />
      {progress && (
        <p className={styles.progress} data-testid="approval-progress">
          {progress}
        </p>
      )}
      <BudgetRouting routing={detail.routing} teamName={detail.team.name} audience="approver" />
      <dl className={styles.facts}>
        <div className={styles.factWide}>
          <dt>Table</dt>
          <dd>
            <TableName name={detail.tableName} />
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
          <dt>AWS account</dt>
          <dd data-testid="request-account">
            <RenderedAccount current={detail.current} today={currentAccount ?? null} />
          </dd>
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
