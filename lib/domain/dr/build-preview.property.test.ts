import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_TIER_POLICY } from "../policy/default-policy";
import { AWS_REGIONS } from "../regions";
import { DR_PATTERNS, type DrPattern, type TableRequestInput, TableRequestSchema } from "../request/schema";
import { validateTableRequest } from "../validation/validate-table-request";
import { buildDrPreview } from "./build-preview";
import { explainPatternMismatch, previewOnlyIssues } from "./check-pattern";
import { deriveDrPattern } from "./derive-pattern";
import { DR_REGION_ROLES } from "./types";

// Biased towards the MRSC Region sets so strong-consistency layouts that AWS accepts show up often.
const region = fc.oneof(
  fc.constantFrom("us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-west-2", "eu-central-1"),
  fc.constantFrom(...AWS_REGIONS),
);

const requestInput: fc.Arbitrary<TableRequestInput> = fc.record({
  owner: fc.constant({ team: "t", service: "s", requester: "r@example.com", costCenter: "c" }),
  tier: fc.constantFrom("dev", "staging", "prod"),
  tableName: fc.constant("orders"),
  partitionKey: fc.constant({ name: "pk", type: "S" as const }),
  billing: fc.constant({ mode: "PAY_PER_REQUEST" as const }),
  tableClass: fc.constantFrom("STANDARD", "STANDARD_INFREQUENT_ACCESS"),
  pointInTimeRecovery: fc.record({ enabled: fc.boolean(), recoveryPeriodInDays: fc.integer({ min: 1, max: 35 }) }),
  regions: fc.record(
    {
      primary: region,
      replicas: fc.array(
        fc.record(
          {
            region,
            role: fc.constantFrom("ACTIVE", "STANDBY"),
            pointInTimeRecovery: fc.boolean(),
            tableClass: fc.constantFrom("STANDARD", "STANDARD_INFREQUENT_ACCESS"),
          },
          { requiredKeys: ["region"] },
        ),
        { maxLength: 4 },
      ),
      consistency: fc.constantFrom("EVENTUAL", "STRONG"),
      witness: region,
    },
    { requiredKeys: ["primary"] },
  ),
  drPattern: fc.option(fc.constantFrom(...DR_PATTERNS), { nil: undefined }),
  backup: fc.option(
    fc.record(
      {
        enabled: fc.boolean(),
        schedule: fc.constantFrom("cron(0 3 * * ? *)", "cron(0 */4 * * ? *)", "rate(1 hour)", "cron(bad)"),
        retentionDays: fc.integer({ min: 1, max: 400 }),
        copyRegion: region,
        copyRetentionDays: fc.integer({ min: 1, max: 400 }),
      },
      { requiredKeys: ["enabled"] },
    ),
    { nil: undefined },
  ),
});

describe("buildDrPreview (property)", () => {
  it("never throws, and always explains: one card per Region, one primary, cited objectives, edges between known Regions", () => {
    fc.assert(
      fc.property(requestInput, fc.dictionary(region, fc.double({ min: 0, max: 1e6, noNaN: true })), (input, costs) => {
        const request = TableRequestSchema.parse(input);
        const preview = buildDrPreview(request, DEFAULT_TIER_POLICY, { costByRegion: costs });
        const names = preview.regions.map((r) => r.region);
        expect(new Set(names).size).toBe(names.length);
        expect(preview.regions.filter((r) => r.role === "PRIMARY")).toHaveLength(1);
        expect(preview.regions[0]?.region).toBe(request.regions.primary);
        for (const r of preview.regions) {
          expect(DR_REGION_ROLES).toContain(r.role);
          expect(r.rpo.value && r.rpo.basis && r.rto.value && r.rto.basis).toBeTruthy();
          expect(r.failover.runbook.length).toBeGreaterThan(0);
          if (r.costShare !== undefined) expect(r.costShare).toBeGreaterThanOrEqual(0);
          if (r.takesWrites) expect(["PRIMARY", "ACTIVE_REPLICA"]).toContain(r.role);
        }
        for (const e of preview.edges) {
          expect(names).toContain(e.from);
          expect(names).toContain(e.to);
          expect(e.from).not.toBe(e.to);
        }
        for (const issue of preview.issues) expect(issue.message.length).toBeGreaterThan(0);
        const mismatch = preview.issues.some((i) => i.code === "DR_PATTERN_MISMATCH");
        // The preview always describes the pattern the request realises; a chosen pattern it does
        // not realise is named in chosenPattern and reported, exactly then.
        expect(preview.pattern).toBe(deriveDrPattern(request));
        if (preview.derived) {
          expect(mismatch).toBe(false);
          expect(preview.chosenPattern).toBeUndefined();
        } else {
          const chosen = request.drPattern as DrPattern;
          expect(mismatch).toBe(chosen !== deriveDrPattern(request));
          expect(preview.chosenPattern).toBe(mismatch ? chosen : undefined);
          expect(explainPatternMismatch(request, chosen).length > 0).toBe(mismatch);
        }
        // One owner per finding: whatever the preview reports under a validation code, validation
        // reports too, so next to validation's list only the preview's own findings remain.
        const validation = validateTableRequest(request, DEFAULT_TIER_POLICY).issues;
        expect(previewOnlyIssues(preview, validation).map((i) => i.code)).toEqual(
          preview.issues.filter((i) => i.code === "DR_PITR_DISABLED").map((i) => i.code),
        );
        expect(validation.map((i) => i.code)).not.toContain("DR_PITR_DISABLED");
      }),
      { numRuns: 400 },
    );
  });
});
