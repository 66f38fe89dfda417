import { formatDateTime, isoOf } from "@/components/ui/format-date";
import type { PlanAttestation } from "@/lib/api/schemas/attestations";
import { type LifecycleStep, lifecycleSteps, type PublishState } from "./lifecycle-steps";
import styles from "./request-detail.module.css";

const STEP_CLASS: Record<LifecycleStep["state"], string | undefined> = {
  done: styles.tagSuccess,
  failed: styles.tagDanger,
  pending: undefined,
  unknown: undefined,
};

/**
 * The approved revision's way to production, and the latest plan attestation of each revision with
 * its findings: what the team's CI posted (`terraform show -json`) against what was approved.
 */
export function PlanAttestations({
  changeRequestKey,
  approvedRevision,
  status,
  liveStatus,
  attestations,
  publish,
}: {
  changeRequestKey: string;
  approvedRevision: number | null;
  status: string;
  liveStatus: string | null;
  /** The newest attestation of each revision. */
  attestations: PlanAttestation[];
  publish?: PublishState;
}) {
  const latestApproved = attestations.find((a) => a.revisionNumber === approvedRevision);
  const steps = lifecycleSteps({ approvedRevision, status, liveStatus, latest: latestApproved, publish });
  const endpoint = `/api/v1/change-requests/${encodeURIComponent(changeRequestKey)}/revisions/${approvedRevision ?? "{n}"}/plans`;
  return (
    <section className={styles.section} aria-labelledby="attestation-title" data-testid="plan-attestations">
      <h2 id="attestation-title">From approval to apply</h2>
      <ol className={styles.lifecycle} aria-label="Lifecycle" data-testid="lifecycle">
        {steps.map((step) => (
          <li key={step.label} data-state={step.state}>
            <span className={`${styles.tag} ${STEP_CLASS[step.state] ?? ""}`}>{step.label}</span>
            {step.detail && <span className={styles.small}> {step.detail}</span>}
          </li>
        ))}
      </ol>
      {attestations.length === 0 ? (
        <p className={styles.muted}>
          No Terraform plan has been posted yet. The team&apos;s CI posts <code>terraform show -json</code> to{" "}
          <code>{endpoint}</code> with a token that has the <code>attest</code> scope (see docs/operations.md).
        </p>
      ) : (
        [...attestations]
          .sort((a, b) => b.revisionNumber - a.revisionNumber)
          .map((a) => <AttestationCard key={a.id} attestation={a} />)
      )}
    </section>
  );
}

function AttestationCard({ attestation: a }: { attestation: PlanAttestation }) {
  const attested = a.verdict === "ATTESTED";
  return (
    <div data-testid={`attestation-r${a.revisionNumber}`}>
      <h3 className={styles.subheading}>
        Revision {a.revisionNumber}
        <span className={`${styles.tag} ${attested ? styles.tagSuccess : styles.tagDanger}`} data-testid="verdict">
          {attested ? "Plan attested" : "Plan violations"}
        </span>
      </h3>
      <p className={styles.small}>
        Posted by {a.postedBy} on <time dateTime={isoOf(a.createdAt)}>{formatDateTime(a.createdAt)}</time>, Terraform{" "}
        {a.terraformVersion}
        {a.moduleAddress ? `, module ${a.moduleAddress}` : ""}. Plan SHA-256 <code>{a.planDigest.slice(0, 16)}…</code>
      </p>
      {attested ? (
        <p className={styles.small}>The plan does exactly what the approved revision says.</p>
      ) : (
        <ul className={styles.issues} data-testid="findings">
          {a.findings.map((f) => (
            <li key={`${f.code} ${f.path}`} className={styles.issueError}>
              {f.message}
              {(f.expected !== undefined || f.actual !== undefined) && (
                <span className={styles.small}>
                  {" "}
                  Approved: <strong>{f.expected ?? "—"}</strong>; plan: <strong>{f.actual ?? "—"}</strong>.
                </span>
              )}{" "}
              <code className={styles.small}>{f.path}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
