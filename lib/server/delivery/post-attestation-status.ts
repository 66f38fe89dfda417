import "server-only";
import { apiBaseUrlOf, repositoryPathOf } from "@/lib/domain/delivery";
import { recordAuditEvent } from "../audit";
import { type Db, getDb } from "../db";
import { getLogger } from "../logger";
import { toDeliveryTarget } from "./delivery-targets";
import { portalUrlOf } from "./publish-change-request";
import { postCommitStatus } from "./pull-requests";
import { readCredential } from "./read-credential";

/** The check's name on the pull request: one status per commit, the latest verdict wins. */
export const ATTESTATION_STATUS_CONTEXT = "tablewright/plan-attestation";

export interface AttestationVerdict {
  changeRequestId: string;
  revisionNumber: number;
  verdict: "ATTESTED" | "VIOLATIONS";
  findingCount: number;
}

export type AttestationStatusOutcome =
  | { posted: true; sha: string }
  | { posted: false; reason: "not-published" | "no-pull-requests" }
  | { posted: false; reason: "failed"; error: string };

/**
 * Puts a plan attestation's verdict on the published revision's pull (merge) request, as a commit
 * status on the pushed commit (success when attested, failure with the count of findings
 * otherwise) linking to the request page. Only for a revision published to GitHub or GitLab.
 * Never throws: a provider that is down or refuses the token is logged and recorded as an
 * ATTESTATION_STATUS_FAILED audit event on the request (ATTESTATION_STATUS_POSTED when it worked),
 * and the attestation stands as recorded.
 */
export async function postAttestationStatus(verdict: AttestationVerdict, db?: Db): Promise<AttestationStatusOutcome> {
  const log = getLogger().child({ changeRequestId: verdict.changeRequestId, revision: verdict.revisionNumber });
  try {
    db ??= await getDb();
    const publication = await db.publication.findUnique({
      where: { changeRequestId: verdict.changeRequestId },
      include: { changeRequest: { select: { key: true } } },
    });
    if (
      publication?.status !== "published" ||
      publication.revision !== verdict.revisionNumber ||
      !publication.commitSha
    ) {
      return { posted: false, reason: "not-published" };
    }
    const targetRow = await db.deliveryTarget.findUnique({ where: { id: publication.targetId } });
    if (!targetRow) return { posted: false, reason: "not-published" };
    const target = toDeliveryTarget(targetRow);
    const api = apiBaseUrlOf(target);
    const repository = repositoryPathOf(target.repoUrl);
    if (target.provider === "git" || !api || !repository) return { posted: false, reason: "no-pull-requests" };
    const sha = publication.commitSha;
    const attested = verdict.verdict === "ATTESTED";
    try {
      const token = await readCredential(target.credentialRef);
      await postCommitStatus({ provider: target.provider, apiBaseUrl: api, repository, token }, sha, {
        state: attested ? "success" : "failure",
        context: ATTESTATION_STATUS_CONTEXT,
        description: attested
          ? `Terraform plan attested against approved revision ${verdict.revisionNumber}`
          : `Terraform plan violates approved revision ${verdict.revisionNumber}: ${verdict.findingCount} finding${verdict.findingCount === 1 ? "" : "s"}`,
        targetUrl: portalUrlOf(publication.changeRequest.key),
      });
      await recordAuditEvent(db, undefined, {
        action: "ATTESTATION_STATUS_POSTED",
        changeRequestId: verdict.changeRequestId,
        revisionNumber: verdict.revisionNumber,
        details: { sha, verdict: verdict.verdict, context: ATTESTATION_STATUS_CONTEXT, prUrl: publication.prUrl },
      });
      return { posted: true, sha };
    } catch (error) {
      const message = `posting the attestation to ${publication.prUrl ?? target.repoUrl} failed: ${(error as Error).message}`;
      log.warn({ err: error, sha }, "posting the attestation status failed");
      await recordAuditEvent(db, undefined, {
        action: "ATTESTATION_STATUS_FAILED",
        changeRequestId: verdict.changeRequestId,
        revisionNumber: verdict.revisionNumber,
        details: { sha, verdict: verdict.verdict, error: message.slice(0, 1000) },
      });
      return { posted: false, reason: "failed", error: message };
    }
  } catch (error) {
    log.error({ err: error }, "posting the attestation status failed");
    return { posted: false, reason: "failed", error: (error as Error).message };
  }
}
