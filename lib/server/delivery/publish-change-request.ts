import "server-only";
import { AppError } from "@/lib/domain/app-error";
import type { CostEstimate } from "@/lib/domain/cost/types";
import {
  apiBaseUrlOf,
  type DeliveryTarget,
  type Publication,
  type PullRequestState,
  publicationBranchName,
  renderPullRequestBody,
  renderPullRequestTitle,
  repositoryPathOf,
  resolveModulePath,
} from "@/lib/domain/delivery";
import type { DrPreview } from "@/lib/domain/dr/types";
import type { OperationPlan } from "@/lib/domain/plan/schema";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit";
import { loadWorkflowState } from "../change-requests/load-change-request";
import { type Db, getDb } from "../db";
import { jobIdFor } from "../jobs/job-ids";
import { JOB_NAMES } from "../jobs/job-names";
import { enqueueJob } from "../jobs/runtime";
import { getLogger } from "../logger";
import { dispatchNotificationsSoon, recordNotificationEvent } from "../notifications";
import { findDeliveryTarget } from "./delivery-targets";
import { type PublicationRow, toPublication } from "./publication-row";
import { openPullRequest } from "./pull-requests";
import { filesOfBundle, type GitAuth, PublishError, pushModule } from "./push-module";
import { CredentialError, readCredential } from "./read-credential";

/** A pending publication older than this was cut off (process ended): another attempt may take it over. */
const STALE_PENDING_MS = 5 * 60_000;

export interface PublishResult {
  publication: Publication;
  /** Whether a later attempt may succeed on its own (the server was down), for the retry schedule. */
  retryable: boolean;
}

function gitAuthOf(target: DeliveryTarget, secret: string): GitAuth {
  // Plain git remotes may take user:password; GitHub and GitLab take any user name with a token.
  const colon = secret.indexOf(":");
  if (target.provider === "git" && colon > 0) {
    return { username: secret.slice(0, colon), password: secret.slice(colon + 1) };
  }
  return { username: target.provider === "gitlab" ? "oauth2" : "x-access-token", password: secret };
}

/** The request page, as the PR links back to it. */
export function portalUrlOf(key: string): string {
  const base = (process.env.TABLEWRIGHT_PUBLIC_URL ?? "http://localhost:3000").replace(/\/$/, "");
  return `${base}/requests/${encodeURIComponent(key)}`;
}

/**
 * Publishes a request's approved revision to its delivery target: pushes the stored bundle's
 * files (the approved bytes) on `tablewright/<key>-r<revision>` and opens a pull (merge) request,
 * recording each outcome on the request. Idempotent: a published revision is returned as it is; a
 * retry after a failure reuses a branch that already holds the module and a pull request that
 * already exists, so there is never a second one. Failures are recorded ("publish failed: why"),
 * never thrown; only "nothing to publish" and "already publishing" are errors. Runs outside any
 * approval transaction: an approval never waits on, or is undone by, a git server.
 */
export async function publishChangeRequest(
  changeRequestId: string,
  options: { actor?: Actor; db?: Db } = {},
): Promise<PublishResult> {
  const db = options.db ?? (await getDb());
  const cr = await db.changeRequest.findUnique({
    where: { id: changeRequestId },
    include: { team: { select: { slug: true } }, requester: { select: { email: true } }, publication: true },
  });
  if (!cr) throw new AppError("NOT_FOUND", "change request not found");
  const revisionNumber = cr.approvedRevision;
  if (revisionNumber === null) {
    throw new AppError("CONFLICT", `${cr.key} has no approved revision to publish`);
  }
  const target = await findDeliveryTarget({ team: cr.team.slug, tier: cr.tier }, db);
  if (!target) {
    throw new AppError(
      "CONFLICT",
      `no delivery target is configured for team ${cr.team.slug} in ${cr.tier}; an administrator adds one under Admin > Delivery`,
    );
  }
  const existing = cr.publication;
  if (existing && existing.revision === revisionNumber && existing.status === "published") {
    return { publication: toPublication(existing), retryable: false };
  }
  const branch = publicationBranchName(cr.key, revisionNumber);
  const claimed = await claimPublication(db, cr.id, target.id, revisionNumber, branch, existing);
  if (!claimed) throw new AppError("CONFLICT", `${cr.key} is being published right now; reload in a moment`);

  const log = getLogger().child({ changeRequest: cr.key, revision: revisionNumber });
  const modulePath = resolveModulePath(target.pathTemplate, { table: cr.tableName, team: cr.team.slug, tier: cr.tier });
  let commitSha: string | undefined =
    claimed.revision === revisionNumber ? (claimed.commitSha ?? undefined) : undefined;
  try {
    const secret = await readCredential(target.credentialRef);
    const revision = await db.revision.findUniqueOrThrow({
      where: { changeRequestId_number: { changeRequestId: cr.id, number: revisionNumber } },
    });
    const pushed = await pushModule({
      repoUrl: target.repoUrl,
      baseBranch: target.baseBranch,
      branch,
      modulePath,
      files: filesOfBundle(new Uint8Array(revision.bundle)),
      message: `${cr.key}: DynamoDB table ${cr.tableName} (revision ${revisionNumber})\n\nApproved in Tablewright: ${portalUrlOf(cr.key)}\nBundle SHA-256: ${revision.bundleSha256}\n`,
      auth: gitAuthOf(target, secret),
    });
    commitSha = pushed.commitSha;
    let pr: { number: number; url: string; state: PullRequestState; created: boolean } | undefined;
    const api = apiBaseUrlOf(target);
    const repository = repositoryPathOf(target.repoUrl);
    if (target.provider !== "git" && api && repository) {
      pr = await openPullRequest(
        { provider: target.provider, apiBaseUrl: api, repository, token: secret },
        {
          branch,
          base: target.baseBranch,
          title: renderPullRequestTitle({ key: cr.key, tableName: cr.tableName, revision: revisionNumber }),
          body: renderPullRequestBody({
            key: cr.key,
            title: cr.title,
            revision: revisionNumber,
            tableName: cr.tableName,
            team: cr.team.slug,
            tier: cr.tier,
            requester: cr.requester.email,
            modulePath,
            cost: JSON.parse(revision.costJson) as CostEstimate | null,
            dr: JSON.parse(revision.drJson) as DrPreview | null,
            plan: revision.planJson ? (JSON.parse(revision.planJson) as OperationPlan) : null,
            planBaseline: revision.planBaseline,
            portalUrl: portalUrlOf(cr.key),
          }),
        },
      );
    }
    const prUrl = pr?.url ?? branchLinkOf(target, branch);
    const events: string[] = [];
    const row = await db.$transaction(async (tx) => {
      const saved = await tx.publication.update({
        where: { changeRequestId: cr.id },
        data: {
          status: "published",
          commitSha,
          prUrl,
          prNumber: pr?.number ?? null,
          prState: pr?.state ?? null,
          error: null,
        },
      });
      await recordAuditEvent(tx, options.actor, {
        action: "PUBLISHED",
        changeRequestId: cr.id,
        revisionNumber,
        details: {
          branch,
          commitSha,
          repoUrl: target.repoUrl,
          modulePath,
          ...(pr ? { prUrl: pr.url, prNumber: pr.number, prCreated: pr.created } : {}),
          branchPushed: pushed.pushed,
        },
      });
      events.push(
        await recordNotificationEvent(tx, {
          type: "change_request.published",
          changeRequestId: cr.id,
          actor: options.actor ?? null,
          extra: {
            details: {
              revision: revisionNumber,
              repoUrl: target.repoUrl,
              branch,
              commitSha,
              prUrl,
              ...(pr ? { prNumber: pr.number } : {}),
            },
          },
        }),
      );
      return saved;
    });
    await dispatchNotificationsSoon(events);
    log.info({ branch, commitSha, prUrl }, "published");
    return { publication: toPublication(row), retryable: false };
  } catch (error) {
    const failure =
      error instanceof PublishError
        ? error
        : error instanceof CredentialError
          ? new PublishError(error.message, false)
          : new PublishError(`unexpected error: ${(error as Error).message}`, true);
    if (!(error instanceof PublishError || error instanceof CredentialError))
      log.error({ err: error }, "publish failed");
    const message = `publish failed: ${failure.message}`;
    const row = await db.$transaction(async (tx) => {
      const saved = await tx.publication.update({
        where: { changeRequestId: cr.id },
        data: { status: "failed", error: message.slice(0, 1000), ...(commitSha ? { commitSha } : {}) },
      });
      await recordAuditEvent(tx, options.actor, {
        action: "PUBLISH_FAILED",
        changeRequestId: cr.id,
        revisionNumber,
        details: { branch, error: message, retryable: failure.retryable, attempt: saved.attempts },
      });
      return saved;
    });
    log.warn({ error: message }, "publish failed");
    return { publication: toPublication(row), retryable: failure.retryable };
  }
}

/** A plain git remote has no pull requests: link the branch as the host shows it (best effort). */
function branchLinkOf(target: DeliveryTarget, branch: string): string {
  return `${target.repoUrl.replace(/\.git$/, "")}#${branch}`;
}

/**
 * Marks the publication pending with one more attempt, only if no other attempt holds it: a row
 * pending for less than STALE_PENDING_MS belongs to a running attempt. Guarded by the row's
 * updatedAt, so two concurrent claims cannot both win. Returns the row as it was, or undefined.
 */
async function claimPublication(
  db: Db,
  changeRequestId: string,
  targetId: string,
  revision: number,
  branch: string,
  existing: (PublicationRow & { id: string }) | null,
): Promise<PublicationRow | undefined> {
  if (!existing) {
    try {
      await db.publication.create({
        data: { changeRequestId, targetId, revision, branch, status: "pending", attempts: 1 },
      });
      return {
        status: "pending",
        revision,
        branch,
        commitSha: null,
        prUrl: null,
        prNumber: null,
        prState: null,
        error: null,
        attempts: 1,
        updatedAt: new Date(),
      };
    } catch {
      return undefined; // another attempt created it first
    }
  }
  if (existing.status === "pending" && Date.now() - existing.updatedAt.getTime() < STALE_PENDING_MS) return undefined;
  const newRevision = existing.revision !== revision;
  const updated = await db.publication.updateMany({
    where: { id: existing.id, updatedAt: existing.updatedAt },
    data: {
      status: "pending",
      targetId,
      revision,
      branch,
      attempts: newRevision ? 1 : { increment: 1 },
      ...(newRevision ? { commitSha: null, prUrl: null, prNumber: null, prState: null } : {}),
    },
  });
  return updated.count === 1 ? existing : undefined;
}

/**
 * After an approval committed: publish when the request's target says "automatic". Never throws;
 * the approval stands whatever happens here (failures are recorded on the publication).
 */
export async function publishAfterApproval(changeRequestId: string, db?: Db): Promise<PublishResult | undefined> {
  try {
    const database = db ?? (await getDb());
    const cr = await database.changeRequest.findUnique({
      where: { id: changeRequestId },
      select: { tier: true, approvedRevision: true, status: true, team: { select: { slug: true } } },
    });
    if (!cr || cr.approvedRevision === null || cr.status !== "APPROVED") return undefined;
    const target = await findDeliveryTarget({ team: cr.team.slug, tier: cr.tier }, database);
    if (target?.mode !== "automatic") return undefined;
    // On the job queue when it runs (retries with backoff survive a restart); in this process otherwise.
    if (await enqueuePublishAttempt(changeRequestId, cr.approvedRevision, 1)) return undefined;
    return await publishChangeRequest(changeRequestId, { db: database });
  } catch (error) {
    getLogger().error({ err: error, changeRequestId }, "publishing after approval failed");
    return undefined;
  }
}

/** The request's publication, if it has one. */
export async function getPublication(changeRequestId: string, db?: Db): Promise<Publication | undefined> {
  db ??= await getDb();
  const row = await db.publication.findUnique({ where: { changeRequestId } });
  return row ? toPublication(row) : undefined;
}

/**
 * The Publish / Retry publish button and POST .../publish: someone who can see the request and
 * write requests publishes its approved revision now (whatever the target's mode).
 */
export async function requestPublication(actor: Actor, key: string, db?: Db): Promise<Publication> {
  db ??= await getDb();
  const { cr } = await loadWorkflowState(db, actor, key);
  const { publication } = await publishChangeRequest(cr.id, { actor, db });
  return publication;
}

/** publishAfterApproval by request key (the approval route knows the key). Never throws. */
export async function publishAfterApprovalOf(key: string, db?: Db): Promise<PublishResult | undefined> {
  try {
    const database = db ?? (await getDb());
    const cr = await database.changeRequest.findUnique({ where: { key }, select: { id: true } });
    return cr ? await publishAfterApproval(cr.id, database) : undefined;
  } catch (error) {
    getLogger().error({ err: error, key }, "publishing after approval failed");
    return undefined;
  }
}

/**
 * What the request page shows about publishing (the caller has already checked the viewer may see
 * the request): its publication and the target it would go to, without any credential reference.
 */
export async function getDeliveryOfRequest(key: string, db?: Db) {
  db ??= await getDb();
  const cr = await db.changeRequest.findUnique({
    where: { key },
    select: { tier: true, team: { select: { slug: true } }, publication: true },
  });
  if (!cr) return undefined;
  const target = await findDeliveryTarget({ team: cr.team.slug, tier: cr.tier }, db);
  return {
    publication: cr.publication ? toPublication(cr.publication) : undefined,
    target: target
      ? { provider: target.provider, repoUrl: target.repoUrl, baseBranch: target.baseBranch, mode: target.mode }
      : undefined,
  };
}

/** Attempts after the first wait 30 s, 1, 2, 4 ... minutes, at most an hour; then someone presses Retry. */
export const PUBLISH_MAX_ATTEMPTS = 8;
export function publishRetryDelayMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

/** Queues one publish attempt; false when no job runner is up (the caller publishes in-process). */
export function enqueuePublishAttempt(
  changeRequestId: string,
  revision: number,
  attempt: number,
  startAfter?: Date,
): Promise<boolean> {
  return enqueueJob(
    JOB_NAMES.publishChangeRequest,
    { changeRequestId, attempt },
    // One queued attempt per request, revision and attempt number: a re-sent approval adds none.
    { id: jobIdFor(`${JOB_NAMES.publishChangeRequest}:${changeRequestId}:${revision}:${attempt}`), startAfter },
  );
}

/**
 * The publish job: one attempt; a failure the remote may recover from (down, 5xx) is queued again
 * with backoff. "Already published" ends quietly; "nothing to publish" or "already running" too.
 */
export async function runPublishJob(data: { changeRequestId?: string; attempt?: number }): Promise<void> {
  if (!data.changeRequestId) return;
  const attempt = data.attempt ?? 1;
  let result: PublishResult;
  try {
    result = await publishChangeRequest(data.changeRequestId);
  } catch (error) {
    if (error instanceof AppError && (error.code === "CONFLICT" || error.code === "NOT_FOUND")) return;
    throw error;
  }
  const { publication, retryable } = result;
  if (publication.status === "failed" && retryable && attempt < PUBLISH_MAX_ATTEMPTS) {
    const startAfter = new Date(Date.now() + publishRetryDelayMs(attempt));
    await enqueuePublishAttempt(data.changeRequestId, publication.revision, attempt + 1, startAfter);
  }
}
