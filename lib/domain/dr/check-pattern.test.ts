import { describe, expect, it } from "vitest";
import { DEFAULT_TIER_POLICY } from "../policy/default-policy";
import type { TierPolicy } from "../policy/schema";
import type { DrPattern, TableRequestInput } from "../request/schema";
import { validateTableRequest } from "../validation/validate-table-request";
import { makeRequest } from "./__fixtures__/requests";
import { buildDrPreview } from "./build-preview";
import { explainPatternMismatch, previewOnlyIssues } from "./check-pattern";

/**
 * The preview's issues as `severity:code@path`. Each finding validation also makes must come
 * with the same code and severity from validation (its owner), so a form that shows validation's
 * issues plus `previewOnlyIssues` never shows it twice.
 */
const codesOf = (overrides: Partial<TableRequestInput>, policy: TierPolicy = DEFAULT_TIER_POLICY) => {
  const request = makeRequest(overrides);
  const preview = buildDrPreview(request, policy);
  const validation = validateTableRequest(request, policy).issues;
  for (const issue of preview.issues) {
    if (issue.code === "DR_PITR_DISABLED") continue;
    expect(
      validation.map((i) => `${i.severity}:${i.code}`),
      issue.code,
    ).toContain(`${issue.severity}:${issue.code}`);
  }
  expect(previewOnlyIssues(preview, validation).map((i) => i.code)).toEqual(
    preview.issues.filter((i) => i.code === "DR_PITR_DISABLED").map((i) => i.code),
  );
  return preview.issues.map((i) => `${i.severity}:${i.code}@${i.path}`);
};

/** The reasons a chosen pattern does not fit, as `kind@path`. */
const reasonsOf = (overrides: Partial<TableRequestInput>) => {
  const request = makeRequest(overrides);
  return explainPatternMismatch(request, request.drPattern as DrPattern).map((r) => `${r.kind}@${r.path}`);
};

const COPY = { enabled: true, schedule: "cron(0 3 * * ? *)", retentionDays: 35, copyRegion: "us-west-2" } as const;

describe("consistency of a chosen pattern with the request", () => {
  it.each<[string, Partial<TableRequestInput>, string[]]>([
    ["active-active with one Region", { drPattern: "ACTIVE_ACTIVE_MREC" }, ["NEEDS_REPLICAS@regions.replicas"]],
    ["active-passive with one Region", { drPattern: "ACTIVE_PASSIVE" }, ["NEEDS_REPLICAS@regions.replicas"]],
    [
      "active-passive whose replicas are all ACTIVE",
      { drPattern: "ACTIVE_PASSIVE", regions: { primary: "us-east-1", replicas: [{ region: "us-west-2" }] } },
      ["ACTIVE_PASSIVE_ACTIVE_REPLICA@regions.replicas[0].role"],
    ],
    [
      "active-active whose replicas are all STANDBY",
      {
        drPattern: "ACTIVE_ACTIVE_MREC",
        regions: { primary: "us-east-1", replicas: [{ region: "us-west-2", role: "STANDBY" }] },
      },
      ["ACTIVE_ACTIVE_NO_ACTIVE_REPLICA@regions.replicas"],
    ],
    [
      "MRSC without STRONG consistency",
      {
        drPattern: "MRSC",
        regions: { primary: "us-east-1", replicas: [{ region: "us-east-2" }, { region: "us-west-2" }] },
      },
      ["MRSC_NEEDS_STRONG@regions.consistency"],
    ],
    [
      "STRONG consistency declared as active-active",
      {
        drPattern: "ACTIVE_ACTIVE_MREC",
        regions: {
          primary: "us-east-1",
          replicas: [{ region: "us-east-2" }, { region: "us-west-2" }],
          consistency: "STRONG",
        },
      },
      ["STRONG_NEEDS_MRSC@drPattern"],
    ],
    [
      "single Region declared with replicas",
      { drPattern: "SINGLE_REGION_PITR", regions: { primary: "us-east-1", replicas: [{ region: "us-west-2" }] } },
      ["HAS_REPLICAS@drPattern"],
    ],
    [
      "backup copy declared without a copy Region",
      {
        drPattern: "BACKUP_CROSS_REGION_COPY",
        backup: { enabled: true, schedule: "cron(0 3 * * ? *)", retentionDays: 7 },
      },
      ["BACKUP_COPY_MISSING@backup.copyRegion"],
    ],
    [
      "backup copy declared but backup disabled",
      { drPattern: "BACKUP_CROSS_REGION_COPY", backup: { ...COPY, enabled: false } },
      ["BACKUP_COPY_MISSING@backup.copyRegion"],
    ],
    [
      "backup copy into the primary Region",
      { drPattern: "BACKUP_CROSS_REGION_COPY", backup: { ...COPY, copyRegion: "us-east-1" } },
      ["BACKUP_COPY_MISSING@backup.copyRegion"],
    ],
    [
      "single Region declared while backups are copied",
      { drPattern: "SINGLE_REGION_PITR", backup: COPY },
      ["SINGLE_REGION_HAS_BACKUP_COPY@drPattern"],
    ],
    ["a consistent choice", { drPattern: "BACKUP_CROSS_REGION_COPY", backup: COPY }, []],
  ])("%s", (_name, overrides, expected) => {
    expect(reasonsOf(overrides)).toEqual(expected);
    // One finding, owned by validation: DR_PATTERN_MISMATCH, whose message says what to change.
    const request = makeRequest(overrides);
    const mismatch = validateTableRequest(request, DEFAULT_TIER_POLICY).issues.filter(
      (i) => i.code === "DR_PATTERN_MISMATCH",
    );
    const preview = buildDrPreview(request, DEFAULT_TIER_POLICY);
    if (expected.length === 0) {
      expect(mismatch).toEqual([]);
      expect(codesOf(overrides)).toEqual([]);
      return;
    }
    expect(mismatch).toHaveLength(1);
    for (const reason of explainPatternMismatch(request, preview.pattern)) {
      expect(mismatch[0]?.message).toContain(reason.message);
    }
    // The preview shows the same issue, word for word, so previewOnlyIssues drops it.
    expect(preview.issues.filter((i) => i.code === "DR_PATTERN_MISMATCH")).toEqual(mismatch);
    expect(codesOf(overrides)).toContain("error:DR_PATTERN_MISMATCH@drPattern");
  });

  it("a copy into the primary Region is also refused as such", () => {
    expect(codesOf({ drPattern: "BACKUP_CROSS_REGION_COPY", backup: { ...COPY, copyRegion: "us-east-1" } })).toEqual([
      "error:DR_PATTERN_MISMATCH@drPattern",
      "error:BACKUP_COPY_SAME_REGION@backup.copyRegion",
    ]);
  });
});

describe("MRSC layout (validation's codes)", () => {
  it.each<[string, TableRequestInput["regions"], string[]]>([
    [
      "two Regions and no witness",
      { primary: "us-east-1", replicas: [{ region: "us-east-2" }], consistency: "STRONG" },
      ["error:MRSC_REGION_COUNT@regions"],
    ],
    [
      "three replicas plus a witness",
      {
        primary: "us-east-1",
        replicas: [{ region: "us-east-2" }, { region: "us-west-2" }],
        consistency: "STRONG",
        witness: "eu-west-1",
      },
      ["error:MRSC_REGION_COUNT@regions"],
    ],
    [
      "Regions from two Region sets",
      { primary: "us-east-1", replicas: [{ region: "us-east-2" }], consistency: "STRONG", witness: "eu-west-1" },
      ["error:MRSC_REGION_SET@regions"],
    ],
    [
      "a witness in a replica Region",
      { primary: "us-east-1", replicas: [{ region: "us-east-2" }], consistency: "STRONG", witness: "us-east-2" },
      ["error:WITNESS_IN_REPLICA_REGION@regions.witness"],
    ],
    [
      "a witness without STRONG consistency",
      { primary: "us-east-1", replicas: [{ region: "us-east-2" }], witness: "us-west-2" },
      ["error:WITNESS_REQUIRES_STRONG_CONSISTENCY@regions.witness"],
    ],
  ])("%s", (_name, regions, expected) => {
    expect(codesOf({ regions })).toEqual(expected);
  });

  it("never draws a witness that shares a Region with a replica", () => {
    const p = buildDrPreview(
      makeRequest({
        regions: {
          primary: "us-east-1",
          replicas: [{ region: "us-east-2" }],
          consistency: "STRONG",
          witness: "us-east-2",
        },
      }),
      DEFAULT_TIER_POLICY,
    );
    expect(p.regions.filter((r) => r.region === "us-east-2").map((r) => r.role)).toEqual(["ACTIVE_REPLICA"]);
  });
});

describe("other request-level findings", () => {
  const pitrOff = { enabled: false, recoveryPeriodInDays: 35 } as const;

  it("warns when no Region has PITR where validation does not (dev), and says why it matters more for a global table", () => {
    expect(codesOf({ tier: "dev", pointInTimeRecovery: pitrOff })).toEqual([
      "warning:DR_PITR_DISABLED@pointInTimeRecovery.enabled",
    ]);
    const lax = structuredClone(DEFAULT_TIER_POLICY);
    lax.tiers.dev.maxRegions = 2;
    lax.tiers.dev.allowedDrPatterns.push("ACTIVE_ACTIVE_MREC");
    const global = buildDrPreview(
      makeRequest({
        tier: "dev",
        pointInTimeRecovery: pitrOff,
        regions: { primary: "us-east-1", replicas: [{ region: "us-west-2" }] },
      }),
      lax,
    );
    expect(global.issues.map((i) => i.code)).toEqual(["DR_PITR_DISABLED"]);
    expect(global.issues[0]?.message).toMatch(/replication copies a bad write or delete to all Regions/);
  });

  it("leaves PITR off outside dev to validation (PITR_DISABLED or POLICY_PITR_REQUIRED)", () => {
    expect(codesOf({ pointInTimeRecovery: pitrOff })).toEqual([]);
    const codes = validateTableRequest(makeRequest({ pointInTimeRecovery: pitrOff }), DEFAULT_TIER_POLICY).issues.map(
      (i) => i.code,
    );
    expect(codes.filter((c) => c === "PITR_DISABLED" || c === "POLICY_PITR_REQUIRED")).toHaveLength(1);
  });

  it("does not warn about PITR when one replica has it (AWS: PITR in one Region is enough)", () => {
    expect(
      codesOf({
        tier: "dev",
        pointInTimeRecovery: pitrOff,
        regions: { primary: "us-east-1", replicas: [{ region: "us-west-2", pointInTimeRecovery: true }] },
      }).filter((c) => c.includes("PITR")),
    ).toEqual([]);
  });

  it("flags a replica listed twice and shows it once", () => {
    const overrides: Partial<TableRequestInput> = {
      regions: { primary: "us-east-1", replicas: [{ region: "us-west-2" }, { region: "us-west-2" }] },
    };
    expect(codesOf(overrides)).toEqual(["error:REPLICA_DUPLICATE_REGION@regions.replicas[1].region"]);
    expect(buildDrPreview(makeRequest(overrides), DEFAULT_TIER_POLICY).regions.map((r) => r.region)).toEqual([
      "us-east-1",
      "us-west-2",
    ]);
  });

  it("flags a replica in the primary Region", () => {
    expect(codesOf({ regions: { primary: "us-east-1", replicas: [{ region: "us-east-1" }] } })).toEqual([
      "error:REPLICA_IN_PRIMARY_REGION@regions.replicas[0].region",
    ]);
  });

  it("refuses a global table that copies its backups into its own primary Region, as validation does", () => {
    expect(
      codesOf({
        regions: { primary: "us-east-1", replicas: [{ region: "us-west-2" }] },
        backup: { ...COPY, copyRegion: "us-east-1" },
      }),
    ).toEqual(["error:BACKUP_COPY_SAME_REGION@backup.copyRegion"]);
  });
});

describe("tier policy (validation's codes, on the pattern the request realises)", () => {
  it("prod: a single-Region table neither has an allowed pattern nor survives a Region loss", () => {
    expect(codesOf({ tier: "prod" })).toEqual([
      "error:POLICY_DR_PATTERN_NOT_ALLOWED@drPattern",
      "error:POLICY_REGION_LOSS_NOT_SURVIVED@regions",
    ]);
  });

  it("prod: a cross-Region backup copy satisfies mustSurviveRegionLoss", () => {
    expect(codesOf({ tier: "prod", backup: COPY })).toEqual([]);
  });

  it("prod: a replica satisfies mustSurviveRegionLoss", () => {
    expect(codesOf({ tier: "prod", regions: { primary: "us-east-1", replicas: [{ region: "us-west-2" }] } })).toEqual(
      [],
    );
  });

  it("dev: a global table is not an allowed pattern", () => {
    const issues = buildDrPreview(
      makeRequest({ tier: "dev", regions: { primary: "us-east-1", replicas: [{ region: "us-west-2" }] } }),
      DEFAULT_TIER_POLICY,
    ).issues;
    expect(issues).toEqual([
      {
        code: "POLICY_DR_PATTERN_NOT_ALLOWED",
        severity: "error",
        path: "drPattern",
        source: "policy",
        message:
          "The dev tier allows SINGLE_REGION_PITR, BACKUP_CROSS_REGION_COPY; this request is ACTIVE_ACTIVE_MREC.",
      },
    ]);
  });

  it("follows the policy it is given, not the default one", () => {
    const strict = structuredClone(DEFAULT_TIER_POLICY);
    strict.tiers.staging.allowedDrPatterns = ["MRSC"];
    strict.tiers.staging.mustSurviveRegionLoss = true;
    expect(codesOf({}, strict)).toEqual([
      "error:POLICY_DR_PATTERN_NOT_ALLOWED@drPattern",
      "error:POLICY_REGION_LOSS_NOT_SURVIVED@regions",
    ]);
  });
});

describe("previewOnlyIssues", () => {
  it("drops what validation reported and keeps the preview's own findings", () => {
    const preview = buildDrPreview(
      makeRequest({
        tier: "dev",
        pointInTimeRecovery: { enabled: false, recoveryPeriodInDays: 35 },
        drPattern: "ACTIVE_PASSIVE",
      }),
      DEFAULT_TIER_POLICY,
    );
    expect(preview.issues.map((i) => i.code)).toEqual(["DR_PATTERN_MISMATCH", "DR_PITR_DISABLED"]);
    expect(
      previewOnlyIssues(preview, [
        { code: "DR_PATTERN_MISMATCH", path: "drPattern", severity: "error", message: "m", source: "schema" },
      ]).map((i) => i.code),
    ).toEqual(["DR_PITR_DISABLED"]);
    expect(previewOnlyIssues(preview, []).map((i) => i.code)).toEqual(["DR_PATTERN_MISMATCH", "DR_PITR_DISABLED"]);
  });
});
