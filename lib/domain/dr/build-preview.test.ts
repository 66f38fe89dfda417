import { describe, expect, it } from "vitest";
import { estimateCost } from "../cost";
import { DEFAULT_TIER_POLICY } from "../policy/default-policy";
import { makeRequest, PATTERN_FIXTURES } from "./__fixtures__/requests";
import { buildDrPreview } from "./build-preview";
import type { DrPreview, DrRegion } from "./types";

const preview = (request = makeRequest()) => buildDrPreview(request, DEFAULT_TIER_POLICY);
const byRegion = (p: DrPreview, region: string): DrRegion => {
  const found = p.regions.find((r) => r.region === region);
  if (!found) throw new Error(`no ${region} in ${p.regions.map((r) => r.region).join(", ")}`);
  return found;
};
const summary = (p: DrPreview) =>
  p.regions.map((r) => ({ region: r.region, role: r.role, reads: r.takesReads, writes: r.takesWrites }));
const edgeSummary = (p: DrPreview) => p.edges.map((e) => `${e.from} ${e.kind} ${e.to}`);

describe("buildDrPreview: per-pattern facts", () => {
  it("single Region + PITR: one primary; Region loss is not covered; bad writes have a 5-minute RPO via PITR", () => {
    const p = preview(PATTERN_FIXTURES.SINGLE_REGION_PITR());
    expect(p.pattern).toBe("SINGLE_REGION_PITR");
    expect(p.derived).toBe(true);
    expect(summary(p)).toEqual([{ region: "us-east-1", role: "PRIMARY", reads: true, writes: true }]);
    expect(p.edges).toEqual([]);
    expect(p.survivesRegionLoss).toBe(false);
    const primary = byRegion(p, "us-east-1");
    expect(primary.regionName).toBe("US East (N. Virginia)");
    expect(primary.rpo.value).toMatch(/not covered/);
    expect(primary.rpo.value).toMatch(/about 5 minutes/);
    expect(primary.rpo.basis).toMatch(/PointInTimeRecovery_Howitworks: LatestRestorableDateTime typically 5 minutes/);
    expect(primary.rto.basis).toMatch(/95 percent of restores/);
    expect(primary.failover.what).toMatch(/Nothing fails over/);
    expect(primary.failover.runbook.join(" ")).toMatch(/restore-table-to-point-in-time --source-table-name orders/);
    expect(primary.warnings.join(" ")).toMatch(
      /NEW table: auto scaling, alarms, IAM policies, tags, streams, TTL and PITR/,
    );
    expect(primary.pointInTimeRecovery).toBe(true);
  });

  it("backup + cross-Region copy: the copy Region holds vault copies, takes no traffic, and the primary's RPO is the backup interval", () => {
    const p = preview(PATTERN_FIXTURES.BACKUP_CROSS_REGION_COPY());
    expect(p.pattern).toBe("BACKUP_CROSS_REGION_COPY");
    expect(summary(p)).toEqual([
      { region: "us-east-1", role: "PRIMARY", reads: true, writes: true },
      { region: "us-west-2", role: "BACKUP_COPY_TARGET", reads: false, writes: false },
    ]);
    expect(p.edges).toEqual([{ from: "us-east-1", to: "us-west-2", kind: "backup-copy", bidirectional: false }]);
    expect(p.rpo.value).toBe("Up to 24 hours (daily) plus the copy time");
    const primary = byRegion(p, "us-east-1");
    expect(primary.rpo.value).toMatch(/24 hours \(daily\).*us-west-2/);
    expect(primary.rpo.basis).toMatch(/60 minutes/);
    expect(primary.failover.what).toMatch(/re-created in us-west-2/);
    expect(primary.failover.who).toMatch(/platform team runs the restore/);
    const copy = byRegion(p, "us-west-2");
    expect(copy.holds).toMatch(/Copies of the AWS Backup recovery points \(kept 35 days\)/);
    expect(copy.rpo.value).toMatch(/^Zero for the live table/);
    expect(copy.pointInTimeRecovery).toBe(false);
    expect(copy.warnings.join(" ")).toMatch(/advanced features/);
  });

  it("active-passive: the standby holds a full replica but takes no traffic; primary failover shifts traffic in minutes", () => {
    const p = preview(PATTERN_FIXTURES.ACTIVE_PASSIVE());
    expect(p.pattern).toBe("ACTIVE_PASSIVE");
    expect(summary(p)).toEqual([
      { region: "us-east-1", role: "PRIMARY", reads: true, writes: true },
      { region: "us-west-2", role: "STANDBY", reads: false, writes: false },
    ]);
    expect(edgeSummary(p)).toEqual(["us-east-1 replication us-west-2"]);
    expect(p.edges[0]?.bidirectional).toBe(true);
    const primary = byRegion(p, "us-east-1");
    expect(primary.rpo.value).toMatch(/^Seconds/);
    expect(primary.rpo.basis).toMatch(/no SLA on ReplicationLatency/);
    expect(primary.rto.value).toMatch(/Minutes: shift traffic to the standby in us-west-2/);
    expect(primary.failover.how).toMatch(/No DynamoDB call is needed/);
    expect(primary.warnings.join(" ")).toMatch(/Last writer wins/);
    const standby = byRegion(p, "us-west-2");
    expect(standby.holds).toMatch(/full replica.*Standard-IA/);
    expect(standby.rto.value).toMatch(/^Zero/);
    expect(standby.warnings.join(" ")).toMatch(/STANDBY is a routing convention/);
    expect(standby.warnings.join(" ")).toMatch(/aws_dynamodb_table_replica/);
  });

  it("active-active MREC: every Region reads and writes, replication is a full mesh, RTO is near zero", () => {
    const p = preview(PATTERN_FIXTURES.ACTIVE_ACTIVE_MREC());
    expect(p.pattern).toBe("ACTIVE_ACTIVE_MREC");
    expect(summary(p)).toEqual([
      { region: "us-east-1", role: "PRIMARY", reads: true, writes: true },
      { region: "eu-west-1", role: "ACTIVE_REPLICA", reads: true, writes: true },
      { region: "ap-southeast-2", role: "ACTIVE_REPLICA", reads: true, writes: true },
    ]);
    expect(edgeSummary(p)).toEqual([
      "us-east-1 replication eu-west-1",
      "us-east-1 replication ap-southeast-2",
      "eu-west-1 replication ap-southeast-2",
    ]);
    for (const region of p.regions) {
      expect(region.rto.value).toMatch(/^Near zero/);
      expect(region.warnings.join(" ")).toMatch(/Last writer wins/);
      expect(region.warnings.join(" ")).toMatch(/no SLA on ReplicationLatency/);
    }
    expect(byRegion(p, "eu-west-1").rto.value).toMatch(/us-east-1 or ap-southeast-2/);
    expect(byRegion(p, "us-east-1").warnings.join(" ")).toMatch(/Terraform cannot change the table/);
    expect(byRegion(p, "eu-west-1").warnings.join(" ")).not.toMatch(/Terraform cannot change the table/);
  });

  it("MRSC with a witness: two strongly consistent replicas, a witness without data access, zero RPO", () => {
    const p = preview(PATTERN_FIXTURES.MRSC_WITNESS());
    expect(p.pattern).toBe("MRSC");
    expect(summary(p)).toEqual([
      { region: "us-east-1", role: "PRIMARY", reads: true, writes: true },
      { region: "us-east-2", role: "ACTIVE_REPLICA", reads: true, writes: true },
      { region: "us-west-2", role: "WITNESS", reads: false, writes: false },
    ]);
    expect(edgeSummary(p)).toEqual([
      "us-east-1 replication us-east-2",
      "us-east-1 witness us-west-2",
      "us-east-2 witness us-west-2",
    ]);
    expect(p.rpo.value).toBe("Zero");
    expect(byRegion(p, "us-east-1").rpo.value).toMatch(/^Zero/);
    expect(byRegion(p, "us-east-1").warnings.join(" ")).toMatch(/ReplicatedWriteConflictException/);
    const witness = byRegion(p, "us-west-2");
    expect(witness.holds).toMatch(/No readable table/);
    expect(witness.warnings.join(" ")).toMatch(/witness price is not published/);
    expect(p.issues).toEqual([]);
  });

  it("MRSC with three replicas: all three read and write, no witness", () => {
    const p = preview(PATTERN_FIXTURES.MRSC_THREE());
    expect(p.regions.map((r) => r.role)).toEqual(["PRIMARY", "ACTIVE_REPLICA", "ACTIVE_REPLICA"]);
    expect(p.edges.every((e) => e.kind === "replication")).toBe(true);
    expect(p.edges).toHaveLength(3);
    expect(p.issues).toEqual([]);
  });

  it("a global table with a backup copy draws the copy Region too (the prod-critical shape)", () => {
    const request = makeRequest({
      regions: { primary: "us-east-1", replicas: [{ region: "eu-west-1" }] },
      backup: { enabled: true, schedule: "cron(0 */6 * * ? *)", retentionDays: 35, copyRegion: "us-west-2" },
    });
    const p = preview(request);
    expect(p.pattern).toBe("ACTIVE_ACTIVE_MREC");
    expect(summary(p).map((r) => r.role)).toEqual(["PRIMARY", "ACTIVE_REPLICA", "BACKUP_COPY_TARGET"]);
    expect(edgeSummary(p)).toContain("us-east-1 backup-copy us-west-2");
  });

  it("a copy Region that is also a replica gets one card that says it holds both", () => {
    const request = makeRequest({
      regions: { primary: "us-east-1", replicas: [{ region: "us-west-2" }] },
      backup: { enabled: true, schedule: "cron(0 3 * * ? *)", retentionDays: 35, copyRegion: "us-west-2" },
    });
    const p = preview(request);
    expect(p.regions.map((r) => r.region)).toEqual(["us-east-1", "us-west-2"]);
    const replica = byRegion(p, "us-west-2");
    expect(replica.holds).toMatch(/Also holds the AWS Backup copies/);
    expect(replica.warnings.join(" ")).toMatch(/losing it loses both/);
  });

  it("PITR per replica follows the replica override, else the table setting", () => {
    const request = makeRequest({
      regions: {
        primary: "us-east-1",
        replicas: [{ region: "us-west-2", pointInTimeRecovery: false }, { region: "eu-west-1" }],
      },
    });
    const p = preview(request);
    expect(p.regions.map((r) => [r.region, r.pointInTimeRecovery])).toEqual([
      ["us-east-1", true],
      ["us-west-2", false],
      ["eu-west-1", true],
    ]);
  });
});

describe("buildDrPreview: cost share", () => {
  it("puts each Region's monthly cost and its share of the total on its card", () => {
    const p = buildDrPreview(PATTERN_FIXTURES.ACTIVE_PASSIVE(), DEFAULT_TIER_POLICY, {
      costByRegion: { "us-east-1": 30, "us-west-2": 10 },
    });
    expect(byRegion(p, "us-east-1")).toMatchObject({ monthlyCostUsd: 30, costShare: 0.75 });
    expect(byRegion(p, "us-west-2")).toMatchObject({ monthlyCostUsd: 10, costShare: 0.25 });
  });

  it("leaves cost out where the estimate has none (the witness) and takes shares of an explicit total", () => {
    const p = buildDrPreview(PATTERN_FIXTURES.MRSC_WITNESS(), DEFAULT_TIER_POLICY, {
      costByRegion: { "us-east-1": 40, "us-east-2": 40 },
      totalMonthlyUsd: 100,
    });
    expect(byRegion(p, "us-east-1").costShare).toBe(0.4);
    expect(byRegion(p, "us-west-2").monthlyCostUsd).toBeUndefined();
    expect(byRegion(p, "us-west-2").costShare).toBeUndefined();
  });

  it("gives no share when the total is zero rather than dividing by it", () => {
    const p = buildDrPreview(PATTERN_FIXTURES.SINGLE_REGION_PITR(), DEFAULT_TIER_POLICY, {
      costByRegion: { "us-east-1": 0 },
    });
    expect(byRegion(p, "us-east-1")).toMatchObject({ monthlyCostUsd: 0 });
    expect(byRegion(p, "us-east-1").costShare).toBeUndefined();
  });
});

describe("buildDrPreview: with the cost engine's estimate", () => {
  it("takes each Region's cost and notes from estimateCost, and never shows the unpriced witness as free", () => {
    const request = PATTERN_FIXTURES.MRSC_WITNESS();
    const estimate = estimateCost(request);
    const p = buildDrPreview(request, DEFAULT_TIER_POLICY, { estimate });
    const primary = byRegion(p, "us-east-1");
    expect(primary.monthlyCostUsd).toBe(estimate.regions.find((r) => r.region === "us-east-1")?.monthlyUsd);
    expect(primary.costShare).toBeCloseTo((primary.monthlyCostUsd ?? 0) / estimate.totalMonthlyUsd, 10);
    const witness = byRegion(p, "us-west-2");
    expect(witness.monthlyCostUsd).toBeUndefined();
    const shares = p.regions.reduce((sum, r) => sum + (r.costShare ?? 0), 0);
    expect(shares).toBeCloseTo(1, 10);
  });

  it("gives the backup copy Region its share of vault storage", () => {
    const request = PATTERN_FIXTURES.BACKUP_CROSS_REGION_COPY();
    const p = buildDrPreview(request, DEFAULT_TIER_POLICY, { estimate: estimateCost(request) });
    expect(byRegion(p, "us-west-2").monthlyCostUsd).toBeGreaterThan(0);
  });
});
