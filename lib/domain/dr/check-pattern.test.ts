import { describe, expect, it } from "vitest";
import { DEFAULT_TIER_POLICY } from "../policy/default-policy";
import type { TableRequestInput } from "../request/schema";
import { makeRequest } from "./__fixtures__/requests";
import { buildDrPreview } from "./build-preview";

const codesOf = (overrides: Partial<TableRequestInput>) =>
  buildDrPreview(makeRequest(overrides), DEFAULT_TIER_POLICY).issues.map((i) => `${i.severity}:${i.code}@${i.path}`);

const COPY = { enabled: true, schedule: "cron(0 3 * * ? *)", retentionDays: 35, copyRegion: "us-west-2" } as const;

describe("consistency of a chosen pattern with the request", () => {
  it.each<[string, Partial<TableRequestInput>, string[]]>([
    [
      "active-active with one Region",
      { drPattern: "ACTIVE_ACTIVE_MREC" },
      ["error:DR_PATTERN_NEEDS_REPLICAS@regions.replicas"],
    ],
    [
      "active-passive with one Region",
      { drPattern: "ACTIVE_PASSIVE" },
      ["error:DR_PATTERN_NEEDS_REPLICAS@regions.replicas"],
    ],
    [
      "active-passive whose replicas are all ACTIVE",
      { drPattern: "ACTIVE_PASSIVE", regions: { primary: "us-east-1", replicas: [{ region: "us-west-2" }] } },
      ["error:DR_ACTIVE_PASSIVE_ACTIVE_REPLICA@regions.replicas[0].role"],
    ],
    [
      "active-active whose replicas are all STANDBY",
      {
        drPattern: "ACTIVE_ACTIVE_MREC",
        regions: { primary: "us-east-1", replicas: [{ region: "us-west-2", role: "STANDBY" }] },
      },
      ["error:DR_ACTIVE_ACTIVE_NO_ACTIVE_REPLICA@regions.replicas"],
    ],
    [
      "MRSC without STRONG consistency",
      {
        drPattern: "MRSC",
        regions: { primary: "us-east-1", replicas: [{ region: "us-east-2" }, { region: "us-west-2" }] },
      },
      ["error:DR_MRSC_NEEDS_STRONG@regions.consistency"],
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
      ["error:DR_STRONG_NEEDS_MRSC@drPattern"],
    ],
    [
      "single Region declared with replicas",
      { drPattern: "SINGLE_REGION_PITR", regions: { primary: "us-east-1", replicas: [{ region: "us-west-2" }] } },
      ["error:DR_PATTERN_HAS_REPLICAS@drPattern"],
    ],
    [
      "backup copy declared without a copy Region",
      {
        drPattern: "BACKUP_CROSS_REGION_COPY",
        backup: { enabled: true, schedule: "cron(0 3 * * ? *)", retentionDays: 7 },
      },
      ["error:DR_BACKUP_COPY_MISSING@backup.copyRegion"],
    ],
    [
      "backup copy declared but backup disabled",
      { drPattern: "BACKUP_CROSS_REGION_COPY", backup: { ...COPY, enabled: false } },
      ["error:DR_BACKUP_COPY_MISSING@backup.copyRegion"],
    ],
    [
      "backup copy into the primary Region",
      { drPattern: "BACKUP_CROSS_REGION_COPY", backup: { ...COPY, copyRegion: "us-east-1" } },
      ["error:DR_BACKUP_COPY_MISSING@backup.copyRegion", "error:DR_BACKUP_COPY_SAME_REGION@backup.copyRegion"],
    ],
    [
      "single Region declared while backups are copied",
      { drPattern: "SINGLE_REGION_PITR", backup: COPY },
      ["error:DR_SINGLE_REGION_HAS_BACKUP_COPY@drPattern"],
    ],
    ["a consistent choice", { drPattern: "BACKUP_CROSS_REGION_COPY", backup: COPY }, []],
  ])("%s", (_name, overrides, expected) => {
    expect(codesOf(overrides)).toEqual(expected);
  });
});

describe("MRSC layout (checked whether chosen or derived)", () => {
  it.each<[string, TableRequestInput["regions"], string[]]>([
    [
      "two Regions and no witness",
      { primary: "us-east-1", replicas: [{ region: "us-east-2" }], consistency: "STRONG" },
      ["error:DR_MRSC_REGION_COUNT@regions"],
    ],
    [
      "three replicas plus a witness",
      {
        primary: "us-east-1",
        replicas: [{ region: "us-east-2" }, { region: "us-west-2" }],
        consistency: "STRONG",
        witness: "eu-west-1",
      },
      ["error:DR_MRSC_REGION_COUNT@regions"],
    ],
    [
      "Regions from two Region sets",
      { primary: "us-east-1", replicas: [{ region: "us-east-2" }], consistency: "STRONG", witness: "eu-west-1" },
      ["error:DR_MRSC_REGION_SET@regions"],
    ],
    [
      "a witness in a replica Region",
      { primary: "us-east-1", replicas: [{ region: "us-east-2" }], consistency: "STRONG", witness: "us-east-2" },
      ["error:DR_WITNESS_SAME_REGION@regions.witness"],
    ],
    [
      "a witness without STRONG consistency",
      { primary: "us-east-1", replicas: [{ region: "us-east-2" }], witness: "us-west-2" },
      ["error:DR_WITNESS_WITHOUT_MRSC@regions.witness"],
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
  it("warns when no Region has PITR, and says why it matters more for a global table", () => {
    const single = buildDrPreview(
      makeRequest({ pointInTimeRecovery: { enabled: false, recoveryPeriodInDays: 35 } }),
      DEFAULT_TIER_POLICY,
    );
    expect(single.issues.map((i) => i.code)).toEqual(["DR_PITR_DISABLED"]);
    const global = buildDrPreview(
      makeRequest({
        pointInTimeRecovery: { enabled: false, recoveryPeriodInDays: 35 },
        regions: { primary: "us-east-1", replicas: [{ region: "us-west-2" }] },
      }),
      DEFAULT_TIER_POLICY,
    );
    expect(global.issues[0]?.message).toMatch(/replication copies a bad write or delete to all Regions/);
  });

  it("does not warn about PITR when one replica has it (AWS: PITR in one Region is enough)", () => {
    expect(
      codesOf({
        pointInTimeRecovery: { enabled: false, recoveryPeriodInDays: 35 },
        regions: { primary: "us-east-1", replicas: [{ region: "us-west-2", pointInTimeRecovery: true }] },
      }),
    ).toEqual([]);
  });

  it("flags a replica listed twice and shows it once", () => {
    const p = buildDrPreview(
      makeRequest({ regions: { primary: "us-east-1", replicas: [{ region: "us-west-2" }, { region: "us-west-2" }] } }),
      DEFAULT_TIER_POLICY,
    );
    expect(p.issues.map((i) => `${i.code}@${i.path}`)).toEqual(["DR_DUPLICATE_REGION@regions.replicas[1].region"]);
    expect(p.regions.map((r) => r.region)).toEqual(["us-east-1", "us-west-2"]);
  });

  it("warns when a global table copies its backups into its own primary Region", () => {
    expect(
      codesOf({
        regions: { primary: "us-east-1", replicas: [{ region: "us-west-2" }] },
        backup: { ...COPY, copyRegion: "us-east-1" },
      }),
    ).toEqual(["warning:DR_BACKUP_COPY_SAME_REGION@backup.copyRegion"]);
  });
});

describe("tier policy", () => {
  it("prod: a single-Region table neither has an allowed pattern nor survives a Region loss", () => {
    expect(codesOf({ tier: "prod" })).toEqual([
      "error:DR_PATTERN_NOT_ALLOWED@drPattern",
      "error:DR_REGION_LOSS_NOT_SURVIVED@regions",
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
        code: "DR_PATTERN_NOT_ALLOWED",
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
    const p = buildDrPreview(makeRequest(), strict);
    expect(p.issues.map((i) => i.code)).toEqual(["DR_PATTERN_NOT_ALLOWED", "DR_REGION_LOSS_NOT_SURVIVED"]);
  });
});
