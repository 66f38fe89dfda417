import { formatDateTime, isoOf } from "@/components/ui/format-date";
import type { PlanAttestation } from "@/lib/api/schemas/attestations";
import styles from "./request-detail.module.css";

/** One step of the path from approval to a verified table, and whether it happened. */
interface LifecycleStep {
  label: string;
  state: "done" | "failed" | "pending" | "unknown";
  detail?: string;
}

/**
 * Where publishing the module stands (the request's publication): a pull request's state, a branch
 * pushed to a host without pull requests, an attempt under way or failed. Without a delivery target
 * the step reads "not tracked".
 */
export interface PublishState {
  state: "pending" | "pushed" | "open" | "merged" | "closed" | "failed";
  url?: string;
}

const PUBLISH_STEP: Record<PublishState["state"], Pick<LifecycleStep, "state" | "detail">> = {
  pending: { state: "pending", detail: "publishing" },
  pushed: { state: "done", detail: "branch pushed" },
  open: { state: "done", detail: "pull request open" },
  merged: { state: "done", detail: "pull request merged" },
  closed: { state: "failed", detail: "pull request closed" },
  failed: { state: "failed", detail: "publish failed" },
};

/** approved -> published -> plan attested / violations -> applied and verified -> drifted, from what is known. */
export function lifecycleSteps(input: {
  approvedRevision: number | null;
  status: string;
  liveStatus: string | null;
  latest: PlanAttestation | undefined;
  publish?: PublishState;
}): LifecycleStep[] {
  const { approvedRevision, latest } = input;
  const steps: LifecycleStep[] = [
    {
      label: "Approved",
      state: approvedRevision ? "done" : "pending",
      ...(approvedRevision ? { detail: `revision ${approvedRevision}` } : {}),
    },
    input.publish
      ? { label: "Published", ...PUBLISH_STEP[input.publish.state] }
      : { label: "Published", state: "unknown", detail: "not tracked" },
    latest
      ? {
          label: latest.verdict === "ATTESTED" ? "Plan attested" : "Plan violations",
          state: latest.verdict === "ATTESTED" ? "done" : "failed",
          detail:
            latest.verdict === "ATTESTED"
              ? `Terraform ${latest.terraformVersion}`
              : `${latest.findings.length} finding${latest.findings.length === 1 ? "" : "s"}`,
        }
      : { label: "Plan attested", state: "pending", detail: "no plan posted" },
  ];
  const verified = input.status === "VERIFIED" || input.liveStatus === "VERIFIED";
  const drifted = input.status === "DRIFTED" || input.liveStatus === "DRIFTED";
  steps.push({ label: "Applied and verified", state: verified || drifted ? "done" : "pending" });
  if (drifted) steps.push({ label: "Drifted", state: "failed", detail: "the live table differs" });
  return steps;
}

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
