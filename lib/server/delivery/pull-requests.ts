import "server-only";
import type { DeliveryProvider, PullRequestState } from "@/lib/domain/delivery";
import { toPullRequestState } from "@/lib/domain/delivery";
import { PublishError } from "./push-module";

/** The provider's view of the pull (merge) request the portal follows. */
export interface PullRequestRef {
  number: number;
  url: string;
  state: PullRequestState;
}

export interface PullRequestTarget {
  provider: Exclude<DeliveryProvider, "git">;
  apiBaseUrl: string;
  /** owner/repo (GitHub) or group/project (GitLab). */
  repository: string;
  token: string;
}

const TIMEOUT_MS = 20_000;

async function callApi(target: PullRequestTarget, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> =
    target.provider === "github"
      ? {
          accept: "application/vnd.github+json",
          authorization: `Bearer ${target.token}`,
          "x-github-api-version": "2022-11-28",
          "user-agent": "tablewright",
        }
      : { accept: "application/json", "private-token": target.token };
  if (body !== undefined) headers["content-type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(`${target.apiBaseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new PublishError(`cannot reach the ${target.provider} API at ${target.apiBaseUrl} (${cause})`, true);
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const message = (json as { message?: unknown } | undefined)?.message;
    const why = typeof message === "string" ? message : JSON.stringify(message ?? text.slice(0, 200));
    const refused = response.status === 401 || response.status === 403;
    throw new PublishError(
      refused
        ? `the ${target.provider} API refused the token (HTTP ${response.status}: ${why})`
        : `the ${target.provider} API answered HTTP ${response.status} to ${method} ${path}: ${why}`,
      !refused && response.status >= 500,
    );
  }
  return json;
}

const githubRef = (pr: {
  number: number;
  html_url: string;
  state: string;
  merged_at?: string | null;
  merged?: boolean;
}) => ({
  number: pr.number,
  url: pr.html_url,
  state: toPullRequestState(pr.state, Boolean(pr.merged || pr.merged_at)),
});

const gitlabRef = (mr: { iid: number; web_url: string; state: string }) => ({
  number: mr.iid,
  url: mr.web_url,
  state: toPullRequestState(mr.state),
});

/**
 * Opens the pull request for `branch` against `base`, or returns the one that already exists for
 * that branch (in any state): a retry never opens a second one.
 */
export async function openPullRequest(
  target: PullRequestTarget,
  request: { branch: string; base: string; title: string; body: string },
): Promise<PullRequestRef & { created: boolean }> {
  if (target.provider === "github") {
    const [owner] = target.repository.split("/");
    const query = new URLSearchParams({ head: `${owner}:${request.branch}`, state: "all", per_page: "10" });
    const existing = (await callApi(target, "GET", `/repos/${target.repository}/pulls?${query}`)) as Parameters<
      typeof githubRef
    >[0][];
    if (Array.isArray(existing) && existing[0]) return { ...githubRef(existing[0]), created: false };
    const created = (await callApi(target, "POST", `/repos/${target.repository}/pulls`, {
      title: request.title,
      head: request.branch,
      base: request.base,
      body: request.body,
      maintainer_can_modify: false,
    })) as Parameters<typeof githubRef>[0];
    return { ...githubRef(created), created: true };
  }
  const project = encodeURIComponent(target.repository);
  const query = new URLSearchParams({ source_branch: request.branch, target_branch: request.base });
  const existing = (await callApi(target, "GET", `/projects/${project}/merge_requests?${query}`)) as Parameters<
    typeof gitlabRef
  >[0][];
  if (Array.isArray(existing) && existing[0]) return { ...gitlabRef(existing[0]), created: false };
  const created = (await callApi(target, "POST", `/projects/${project}/merge_requests`, {
    source_branch: request.branch,
    target_branch: request.base,
    title: request.title,
    description: request.body,
    remove_source_branch: true,
  })) as Parameters<typeof gitlabRef>[0];
  return { ...gitlabRef(created), created: true };
}

/** The pull request's state now (the polling fallback when webhooks are not set up or were missed). */
export async function getPullRequest(target: PullRequestTarget, number: number): Promise<PullRequestRef> {
  if (target.provider === "github") {
    return githubRef(
      (await callApi(target, "GET", `/repos/${target.repository}/pulls/${number}`)) as Parameters<typeof githubRef>[0],
    );
  }
  const project = encodeURIComponent(target.repository);
  return gitlabRef(
    (await callApi(target, "GET", `/projects/${project}/merge_requests/${number}`)) as Parameters<typeof gitlabRef>[0],
  );
}

/** The commit status the portal sets on a pushed commit (its attestation verdict). */
export interface CommitStatus {
  state: "success" | "failure";
  /** The check's name on the pull request, e.g. "tablewright/plan-attestation". */
  context: string;
  description: string;
  targetUrl: string;
}

/**
 * Sets a commit status on `sha`: GitHub's POST /repos/{owner}/{repo}/statuses/{sha}, GitLab's
 * POST /projects/:id/statuses/:sha (which calls a failure "failed" and the context "name"). A
 * status with the same context replaces the earlier one in both providers' PR views.
 */
export async function postCommitStatus(target: PullRequestTarget, sha: string, status: CommitStatus): Promise<void> {
  // GitHub rejects descriptions over 140 characters; GitLab shows about as much.
  const description = status.description.length > 140 ? `${status.description.slice(0, 139)}…` : status.description;
  if (target.provider === "github") {
    await callApi(target, "POST", `/repos/${target.repository}/statuses/${sha}`, {
      state: status.state,
      context: status.context,
      description,
      target_url: status.targetUrl,
    });
    return;
  }
  await callApi(target, "POST", `/projects/${encodeURIComponent(target.repository)}/statuses/${sha}`, {
    state: status.state === "success" ? "success" : "failed",
    name: status.context,
    description,
    target_url: status.targetUrl,
  });
}
