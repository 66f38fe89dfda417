"use client";

import type { ReactNode } from "react";
import { TableName } from "@/components/change-requests/table-name";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { RequestAnalysis } from "@/lib/domain/analyze-request";
import { formatUsd } from "@/lib/domain/cost/format";
import type { TierPolicy } from "@/lib/domain/policy/schema";
import type { Capacity, TableRequest } from "@/lib/domain/request/schema";
import { humanizeIssueMessage } from "@/lib/domain/validation/human-message";
import styles from "./request-form.module.css";
import { listTierRequirements } from "./tier-change";

const ENCRYPTION_LABELS = {
  AWS_OWNED: "AWS-owned key",
  AWS_MANAGED: "AWS-managed KMS key",
  CUSTOMER_MANAGED: "customer-managed KMS key",
} as const;

function describeCapacity(label: string, capacity: Capacity): string {
  const scaling = capacity.autoscaling
    ? `, auto scaling ${capacity.autoscaling.minCapacity.toLocaleString("en-US")}–${capacity.autoscaling.maxCapacity.toLocaleString("en-US")} at ${capacity.autoscaling.targetUtilization}%`
    : ", no auto scaling";
  return `${label} ${capacity.units.toLocaleString("en-US")}${scaling}`;
}

/** A Region code as one token: `us-east-1` must not wrap at its hyphens. */
function RegionCode({ code }: { code: string }) {
  return (
    <span className={styles.token} data-testid="region-code">
      {code}
    </span>
  );
}

/** What the request will create, line by line, in words (table names and Regions never split at a hyphen). */
export function describeRequest(request: TableRequest): { term: string; detail: ReactNode }[] {
  const key = (k: { name: string; type: string } | undefined) => (k ? `${k.name} (${k.type})` : undefined);
  const billing =
    request.billing.mode === "PROVISIONED"
      ? `Provisioned: ${describeCapacity("read", request.billing.read)}; ${describeCapacity("write", request.billing.write)}`
      : "On-demand";
  const pitr = request.pointInTimeRecovery.enabled
    ? `PITR ${request.pointInTimeRecovery.recoveryPeriodInDays} days`
    : "PITR off";
  const backup = request.backup?.enabled
    ? `AWS Backup ${request.backup.schedule}, kept ${request.backup.retentionDays} days${request.backup.copyRegion ? `, copied to ${request.backup.copyRegion}` : ""}`
    : "no AWS Backup plan";
  const replicas = request.regions.replicas;
  return [
    {
      term: "Table",
      detail: (
        <>
          <TableName name={request.tableName} /> in <RegionCode code={request.regions.primary} />, {request.tier} tier,
          table class {request.tableClass === "STANDARD" ? "Standard" : "Standard-IA"}
        </>
      ),
    },
    {
      term: "Keys",
      detail: [`partition key ${key(request.partitionKey)}`, request.sortKey ? `sort key ${key(request.sortKey)}` : ""]
        .filter(Boolean)
        .join(", "),
    },
    {
      term: "Replicas",
      detail: replicas.length ? (
        <>
          {replicas.map((r, i) => (
            <span key={r.region}>
              {i > 0 ? ", " : ""}
              <RegionCode code={r.region} /> ({r.role === "STANDBY" ? "standby" : "active"})
            </span>
          ))}
          ; {request.regions.consistency === "STRONG" ? "strong" : "eventual"} consistency
          {request.regions.witness ? (
            <>
              , witness in <RegionCode code={request.regions.witness} />
            </>
          ) : null}
        </>
      ) : (
        "none: one Region"
      ),
    },
    {
      term: "Indexes",
      detail:
        [
          ...request.globalSecondaryIndexes.map((g) => `GSI ${g.name}`),
          ...request.localSecondaryIndexes.map((l) => `LSI ${l.name}`),
        ].join(", ") || "none",
    },
    { term: "Capacity", detail: billing },
    {
      term: "Protection",
      detail: `${pitr}; deletion protection ${request.deletionProtection ? "on" : "off"}; ${backup}`,
    },
    {
      term: "Other",
      detail: [
        `encrypted with an ${ENCRYPTION_LABELS[request.encryption.type]}`,
        request.stream?.enabled ? "stream on" : "no stream",
        request.ttl?.enabled ? `TTL on ${request.ttl.attributeName}` : "no TTL",
        request.alarms?.enabled ? "CloudWatch alarms" : "no alarms",
      ].join("; "),
    },
  ];
}

/**
 * The step before sending a request to review: what will be created, what it costs per Region,
 * its DR pattern with RPO and RTO, and the tier's checks. Nothing is sent until the person confirms.
 */
export function ReviewDialog({
  open,
  analysis,
  policy,
  title,
  confirmLabel,
  isSaving,
  onConfirm,
  onClose,
}: {
  open: boolean;
  analysis?: RequestAnalysis;
  policy: TierPolicy;
  title: string;
  confirmLabel: string;
  isSaving: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const request = analysis?.request;
  const estimate = analysis?.estimate;
  const preview = analysis?.drPreview;
  const warnings = analysis?.allIssues.filter((i) => i.severity === "warning") ?? [];
  return (
    <Dialog open={open && Boolean(request)} title="Review before sending" onClose={onClose} size="wide">
      {request && (
        <div className={styles.review} data-testid="review-step">
          <p className={styles.reviewTitle}>
            <strong>{title || `${request.tableName} (${request.tier})`}</strong>
          </p>
          <h3>What will be created</h3>
          <dl className={styles.reviewList}>
            {describeRequest(request).map((row) => (
              <div key={row.term}>
                <dt>{row.term}</dt>
                <dd>{row.detail}</dd>
              </div>
            ))}
          </dl>
          {estimate && (
            <>
              <h3>
                Monthly cost: <span data-testid="review-cost">{formatUsd(estimate.totalMonthlyUsd)}</span>
              </h3>
              <ul className={styles.reviewCost}>
                {estimate.regions.map((region) => (
                  <li key={`${region.region}-${region.role ?? ""}`}>
                    <RegionCode code={region.region} />
                    {region.role ? ` (${region.role.toLowerCase().replaceAll("_", " ")})` : ""}:{" "}
                    {formatUsd(region.monthlyUsd)}
                  </li>
                ))}
              </ul>
              {estimate.workloadSource === "tier-default" && (
                <p className={styles.help}>No workload given: priced at the tier&apos;s expected workload.</p>
              )}
            </>
          )}
          {preview && (
            <>
              <h3>
                Disaster recovery: <span data-testid="review-dr">{preview.name}</span>
              </h3>
              <dl className={styles.reviewList}>
                <div>
                  <dt>Data loss (RPO)</dt>
                  <dd>{preview.rpo.value}</dd>
                </div>
                <div>
                  <dt>Back online (RTO)</dt>
                  <dd>{preview.rto.value}</dd>
                </div>
              </dl>
            </>
          )}
          <h3>{request.tier} tier checks</h3>
          <ul className={styles.requirementList} data-testid="review-checks">
            {listTierRequirements(policy.tiers[request.tier], policy).map((requirement) => {
              const failing = analysis?.allIssues.find((issue) => requirement.codes.includes(issue.code));
              return (
                <li key={requirement.id} className={failing ? styles.requirementUnmet : styles.requirementMet}>
                  <span aria-hidden="true" className={styles.requirementMark}>
                    {failing ? "✗" : "✓"}
                  </span>
                  <span className="visually-hidden">{failing ? "Not met: " : "Met: "}</span>
                  {requirement.label}
                </li>
              );
            })}
            <li className={styles.requirementMet}>
              <span aria-hidden="true" className={styles.requirementMark}>
                ✓
              </span>
              {policy.tiers[request.tier].requiredApprovals} approval
              {policy.tiers[request.tier].requiredApprovals === 1 ? "" : "s"} needed before it can be applied
            </li>
          </ul>
          {warnings.length > 0 && (
            <>
              <h3>Warnings ({warnings.length})</h3>
              <ul className={styles.reviewWarnings}>
                {warnings.map((w) => (
                  <li key={`${w.code}-${w.path}`}>{humanizeIssueMessage(w.message, request)}</li>
                ))}
              </ul>
            </>
          )}
          <div className={styles.reviewActions}>
            <Button onClick={onConfirm} disabled={isSaving} data-autofocus>
              {isSaving ? "Sending…" : confirmLabel}
            </Button>
            <Button variant="secondary" onClick={onClose}>
              Back to the form
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
