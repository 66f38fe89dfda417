import "server-only";
import { type VerificationResult, type VerifyOptions, verifyTableRequest } from "@/lib/aws";
import { AppError } from "@/lib/domain/app-error";
import { hasPermission } from "@/lib/domain/auth/permissions";
import { classifyDriftFromDifferences } from "@/lib/domain/drift";
import type { TableRequest } from "@/lib/domain/request/schema";
import { findAccountTarget } from "../accounts";
import type { Actor } from "../actor";
import { getChangeRequest, transitionChangeRequest } from "../change-requests";
import { type Db, getDb } from "../db";

const VERIFIABLE = ["APPROVED", "VERIFIED", "DRIFTED"];

export interface ChangeRequestVerification extends VerificationResult {
  key: string;
  revisionNumber: number;
  /** Whether a RECORD_VERIFICATION transition (and its audit event) was written. */
  recorded: boolean;
  /** The request's status after the check. */
  status: string;
}

/**
 * Verifies the live table against the approved revision of a change request and records the
 * outcome: VERIFIED when every field matches, DRIFTED with the differences otherwise, as one
 * audit event on the status timeline. Records nothing when the check could not run (live checks
 * off, endpoint unreachable) or when an APPROVED request's table does not exist yet (the
 * pipeline has not applied it; that is not drift).
 */
export async function verifyChangeRequest(
  actor: Actor,
  key: string,
  options: VerifyOptions & { db?: Db } = {},
): Promise<ChangeRequestVerification> {
  const db = options.db ?? (await getDb());
  const detail = await getChangeRequest(actor, key, db);
  if (!hasPermission(actor.role, "aws.check")) throw new AppError("FORBIDDEN", "you may not run live checks");
  if (!VERIFIABLE.includes(detail.status) || detail.approvedRevision === null) {
    throw new AppError(
      "TRANSITION_NOT_ALLOWED",
      `only an approved request can be verified; ${key} is ${detail.status.toLowerCase().replaceAll("_", " ")}`,
    );
  }
  const revisionNumber = detail.approvedRevision;
  // The approved revision, not the current one: a later draft revision was never approved.
  const revision = await db.revision.findFirstOrThrow({
    where: { changeRequest: { key }, number: revisionNumber },
    select: { requestJson: true },
  });
  const request = JSON.parse(revision.requestJson) as TableRequest;
  // The table lives in the account the team/tier is mapped to: read it through that role.
  const accountTarget =
    options.accountTarget ?? (await findAccountTarget({ team: request.owner.team, tier: request.tier }, db));
  const result = await verifyTableRequest(request, { ...options, accountTarget });
  const outcome = { ...result, key, revisionNumber, recorded: false, status: detail.status };
  if (result.unavailable || (result.tableMissing && detail.status === "APPROVED")) return outcome;

  const drift = classifyDriftFromDifferences(request, result.differences);
  const transition = await transitionChangeRequest(
    actor,
    key,
    "RECORD_VERIFICATION",
    {
      verified: result.verified,
      details: {
        differences: result.differences,
        checkedAt: result.checkedAt,
        region: result.region,
        verifiedRevision: revisionNumber,
        ...(result.tableMissing ? { tableMissing: true } : {}),
      },
      notification: {
        drift: {
          region: result.region,
          counts: drift.counts,
          worst: drift.worst,
          urgent: drift.urgent,
          findings: drift.findings.slice(0, 50).map((f) => ({ path: f.path, class: f.class, message: f.message })),
        },
      },
    },
    db,
  );
  return { ...outcome, recorded: true, status: transition.status };
}
