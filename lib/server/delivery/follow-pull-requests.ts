import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/domain/app-error";
import {
  apiBaseUrlOf,
  type PullRequestEvent,
  type PullRequestState,
  readGithubPullRequestEvent,
  readGitlabMergeRequestEvent,
  repositoryPathOf,
} from "@/lib/domain/delivery";
import { recordAuditEvent } from "../audit";
import { type Db, getDb } from "../db";
import { getLogger } from "../logger";
import { toDeliveryTarget } from "./delivery-targets";
import { getPullRequest } from "./pull-requests";
import { readCredential } from "./read-credential";

const digest = (text: string | Buffer) => createHash("sha256").update(text).digest();
/** Compares through fixed-length digests, so neither the length nor the content leaks through timing. */
const sameSecret = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

/** GitHub: `X-Hub-Signature-256: sha256=<HMAC-SHA256 of the raw body with the secret>`. */
export function verifyGithubSignature(rawBody: Buffer, header: string | null, secret: string): boolean {
  if (!header?.startsWith("sha256=")) return false;
  const expected = `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`;
  return sameSecret(expected, header);
}

export interface WebhookHeaders {
  githubEvent: string | null;
  githubSignature: string | null;
  gitlabEvent: string | null;
  gitlabToken: string | null;
}

/**
 * A provider's webhook about a pull (merge) request: finds the delivery target whose secret signed
 * it (GitHub's HMAC over the raw body, GitLab's token), and only then reads the payload and moves
 * the state of the publication on that branch. An unsigned or wrongly signed call changes nothing.
 */
export async function receivePullRequestWebhook(
  provider: "github" | "gitlab",
  headers: WebhookHeaders,
  rawBody: Buffer,
  db?: Db,
): Promise<{ received: true; updated: number; event?: PullRequestEvent }> {
  db ??= await getDb();
  const targets = (await db.deliveryTarget.findMany({ where: { provider, webhookSecretRef: { not: null } } })).map(
    toDeliveryTarget,
  );
  const matching: string[] = [];
  for (const target of targets) {
    const secret = await readCredential(target.webhookSecretRef as string).catch(() => undefined);
    if (!secret) continue;
    const ok =
      provider === "github"
        ? verifyGithubSignature(rawBody, headers.githubSignature, secret)
        : headers.gitlabToken !== null && sameSecret(headers.gitlabToken, secret);
    if (ok) matching.push(target.id);
  }
  if (matching.length === 0) {
    throw new AppError(
      "UNAUTHENTICATED",
      provider === "github"
        ? "the X-Hub-Signature-256 header does not match the webhook secret of any GitHub delivery target"
        : "the X-Gitlab-Token header does not match the webhook secret of any GitLab delivery target",
    );
  }
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody.toString("utf8"));
  } catch {
    throw new AppError(
      "BAD_REQUEST",
      "the webhook body is not JSON (configure the webhook's content type as application/json)",
    );
  }
  const event =
    provider === "github"
      ? readGithubPullRequestEvent(headers.githubEvent, payload)
      : readGitlabMergeRequestEvent(headers.gitlabEvent, payload);
  if (!event) return { received: true, updated: 0 };
  const updated = await recordPullRequestState(
    db,
    { targetIds: matching, branch: event.branch },
    event.state,
    "webhook",
  );
  return { received: true, updated, event };
}

async function recordPullRequestState(
  db: Db,
  where: { targetIds: string[]; branch: string },
  state: PullRequestState,
  via: "webhook" | "polling",
): Promise<number> {
  const rows = await db.publication.findMany({
    where: { targetId: { in: where.targetIds }, branch: where.branch, status: "published" },
  });
  let updated = 0;
  for (const row of rows) {
    if (row.prState === state) continue;
    await db.$transaction(async (tx) => {
      const changed = await tx.publication.updateMany({
        where: { id: row.id, prState: row.prState },
        data: { prState: state },
      });
      if (changed.count !== 1) return;
      updated += 1;
      await recordAuditEvent(tx, undefined, {
        action: "PULL_REQUEST_STATE",
        changeRequestId: row.changeRequestId,
        revisionNumber: row.revision,
        details: { from: row.prState, to: state, prUrl: row.prUrl, via },
      });
    });
  }
  return updated;
}

/**
 * The polling fallback: asks the provider for every open pull request the portal follows and
 * records merged or closed ones (webhooks can be missing, misconfigured or lost). Returns how many
 * moved. One provider failing is logged and skipped; the next poll tries again.
 */
export async function pollPullRequests(db?: Db): Promise<{ checked: number; updated: number }> {
  db ??= await getDb();
  const open = await db.publication.findMany({
    where: { status: "published", prState: "open", prNumber: { not: null } },
  });
  let updated = 0;
  for (const row of open) {
    const targetRow = await db.deliveryTarget.findUnique({ where: { id: row.targetId } });
    if (!targetRow) continue;
    const target = toDeliveryTarget(targetRow);
    const api = apiBaseUrlOf(target);
    const repository = repositoryPathOf(target.repoUrl);
    if (target.provider === "git" || !api || !repository) continue;
    try {
      const token = await readCredential(target.credentialRef);
      const pr = await getPullRequest(
        { provider: target.provider, apiBaseUrl: api, repository, token },
        row.prNumber as number,
      );
      updated += await recordPullRequestState(db, { targetIds: [target.id], branch: row.branch }, pr.state, "polling");
    } catch (error) {
      getLogger().warn({ err: error, branch: row.branch }, "polling a pull request failed");
    }
  }
  return { checked: open.length, updated };
}
