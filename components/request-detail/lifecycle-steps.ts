import type { PlanAttestation } from "@/lib/api/schemas/attestations";
import type { Publication } from "@/lib/domain/delivery";

/** One step of the path from approval to a verified table, and whether it happened. */
export interface LifecycleStep {
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

/** The lifecycle's "Published" step from the request's publication (none without a delivery target). */
export function publishStateOf(publication: Publication | undefined | null): PublishState | undefined {
  if (!publication) return undefined;
  const url = publication.prUrl ? { url: publication.prUrl } : {};
  if (publication.status === "failed") return { state: "failed", ...url };
  if (publication.status === "pending") return { state: "pending" };
  return { state: publication.prState ?? "pushed", ...url };
}
