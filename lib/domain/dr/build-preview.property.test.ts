import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_TIER_POLICY } from "../policy/default-policy";
import { AWS_REGIONS } from "../regions";
import { DR_PATTERNS, type TableRequestInput, TableRequestSchema } from "../request/schema";
import { buildDrPreview } from "./build-preview";
import { deriveDrPattern } from "./derive-pattern";
import { DR_REGION_ROLES } from "./types";

const MISMATCH_CODES = new Set([
  "DR_PATTERN_NEEDS_REPLICAS",
  "DR_PATTERN_HAS_REPLICAS",
  "DR_ACTIVE_PASSIVE_ACTIVE_REPLICA",
  "DR_ACTIVE_ACTIVE_NO_ACTIVE_REPLICA",
  "DR_MRSC_NEEDS_STRONG",
  "DR_STRONG_NEEDS_MRSC",
  "DR_BACKUP_COPY_MISSING",
  "DR_SINGLE_REGION_HAS_BACKUP_COPY",
  "DR_PATTERN_MISMATCH",
]);

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
        if (preview.derived) {
          expect(preview.issues.map((i) => i.code)).not.toContain("DR_PATTERN_MISMATCH");
        } else {
          expect(preview.pattern).toBe(request.drPattern);
          // A chosen pattern is accepted exactly when it is the one the request realises.
          const mismatch = preview.issues.some((i) => MISMATCH_CODES.has(i.code));
          expect(mismatch).toBe(preview.pattern !== deriveDrPattern(request));
        }
      }),
      { numRuns: 400 },
    );
  });
});
