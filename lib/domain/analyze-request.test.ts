import { describe, expect, it } from "vitest";
import { analyzeTableRequest } from "./analyze-request";
import { DEFAULT_TIER_POLICY } from "./policy/default-policy";
import type { TableRequestInput } from "./request/schema";
import { validateTableRequest } from "./validation";

const base: TableRequestInput = {
  owner: { team: "orders", service: "checkout", requester: "a@example.com", costCenter: "CC-1" },
  tier: "prod",
  tableName: "orders",
  partitionKey: { name: "pk", type: "S" },
  billing: { mode: "PAY_PER_REQUEST" },
  regions: { primary: "us-east-1" },
  tags: { Team: "orders", CostCenter: "CC-1", Environment: "prod" },
};

const key = (i: { code: string; path: string }) => `${i.code}@${i.path}`;

describe("analyzeTableRequest allIssues", () => {
  it("shows a finding that validation and the DR preview both make once, under validation's code", () => {
    const analysis = analyzeTableRequest(base, { policy: DEFAULT_TIER_POLICY });
    const previewCodes = analysis.drPreview?.issues.map((i) => i.code) ?? [];
    expect(previewCodes).toEqual(["POLICY_DR_PATTERN_NOT_ALLOWED", "POLICY_REGION_LOSS_NOT_SURVIVED"]);
    expect(analysis.allIssues).toEqual(analysis.issues);
    const codes = analysis.allIssues.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("adds the preview's own findings after validation's", () => {
    const analysis = analyzeTableRequest(
      { ...base, tier: "dev", tags: { ...base.tags, Environment: "dev" }, pointInTimeRecovery: { enabled: false } },
      { policy: DEFAULT_TIER_POLICY },
    );
    expect(analysis.allIssues.map(key)).toEqual([
      ...analysis.issues.map(key),
      "DR_PITR_DISABLED@pointInTimeRecovery.enabled",
    ]);
  });

  it("is validation's issues when the request does not parse", () => {
    const analysis = analyzeTableRequest({ tableName: 1 }, { policy: DEFAULT_TIER_POLICY });
    expect(analysis.allIssues).toEqual(analysis.issues);
    expect(analysis.drPreview).toBeUndefined();
  });
});

describe("analyzeTableRequest on hostile backup schedules", () => {
  // A zero step used to spin the DR preview until V8 aborted the server (and froze the browser tab).
  it.each(["cron(0/0 * * * ? *)", "cron(0 */0 * * ? *)", "cron(0 0/0 * * ? 1970-2199)", "cron(* * * * ? 1970-2199)"])(
    "%s: answers at once with a field issue on backup.schedule",
    (schedule) => {
      const started = performance.now();
      const analysis = analyzeTableRequest(
        { ...base, backup: { enabled: true, schedule, retentionDays: 35, copyRegion: "us-west-2" } },
        { policy: DEFAULT_TIER_POLICY },
      );
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(analysis.valid).toBe(false);
      expect(analysis.issues.find((i) => i.path === "backup.schedule")?.code).toMatch(/^BACKUP_SCHEDULE_/);
      expect(analysis.drPreview).toBeDefined();
      expect(analysis.estimate).toBeDefined();
    },
  );
});

describe("analyzeTableRequest with the caller's validation", () => {
  it("reuses the validation it is given instead of validating again", () => {
    const validation = validateTableRequest(base, DEFAULT_TIER_POLICY);
    const reused = analyzeTableRequest(base, { policy: DEFAULT_TIER_POLICY, validation });
    expect(reused.issues).toBe(validation.issues);
    expect(reused.request).toBe(validation.request);
    const fresh = analyzeTableRequest(base, { policy: DEFAULT_TIER_POLICY });
    expect(reused).toEqual(fresh);
  });
});
