import type { PullRequestState } from "./delivery-target";

/**
 * What a provider's webhook says about a pull (merge) request, reduced to the branch and the
 * state the portal follows. Pure: the server verifies the signature first, then asks this.
 */
export interface PullRequestEvent {
  /** The source branch, e.g. tablewright/TW-12-r1. */
  branch: string;
  number: number;
  state: PullRequestState;
  url?: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** GitHub `pull_request` event: `closed` with `merged: true` is a merge. Other events: undefined. */
export function readGithubPullRequestEvent(eventName: string | null, payload: unknown): PullRequestEvent | undefined {
  if (eventName !== "pull_request" || !isObject(payload) || !isObject(payload.pull_request)) return undefined;
  const pr = payload.pull_request;
  const head = isObject(pr.head) ? pr.head : {};
  if (typeof head.ref !== "string" || typeof pr.number !== "number") return undefined;
  const state: PullRequestState =
    pr.state === "open" ? "open" : pr.merged === true || pr.merged_at ? "merged" : "closed";
  return { branch: head.ref, number: pr.number, state, url: typeof pr.html_url === "string" ? pr.html_url : undefined };
}

/** GitLab "Merge Request Hook": `object_attributes.state` opened | merged | closed | locked. */
export function readGitlabMergeRequestEvent(eventName: string | null, payload: unknown): PullRequestEvent | undefined {
  if (eventName !== "Merge Request Hook" || !isObject(payload) || !isObject(payload.object_attributes))
    return undefined;
  const mr = payload.object_attributes;
  if (typeof mr.source_branch !== "string" || typeof mr.iid !== "number") return undefined;
  return {
    branch: mr.source_branch,
    number: mr.iid,
    state: toPullRequestState(mr.state),
    url: typeof mr.url === "string" ? mr.url : undefined,
  };
}

/** GitHub's open/closed(+merged) and GitLab's opened/merged/closed/locked as one vocabulary. */
export function toPullRequestState(state: unknown, merged = false): PullRequestState {
  if (merged || state === "merged") return "merged";
  if (state === "open" || state === "opened" || state === "locked") return "open";
  return "closed";
}
