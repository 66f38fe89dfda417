import "server-only";
import { createHash } from "node:crypto";
import type { PlanAttestation } from "@/lib/api/schemas/attestations";
import { AppError } from "@/lib/domain/app-error";
import {
  type AttestationFinding,
  attestPlan,
  canonicalPlanJson,
  detectProviderMajor,
  type TerraformPlan,
} from "@/lib/domain/attest";
import type { OperationPlan } from "@/lib/domain/plan";
import { TableRequestSchema } from "@/lib/domain/request/schema";
import type { Actor } from "../actor";
import { recordAuditEvent, type Tx } from "../audit";
import { loadWorkflowState } from "../change-requests/load-change-request";
import { type Db, getDb } from "../db";
import { postAttestationStatus } from "../delivery/post-attestation-status";
import { dispatchNotificationsSoon, recordNotificationEvent } from "../notifications/record-notification-event";
import { runTransaction } from "../run-transaction";

/** Statuses in which the approved revision is the one to apply (approved, then checked live). */
const ATTESTABLE_STATUSES = new Set(["APPROVED", "VERIFIED", "DRIFTED"]);

type StoredAttestation = {
  id: string;
  revisionNumber: number;
  verdict: string;
  findingsJson: string;
  planDigest: string;
  terraformVersion: string;
  moduleAddress: string;
  actorLabel: string;
  tokenId: string | null;
  createdAt: Date;
};

/** A stored row as the API shows it. */
export function toPlanAttestation(row: StoredAttestation): PlanAttestation {
  return {
    id: row.id,
    revisionNumber: row.revisionNumber,
    verdict: row.verdict === "ATTESTED" ? "ATTESTED" : "VIOLATIONS",
    findings: JSON.parse(row.findingsJson) as AttestationFinding[],
    planDigest: row.planDigest,
    terraformVersion: row.terraformVersion,
    moduleAddress: row.moduleAddress,
    postedBy: row.actorLabel,
    viaToken: row.tokenId !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Checks a plan the team's CI posted against the approved revision and records the verdict with
 * an audit event in one transaction. Only the current approved revision can be attested (409
 * otherwise). The same plan (same digest) posted again returns the stored attestation unchanged.
 * The plan itself is not stored: its variables may carry secrets. A new verdict on a revision
 * published to GitHub or GitLab is then set as a commit status on its pull request (see
 * postAttestationStatus; a failure there is recorded, never thrown).
 */
export async function attestRevisionPlan(
  actor: Actor,
  key: string,
  revisionNumber: number,
  plan: TerraformPlan,
  db?: Db,
): Promise<PlanAttestation & { replayed: boolean }> {
  db ??= await getDb();
  const { cr } = await loadWorkflowState(db, actor, key);
  const revision = await db.revision.findUnique({
    where: { changeRequestId_number: { changeRequestId: cr.id, number: revisionNumber } },
    select: { requestJson: true, planJson: true, acknowledgementJson: true, filesJson: true },
  });
  if (!revision) throw new AppError("NOT_FOUND", `${key} has no revision ${revisionNumber}`);
  if (
    cr.approvedRevision !== revisionNumber ||
    cr.currentRevision !== revisionNumber ||
    !ATTESTABLE_STATUSES.has(cr.status)
  ) {
    throw new AppError(
      "REVISION_NOT_APPROVED",
      cr.approvedRevision && ATTESTABLE_STATUSES.has(cr.status)
        ? `revision ${revisionNumber} of ${key} is not the approved one; revision ${cr.approvedRevision} is`
        : `${key} revision ${revisionNumber} is not approved (status ${cr.status.toLowerCase().replaceAll("_", " ")}); only the approved revision's plan can be attested`,
      { details: { approvedRevision: cr.approvedRevision } },
    );
  }
  const planDigest = createHash("sha256")
    .update(withinDepth(() => canonicalPlanJson(plan)))
    .digest("hex");
  const existing = await db.planAttestation.findUnique({
    where: { changeRequestId_revisionNumber_planDigest: { changeRequestId: cr.id, revisionNumber, planDigest } },
  });
  if (existing) return { ...toPlanAttestation(existing), replayed: true };

  const files = JSON.parse(revision.filesJson) as Record<string, string>;
  const acknowledgement = revision.acknowledgementJson
    ? (JSON.parse(revision.acknowledgementJson) as { destructive?: boolean })
    : null;
  const result = withinDepth(() =>
    attestPlan(plan, {
      request: TableRequestSchema.parse(JSON.parse(revision.requestJson)),
      operationPlan: revision.planJson ? (JSON.parse(revision.planJson) as OperationPlan) : null,
      isDestructiveAcknowledged: acknowledgement?.destructive === true,
      awsProviderMajor: detectProviderMajor(files) ?? 6,
      moduleFiles: files,
    }),
  );
  const record = runTransaction(db, async (tx: Tx) => {
    // Two CI jobs posting the same plan at once: the unique digest lets one row win.
    const again = await tx.planAttestation.findUnique({
      where: { changeRequestId_revisionNumber_planDigest: { changeRequestId: cr.id, revisionNumber, planDigest } },
    });
    if (again) return { row: again, replayed: true, event: undefined };
    const created = await tx.planAttestation.create({
      data: {
        changeRequestId: cr.id,
        revisionNumber,
        verdict: result.verdict,
        findingsJson: JSON.stringify(result.findings),
        planDigest,
        terraformVersion: result.terraformVersion.slice(0, 50),
        moduleAddress: result.moduleAddress.slice(0, 500),
        actorId: actor.via === "system" ? null : actor.id,
        actorLabel: `${actor.name} <${actor.email}>${actor.via === "token" ? " (API token)" : ""}`,
        tokenId: actor.tokenId ?? null,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: result.verdict === "ATTESTED" ? "PLAN_ATTESTED" : "PLAN_VIOLATIONS",
      changeRequestId: cr.id,
      revisionNumber,
      details: {
        planDigest,
        terraformVersion: result.terraformVersion,
        findings: result.findings.length,
        paths: result.findings.slice(0, 20).map((f) => f.path),
      },
    });
    // In the same transaction: the event exists if and only if the attestation was committed.
    const event = await recordNotificationEvent(tx, {
      type: result.verdict === "ATTESTED" ? "change_request.plan_attested" : "change_request.plan_violated",
      changeRequestId: cr.id,
      actor,
      extra: {
        details: {
          revision: revisionNumber,
          planDigest,
          terraformVersion: result.terraformVersion,
          findings: result.findings.slice(0, 20).map(({ path, message }) => ({ path, message })),
          findingCount: result.findings.length,
        },
      },
    });
    return { row: created, replayed: false, event };
  });
  const row = await record.catch(async (error: unknown) => {
    // Lost the race to an identical post: the winner's row is the answer.
    if ((error as { code?: string }).code !== "P2002") throw error;
    const winner = await db.planAttestation.findUnique({
      where: { changeRequestId_revisionNumber_planDigest: { changeRequestId: cr.id, revisionNumber, planDigest } },
    });
    if (!winner) throw error;
    return { row: winner, replayed: true, event: undefined };
  });
  if (row.event) await dispatchNotificationsSoon([row.event]);
  if (!row.replayed) {
    // After the commit and never failing it: the verdict stands whatever the git host answers.
    await postAttestationStatus(
      {
        changeRequestId: cr.id,
        revisionNumber,
        verdict: row.row.verdict === "ATTESTED" ? "ATTESTED" : "VIOLATIONS",
        findingCount: result.findings.length,
      },
      db,
    );
  }
  return { ...toPlanAttestation(row.row), replayed: row.replayed };
}

/**
 * JSON nested thousands deep parses, but walking it overflows the stack: Terraform never writes
 * such a plan, so it is the client's error (422), not the server's.
 */
function withinDepth<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new AppError("VALIDATION_FAILED", "the plan is nested too deeply to be a Terraform plan", {
      issues: [
        { path: "", code: "PLAN_TOO_DEEP", message: "values nest too deeply; send terraform show -json output" },
      ],
    });
  }
}

/** Every attestation of one revision, newest first. */
export async function listPlanAttestations(
  actor: Actor,
  key: string,
  revisionNumber: number,
  db?: Db,
): Promise<PlanAttestation[]> {
  db ??= await getDb();
  const { cr } = await loadWorkflowState(db, actor, key);
  const revision = await db.revision.findUnique({
    where: { changeRequestId_number: { changeRequestId: cr.id, number: revisionNumber } },
    select: { number: true },
  });
  if (!revision) throw new AppError("NOT_FOUND", `${key} has no revision ${revisionNumber}`);
  const rows = await db.planAttestation.findMany({
    where: { changeRequestId: cr.id, revisionNumber },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
  });
  return rows.map(toPlanAttestation);
}

/** The newest attestation of each revision of a request (for the request page). */
export async function listLatestAttestations(actor: Actor, key: string, db?: Db): Promise<PlanAttestation[]> {
  db ??= await getDb();
  const { cr } = await loadWorkflowState(db, actor, key);
  const rows = await db.planAttestation.findMany({
    where: { changeRequestId: cr.id },
    orderBy: [{ revisionNumber: "asc" }, { createdAt: "desc" }, { id: "desc" }],
    take: 500,
  });
  const latest = new Map<number, (typeof rows)[number]>();
  for (const row of rows) if (!latest.has(row.revisionNumber)) latest.set(row.revisionNumber, row);
  return [...latest.values()].map(toPlanAttestation);
}
