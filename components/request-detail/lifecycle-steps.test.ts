import { describe, expect, it } from "vitest";
import type { PlanAttestation } from "@/lib/api/schemas/attestations";
import type { Publication } from "@/lib/domain/delivery";
import { type LifecycleStep, lifecycleSteps, type PublishState, publishStateOf } from "./lifecycle-steps";

const attestation = (verdict: PlanAttestation["verdict"], findings = 0): PlanAttestation => ({
  id: "a1",
  revisionNumber: 2,
  verdict,
  findings: Array.from({ length: findings }, (_, i) => ({
    path: `billing.mode.${i}`,
    code: "ATTRIBUTE_MISMATCH",
    message: "differs",
  })) as PlanAttestation["findings"],
  planDigest: "0".repeat(64),
  terraformVersion: "1.11.4",
  moduleAddress: "",
  postedBy: "CI <ci@example.com> (API token)",
  viaToken: true,
  createdAt: "2026-12-04T15:00:00.000Z",
});

const publication = (over: Partial<Publication>): Publication => ({
  status: "published",
  revision: 2,
  branch: "tablewright/TW-7-r2",
  attempts: 1,
  updatedAt: "2026-12-04T15:00:00.000Z",
  ...over,
});

const PR = "https://github.com/acme/infra/pull/3";
const step = (steps: LifecycleStep[], label: string) => steps.find((s) => s.label === label);
const base = { approvedRevision: 2, status: "APPROVED", liveStatus: null, latest: undefined };

describe("publishStateOf: the Published step from the request's publication", () => {
  it.each<[string, Publication | undefined | null, PublishState | undefined]>([
    ["no publication (no delivery target)", undefined, undefined],
    ["null, as GET /change-requests/{key} says it", null, undefined],
    ["an attempt under way", publication({ status: "pending", prUrl: PR }), { state: "pending" }],
    ["a failed attempt keeps its link", publication({ status: "failed", prUrl: PR }), { state: "failed", url: PR }],
    ["a failed first attempt has no link", publication({ status: "failed" }), { state: "failed" }],
    ["a pull request open", publication({ prUrl: PR, prState: "open" }), { state: "open", url: PR }],
    ["a pull request merged", publication({ prUrl: PR, prState: "merged" }), { state: "merged", url: PR }],
    ["a pull request closed", publication({ prUrl: PR, prState: "closed" }), { state: "closed", url: PR }],
    [
      "a plain git host: the branch pushed, linked",
      publication({ prUrl: "https://git.example.com/infra#tablewright/TW-7-r2" }),
      { state: "pushed", url: "https://git.example.com/infra#tablewright/TW-7-r2" },
    ],
  ])("%s", (_, input, expected) => {
    expect(publishStateOf(input)).toEqual(expected);
  });
});

describe("lifecycleSteps: approved -> published -> plan attested -> applied and verified -> drifted", () => {
  it.each<[string, PublishState | undefined, Pick<LifecycleStep, "state" | "detail">]>([
    ["no delivery target", undefined, { state: "unknown", detail: "not tracked" }],
    ["publishing", { state: "pending" }, { state: "pending", detail: "publishing" }],
    ["branch pushed", { state: "pushed" }, { state: "done", detail: "branch pushed" }],
    ["PR open", { state: "open", url: PR }, { state: "done", detail: "pull request open" }],
    ["PR merged", { state: "merged", url: PR }, { state: "done", detail: "pull request merged" }],
    ["PR closed unmerged", { state: "closed", url: PR }, { state: "failed", detail: "pull request closed" }],
    ["publish failed", { state: "failed" }, { state: "failed", detail: "publish failed" }],
  ])("Published: %s", (_, publish, expected) => {
    expect(step(lifecycleSteps({ ...base, ...(publish ? { publish } : {}) }), "Published")).toEqual({
      label: "Published",
      ...expected,
    });
  });

  it.each<[string, PlanAttestation | undefined, LifecycleStep]>([
    ["no plan posted", undefined, { label: "Plan attested", state: "pending", detail: "no plan posted" }],
    ["attested", attestation("ATTESTED"), { label: "Plan attested", state: "done", detail: "Terraform 1.11.4" }],
    ["one finding", attestation("VIOLATIONS", 1), { label: "Plan violations", state: "failed", detail: "1 finding" }],
    ["findings", attestation("VIOLATIONS", 3), { label: "Plan violations", state: "failed", detail: "3 findings" }],
  ])("the plan step: %s", (_, latest, expected) => {
    expect(lifecycleSteps({ ...base, latest })[2]).toEqual(expected);
  });

  it.each<[string, { approvedRevision: number | null; status: string; liveStatus: string | null }, string[]]>([
    ["not approved yet", { approvedRevision: null, status: "IN_REVIEW", liveStatus: null }, ["pending", "pending"]],
    ["approved, not applied", { approvedRevision: 2, status: "APPROVED", liveStatus: null }, ["done", "pending"]],
    ["verified by the request", { approvedRevision: 2, status: "VERIFIED", liveStatus: null }, ["done", "done"]],
    [
      "verified by the live table",
      { approvedRevision: 2, status: "APPROVED", liveStatus: "VERIFIED" },
      ["done", "done"],
    ],
    ["drifted", { approvedRevision: 2, status: "DRIFTED", liveStatus: null }, ["done", "done", "failed"]],
    [
      "live table drifted",
      { approvedRevision: 2, status: "VERIFIED", liveStatus: "DRIFTED" },
      ["done", "done", "failed"],
    ],
  ])("approval and the live table: %s", (_, input, states) => {
    const steps = lifecycleSteps({ ...input, latest: undefined });
    const approved = steps[0] as LifecycleStep;
    expect([approved.state, ...steps.slice(3).map((s) => s.state)]).toEqual(states);
    expect(approved.detail).toBe(input.approvedRevision ? `revision ${input.approvedRevision}` : undefined);
    expect(steps.map((s) => s.label)).toEqual([
      "Approved",
      "Published",
      "Plan attested",
      "Applied and verified",
      ...(states.length === 3 ? ["Drifted"] : []),
    ]);
  });
});
