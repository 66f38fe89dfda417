import { describe, expect, it } from "vitest";
import type { GlobalSecondaryIndex, TableRequest } from "../request/schema";
import { changed, globalTable, mrscTable, onDemandTable, provisionedTable } from "./__fixtures__/tables";
import { planTableChange } from "./plan-table-change";
import type { ChangeKind, OperationPlan, PlanContext, PlannedChange } from "./schema";
import { awsErrors } from "./test-support";

const NOW = "2026-12-05T10:00:00.000Z";
/** A context whose every rate-limit window is known and unused. */
const QUIET: PlanContext = {
  now: NOW,
  recentChanges: {
    switchesToOnDemand: [],
    tableClassChanges: [],
    ttlChanges: [],
    encryptionKeyChanges: [],
    capacityDecreases: [],
  },
};

/** An on-demand table whose request already pre-warms the table (30,000 / 10,000) and its first index (15,000 reads). */
const warmTable = (): TableRequest =>
  changed(onDemandTable(), (r) => {
    r.warmThroughput = { readUnitsPerSecond: 30_000, writeUnitsPerSecond: 10_000 };
    (r.globalSecondaryIndexes[0] as GlobalSecondaryIndex).warmThroughput = { readUnitsPerSecond: 15_000 };
  });

const newIndex = (name: string, attribute: string): GlobalSecondaryIndex => ({
  name,
  partitionKey: { name: attribute, type: "S" },
  projection: { type: "ALL" },
  contributorInsights: false,
});

function changeOf(plan: OperationPlan, kind: ChangeKind): PlannedChange {
  const found = plan.steps.flatMap((s) => s.changes).find((c) => c.kind === kind);
  if (!found) throw new Error(`no ${kind} in ${JSON.stringify(plan.steps.map((s) => s.changes.map((c) => c.kind)))}`);
  return found;
}
const stepOf = (plan: OperationPlan, kind: ChangeKind) =>
  plan.steps.find((s) => s.changes.some((c) => c.kind === kind));

interface Row {
  kind: ChangeKind;
  source: string;
  live: () => TableRequest;
  edit: (r: TableRequest) => void;
  categories: PlannedChange["categories"];
  risk: PlannedChange["risk"];
  planRisk?: OperationPlan["risk"];
  context?: PlanContext;
}

// One row per change kind: the rule it follows and where the rule comes from.
const ROWS: Row[] = [
  {
    kind: "TAGS_CHANGED",
    source: "[BC] TagResource",
    live: onDemandTable,
    edit: (r) => {
      r.tags.Owner = "li";
    },
    categories: ["immediate"],
    risk: "low",
  },
  {
    kind: "ALARMS_CHANGED",
    source: "module: alarms are separate resources",
    live: onDemandTable,
    edit: (r) => {
      r.alarms = { ...(r.alarms as NonNullable<TableRequest["alarms"]>), readThrottleThreshold: 5 };
    },
    categories: ["immediate"],
    risk: "low",
  },
  {
    kind: "CONTRIBUTOR_INSIGHTS_CHANGED",
    source: "module: aws_dynamodb_contributor_insights",
    live: onDemandTable,
    edit: (r) => {
      r.contributorInsights = true;
    },
    categories: ["immediate"],
    risk: "low",
  },
  {
    kind: "METADATA_CHANGED",
    source: "module README only",
    live: onDemandTable,
    edit: (r) => {
      r.owner.service = "orders-v2";
    },
    categories: ["record-only"],
    risk: "low",
  },
  {
    kind: "PITR_DISABLED",
    source: "[DG] PointInTimeRecovery_Howitworks",
    live: provisionedTable,
    edit: (r) => {
      r.pointInTimeRecovery.enabled = false;
    },
    categories: ["immediate"],
    risk: "high",
  },
  {
    kind: "PITR_ENABLED",
    source: "[DG] PointInTimeRecovery_Howitworks",
    live: () =>
      changed(provisionedTable(), (r) => {
        r.pointInTimeRecovery.enabled = false;
      }),
    edit: (r) => {
      r.pointInTimeRecovery.enabled = true;
    },
    categories: ["immediate"],
    risk: "low",
  },
  {
    kind: "PITR_PERIOD_CHANGED",
    source: "[DG] PointInTimeRecovery_Howitworks",
    live: onDemandTable,
    edit: (r) => {
      r.pointInTimeRecovery.recoveryPeriodInDays = 7;
    },
    categories: ["immediate"],
    risk: "high",
  },
  {
    kind: "DELETION_PROTECTION_ENABLED",
    source: "[BC] DeletionProtectionEnabled",
    live: onDemandTable,
    edit: (r) => {
      r.deletionProtection = true;
    },
    categories: ["immediate"],
    risk: "low",
  },
  {
    kind: "DELETION_PROTECTION_DISABLED",
    source: "[BC] DeletionProtectionEnabled",
    live: provisionedTable,
    edit: (r) => {
      r.deletionProtection = false;
    },
    categories: ["immediate"],
    risk: "high",
  },
  {
    kind: "BACKUP_PROTECTION_REDUCED",
    source: "module: AWS Backup resources",
    live: onDemandTable,
    edit: (r) => {
      r.backup = { ...(r.backup as NonNullable<TableRequest["backup"]>), copyRegion: undefined };
    },
    categories: ["immediate"],
    risk: "high",
  },
  {
    kind: "BACKUP_CHANGED",
    source: "module: AWS Backup resources",
    live: onDemandTable,
    edit: (r) => {
      r.backup = { ...(r.backup as NonNullable<TableRequest["backup"]>), retentionDays: 60 };
    },
    categories: ["immediate"],
    risk: "low",
  },
  {
    kind: "GSI_CREATED",
    source: "[BC] UpdateTable: one index per call; re:Post create-gsi-dynamodb",
    live: onDemandTable,
    edit: (r) => {
      r.globalSecondaryIndexes.push(newIndex("by-status", "status"));
    },
    categories: ["long-running", "sequenced"],
    risk: "medium",
  },
  {
    kind: "GSI_DELETED",
    source: "[BC] UpdateTable; [TF] delete phase first",
    live: onDemandTable,
    edit: (r) => {
      r.globalSecondaryIndexes = [];
    },
    categories: ["immediate", "sequenced"],
    risk: "high",
  },
  {
    kind: "GSI_REPLACED",
    source: "[TF] updateDiffGSI: projection change = delete + create",
    live: onDemandTable,
    edit: (r) => {
      (r.globalSecondaryIndexes[0] as GlobalSecondaryIndex).projection = { type: "ALL" };
    },
    categories: ["long-running", "sequenced"],
    risk: "high",
  },
  {
    kind: "GSI_CONTRIBUTOR_INSIGHTS_CHANGED",
    source: "module: per-index contributor insights resource",
    live: onDemandTable,
    edit: (r) => {
      (r.globalSecondaryIndexes[0] as GlobalSecondaryIndex).contributorInsights = true;
    },
    categories: ["immediate"],
    risk: "low",
  },
  {
    kind: "WARM_THROUGHPUT_INCREASED",
    source: "[DG] update-warm-throughput: UpdateTable WarmThroughput, asynchronous, table keeps serving",
    live: warmTable,
    edit: (r) => {
      r.warmThroughput = { readUnitsPerSecond: 50_000, writeUnitsPerSecond: 10_000 };
    },
    categories: ["long-running"],
    risk: "medium",
  },
  {
    kind: "WARM_THROUGHPUT_DECREASED",
    source: "[DG] warm-throughput: only increases; [TF] ForceNewIfChange until provider PR #49032",
    live: warmTable,
    edit: (r) => {
      r.warmThroughput = { readUnitsPerSecond: 20_000, writeUnitsPerSecond: 10_000 };
    },
    categories: ["destructive"],
    risk: "destructive",
    planRisk: "destructive",
  },
  {
    kind: "GSI_ON_DEMAND_THROUGHPUT_CHANGED",
    source: "[TF] GSI Update OnDemandThroughput",
    live: onDemandTable,
    edit: (r) => {
      (r.globalSecondaryIndexes[0] as GlobalSecondaryIndex).onDemandThroughput = { maxReadRequestUnits: 500 };
    },
    categories: ["immediate"],
    risk: "low",
  },
  {
    kind: "GSI_CAPACITY_CHANGED",
    source: "[DG] ServiceQuotas: decreases per day",
    live: provisionedTable,
    edit: (r) => {
      (r.globalSecondaryIndexes[0] as GlobalSecondaryIndex).capacity = { read: { units: 10 }, write: { units: 20 } };
    },
    categories: ["immediate", "rate-limited"],
    risk: "medium",
    context: QUIET,
  },
  {
    kind: "BILLING_TO_ON_DEMAND",
    source: "[DG] switching.capacitymode: 4 per rolling 24 h",
    live: provisionedTable,
    edit: (r) => {
      r.billing = { mode: "PAY_PER_REQUEST" };
      for (const g of r.globalSecondaryIndexes) delete g.capacity;
    },
    categories: ["immediate", "rate-limited"],
    risk: "medium",
    context: QUIET,
  },
  {
    kind: "BILLING_TO_PROVISIONED",
    source: "[DG] switching.capacitymode: any time",
    live: onDemandTable,
    edit: (r) => {
      r.billing = { mode: "PROVISIONED", read: { units: 10 }, write: { units: 10 } };
      for (const g of r.globalSecondaryIndexes) g.capacity = { read: { units: 5 }, write: { units: 5 } };
    },
    categories: ["immediate"],
    risk: "medium",
  },
  {
    kind: "TABLE_CAPACITY_CHANGED",
    source: "[DG] ServiceQuotas: 4 decreases per UTC day, then 1 per hour",
    live: provisionedTable,
    edit: (r) => {
      r.billing = { mode: "PROVISIONED", read: { units: 80 }, write: { units: 50 } };
    },
    categories: ["immediate", "rate-limited"],
    risk: "medium",
    context: QUIET,
  },
  {
    kind: "AUTOSCALING_CHANGED",
    source: "module: aws_appautoscaling_target",
    live: provisionedTable,
    edit: (r) => {
      if (r.billing.mode === "PROVISIONED")
        r.billing.read.autoscaling = { minCapacity: 50, maxCapacity: 500, targetUtilization: 70 };
    },
    categories: ["immediate"],
    risk: "low",
  },
  {
    kind: "ON_DEMAND_THROUGHPUT_CHANGED",
    source: "[TF] UpdateTable OnDemandThroughput",
    live: onDemandTable,
    edit: (r) => {
      r.billing = { mode: "PAY_PER_REQUEST", onDemandThroughput: { maxWriteRequestUnits: 1000 } };
    },
    categories: ["immediate"],
    risk: "low",
  },
  {
    kind: "TABLE_CLASS_CHANGED",
    source: "[DG] tableclasses: 2 per trailing 30 days",
    live: onDemandTable,
    edit: (r) => {
      r.tableClass = "STANDARD_INFREQUENT_ACCESS";
    },
    categories: ["immediate", "rate-limited"],
    risk: "medium",
    context: QUIET,
  },
  {
    kind: "TTL_ENABLED",
    source: "[BC] UpdateTimeToLive: one change per hour",
    live: onDemandTable,
    edit: (r) => {
      r.ttl = { enabled: true, attributeName: "expiresAt" };
    },
    categories: ["immediate", "rate-limited"],
    risk: "medium",
    context: QUIET,
  },
  {
    kind: "STREAM_VIEW_TYPE_CHANGED",
    source: "[TF] cycleStreamEnabled: a new stream",
    live: onDemandTable,
    edit: (r) => {
      r.stream = { enabled: true, viewType: "NEW_AND_OLD_IMAGES", hasConsumer: true };
    },
    categories: ["immediate"],
    risk: "high",
  },
  {
    kind: "STREAM_DISABLED",
    source: "[BC] StreamSpecification",
    live: onDemandTable,
    edit: (r) => {
      r.stream = { enabled: false, hasConsumer: true };
    },
    categories: ["immediate"],
    risk: "high",
  },
  {
    kind: "STREAM_ENABLED",
    source: "[BC] StreamSpecification",
    live: provisionedTable,
    edit: (r) => {
      r.stream = { enabled: true, viewType: "KEYS_ONLY", hasConsumer: false };
    },
    categories: ["immediate"],
    risk: "low",
  },
  {
    kind: "ENCRYPTION_CHANGED",
    source: "[DG] ServiceQuotas: key switches 4 per 24 h (+1 after 6 quiet h)",
    live: onDemandTable,
    edit: (r) => {
      r.encryption = { type: "CUSTOMER_MANAGED", kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/abcd" };
    },
    categories: ["immediate", "rate-limited"],
    risk: "medium",
    context: QUIET,
  },
  {
    kind: "REPLICA_ADDED",
    source: "[DG] GlobalTables: the table is copied (10 TB a day)",
    live: globalTable,
    edit: (r) => {
      r.regions.replicas.push({
        region: "us-west-2",
        role: "ACTIVE",
        propagateTags: true,
        kmsKeyArn: "arn:aws:kms:us-west-2:123456789012:key/4444",
      });
    },
    categories: ["long-running", "sequenced"],
    risk: "medium",
  },
  {
    kind: "REPLICA_REMOVED",
    source: "[DG] GlobalTables; the replica's data is deleted",
    live: globalTable,
    edit: (r) => {
      r.regions.replicas = r.regions.replicas.filter((x) => x.region !== "eu-west-1");
    },
    categories: ["immediate"],
    risk: "high",
  },
  {
    kind: "REPLICA_RECREATED",
    source: "[TF] updateReplica: kms_key_arn change = remove + add",
    live: globalTable,
    edit: (r) => {
      (r.regions.replicas[0] as TableRequest["regions"]["replicas"][number]).kmsKeyArn =
        "arn:aws:kms:eu-west-1:123456789012:key/9999";
    },
    categories: ["long-running", "sequenced"],
    risk: "high",
  },
  {
    kind: "REPLICA_SETTINGS_CHANGED",
    source: "[DG] globaltables-bestpractices; PITR per replica",
    live: globalTable,
    edit: (r) => {
      (r.regions.replicas[0] as TableRequest["regions"]["replicas"][number]).pointInTimeRecovery = false;
    },
    categories: ["immediate"],
    risk: "high",
  },
  {
    kind: "MRSC_REMOVED",
    source: "[BC] GlobalTableWitnessGroupUpdate Delete leaves a single-Region table",
    live: mrscTable,
    edit: (r) => {
      r.regions = { primary: "us-east-1", replicas: [], consistency: "EVENTUAL" };
    },
    categories: ["immediate", "sequenced"],
    risk: "high",
  },
  {
    kind: "CONSISTENCY_MODE_CHANGED",
    source: "[BC] MultiRegionConsistency fixed at creation; MRSC needs an empty table",
    live: globalTable,
    edit: (r) => {
      r.regions = {
        primary: "us-east-1",
        replicas: [
          {
            region: "us-east-2",
            role: "ACTIVE",
            propagateTags: true,
            kmsKeyArn: "arn:aws:kms:us-east-2:123456789012:key/5",
          },
        ],
        consistency: "STRONG",
        witness: "us-west-2",
      };
    },
    categories: ["destructive"],
    risk: "destructive",
    planRisk: "destructive",
  },
  {
    kind: "MRSC_REGIONS_CHANGED",
    source: "[BC] the witness is added only at creation",
    live: mrscTable,
    edit: (r) => {
      r.regions.witness = undefined;
      r.regions.replicas.push({ region: "us-west-2", role: "ACTIVE", propagateTags: true });
    },
    categories: ["destructive"],
    risk: "destructive",
    planRisk: "destructive",
  },
  {
    kind: "TABLE_RENAMED",
    source: "[TF] name is ForceNew",
    live: onDemandTable,
    edit: (r) => {
      r.tableName = "orders-v2";
    },
    categories: ["destructive"],
    risk: "destructive",
    planRisk: "destructive",
  },
  {
    kind: "TABLE_KEY_CHANGED",
    source: "[TF] hash_key / range_key are ForceNew",
    live: onDemandTable,
    edit: (r) => {
      r.partitionKey = { name: "orderId", type: "S" };
    },
    categories: ["destructive"],
    risk: "destructive",
    planRisk: "destructive",
  },
  {
    kind: "LSI_CHANGED",
    source: "[DG] LSI.md; [TF] local_secondary_index is ForceNew",
    live: onDemandTable,
    edit: (r) => {
      r.localSecondaryIndexes = [
        { name: "by-date", sortKey: { name: "placedAt", type: "S" }, projection: { type: "KEYS_ONLY" } },
      ];
    },
    categories: ["destructive"],
    risk: "destructive",
    planRisk: "destructive",
  },
  {
    kind: "PRIMARY_REGION_CHANGED",
    source: "module: the primary Region's provider manages the table",
    live: onDemandTable,
    edit: (r) => {
      r.regions.primary = "eu-west-1";
      r.backup = { ...(r.backup as NonNullable<TableRequest["backup"]>), copyRegion: "eu-central-1" };
    },
    categories: ["destructive"],
    risk: "destructive",
    planRisk: "destructive",
  },
];

describe("planTableChange: every change kind, classified by its rule", () => {
  it.each(ROWS)("$kind ($source)", (row) => {
    const live = row.live();
    const requested = changed(live, row.edit);
    expect(awsErrors(requested)).toEqual([]);
    const plan = planTableChange(live, requested, row.context ?? {});
    const change = changeOf(plan, row.kind);
    expect(change.categories).toEqual(row.categories);
    expect(change.risk).toBe(row.risk);
    expect(change.sources.length).toBeGreaterThan(0);
    expect(plan.risk).toBe(row.planRisk ?? plan.risk);
    if (row.risk === "destructive") {
      expect(plan.requiresAcknowledgement).toBe(true);
      expect(change.available).toBe(false);
    } else {
      expect(plan.risk).not.toBe("destructive");
    }
  });
});

describe("planTableChange: sequencing", () => {
  it("a create has one low-risk step that creates everything at once", () => {
    const plan = planTableChange(null, provisionedTable());
    expect(plan).toMatchObject({ kind: "create", risk: "low", singleApply: true });
    expect(plan.steps).toHaveLength(1);
    expect(plan.steps[0]?.changes[0]?.kind).toBe("TABLE_CREATED");
  });

  it("the same definition needs nothing", () => {
    expect(planTableChange(onDemandTable(), onDemandTable())).toMatchObject({ kind: "none", steps: [], applies: [] });
  });

  it("reordering indexes or replicas, or a GSI's projected attributes, is no change (they are sets to DynamoDB)", () => {
    const live = changed(globalTable(), (r) => {
      r.globalSecondaryIndexes = [newIndex("a-index", "a"), newIndex("b-index", "b")];
    });
    const requested = changed(live, (r) => {
      r.globalSecondaryIndexes.reverse();
      r.regions.replicas.reverse();
    });
    expect(planTableChange(live, requested).kind).toBe("none");
    const include = changed(onDemandTable(), (r) => {
      (r.globalSecondaryIndexes[0] as GlobalSecondaryIndex).projection.nonKeyAttributes = ["total", "status"];
    });
    expect(planTableChange(onDemandTable(), include).kind).toBe("none");
  });

  // The scenario: a provisioned prod table gets two new indexes and switches to on-demand.
  it("two new indexes and a switch to on-demand: the switch first, then one index per step, each alone when the size is unknown", () => {
    const live = provisionedTable();
    const requested = changed(live, (r) => {
      r.billing = { mode: "PAY_PER_REQUEST" };
      for (const g of r.globalSecondaryIndexes) delete g.capacity;
      r.globalSecondaryIndexes.push(newIndex("by-customer", "customerId"), newIndex("by-date", "placedAt"));
    });
    const plan = planTableChange(live, requested);
    expect(plan.steps.map((s) => s.changes.map((c) => c.kind))).toEqual([
      ["BILLING_TO_ON_DEMAND"],
      ["GSI_CREATED"],
      ["GSI_CREATED"],
    ]);
    expect(plan.steps.map((s) => s.title)).toEqual([
      "Update in place",
      "Create index by-customer",
      "Create index by-date",
    ]);
    expect(plan.steps.map((s) => s.separateApply)).toEqual([false, true, true]);
    expect(plan.applies.map((a) => a.steps)).toEqual([[1], [2], [3]]);
    expect(plan.risk).toBe("medium");
    // Each apply carries a definition to render: the first has switched billing but no new index yet.
    expect(plan.applies[0]?.definition.billing.mode).toBe("PAY_PER_REQUEST");
    expect(plan.applies[0]?.definition.globalSecondaryIndexes.map((g) => g.name)).toEqual(["by-status"]);
    expect(plan.applies[1]?.definition.globalSecondaryIndexes.map((g) => g.name)).toEqual(["by-status", "by-customer"]);
    expect(plan.applies[2]?.definition).toEqual(requested);
    expect(plan.warnings.join(" ")).toMatch(/no recent history/);
    expect(plan.warnings.join(" ")).toMatch(/durations are unknown without the table's size/);
    expect(plan.steps[1]?.duration.text).toBe("unknown: depends on the table's size");
  });

  it("on a small table both indexes share one apply (the provider creates them one after another)", () => {
    const live = onDemandTable();
    const requested = changed(live, (r) => {
      r.globalSecondaryIndexes.push(newIndex("by-status", "status"), newIndex("by-date", "placedAt"));
    });
    const plan = planTableChange(live, requested, { tableSizeGb: 1, itemCount: 500_000 });
    expect(plan.steps.map((s) => s.separateApply)).toEqual([false, false]);
    expect(plan.applies).toHaveLength(1);
    expect(plan.singleApply).toBe(true);
  });

  it("estimates a backfill with AWS's formula: items x max(size, 1 KB) / write units", () => {
    const live = onDemandTable();
    const requested = changed(live, (r) => {
      r.globalSecondaryIndexes.push(newIndex("by-status", "status"));
    });
    // 10 GB over 10 million items = 1.048576 KB each: 10,485,760 write units at 4,000 per second.
    const plan = planTableChange(live, requested, { tableSizeGb: 10, itemCount: 10_000_000 });
    const step = stepOf(plan, "GSI_CREATED");
    expect(step?.duration.minSeconds).toBe(2621);
    expect(step?.duration.maxSeconds).toBe(2621);
    expect(step?.duration.text).toBe("about 44 min");
    expect(step?.separateApply).toBe(false);
    // A 200 GB table outlasts the provider's 60 min wait: an apply of its own.
    const big = planTableChange(live, requested, { tableSizeGb: 200, itemCount: 200_000_000 });
    expect(stepOf(big, "GSI_CREATED")?.separateApply).toBe(true);
    expect(stepOf(big, "GSI_CREATED")?.reasons.join(" ")).toMatch(/60 min wait/);
  });

  it("a provisioned index backfills at its own write capacity", () => {
    const live = provisionedTable();
    const requested = changed(live, (r) => {
      r.globalSecondaryIndexes.push({
        ...newIndex("by-date", "placedAt"),
        capacity: { read: { units: 10 }, write: { units: 100 } },
      });
    });
    const plan = planTableChange(live, requested, { tableSizeGb: 1, itemCount: 1_000_000 });
    // 1,000,000 items x 1.048576 KB = 1,048,576 write units at 100 per second.
    expect(stepOf(plan, "GSI_CREATED")?.duration.maxSeconds).toBe(10486);
  });

  it("a rebuilt index is deleted in the first step and built again in its own", () => {
    const live = onDemandTable();
    const requested = changed(live, (r) => {
      (r.globalSecondaryIndexes[0] as GlobalSecondaryIndex).sortKey = undefined;
    });
    const plan = planTableChange(live, requested, { tableSizeGb: 500 });
    expect(plan.steps.map((s) => s.changes.map((c) => c.kind))).toEqual([
      ["GSI_DELETED_FOR_REPLACEMENT"],
      ["GSI_REPLACED"],
    ]);
    expect(plan.applies[0]?.definition.globalSecondaryIndexes).toEqual([]);
    expect(changeOf(plan, "GSI_REPLACED").impact).toMatch(/fail until it is ACTIVE again/);
    // On an empty table the provider does both in one apply (delete, then create).
    expect(planTableChange(live, requested, { tableSizeGb: 0 }).applies).toHaveLength(1);
  });

  it("a provisioned-to-on-demand switch with the window used up waits for it, in an apply of its own", () => {
    const live = provisionedTable();
    const requested = changed(live, (r) => {
      r.billing = { mode: "PAY_PER_REQUEST" };
      for (const g of r.globalSecondaryIndexes) delete g.capacity;
      r.tags.Owner = "li";
    });
    const switches = ["2026-12-04T11:00:00Z", "2026-12-04T18:00:00Z", "2026-12-05T02:00:00Z", "2026-12-05T09:00:00Z"];
    const plan = planTableChange(live, requested, {
      ...QUIET,
      recentChanges: { switchesToOnDemand: switches.map((at) => ({ at })) },
    });
    expect(plan.steps.map((s) => s.changes.map((c) => c.kind))).toEqual([["TAGS_CHANGED"], ["BILLING_TO_ON_DEMAND"]]);
    const wait = plan.steps[1];
    // The oldest switch of the window (11:00 yesterday) leaves it 24 h later.
    expect(wait?.notBefore).toBe("2026-12-05T11:00:00.000Z");
    expect(wait?.separateApply).toBe(true);
    expect(changeOf(plan, "BILLING_TO_ON_DEMAND").rateLimit).toMatchObject({ status: "exhausted", usedInWindow: 4 });
    expect(plan.summary).toMatch(/Waits for a DynamoDB rate-limit window \(step 2\)/);
    // Three switches in the window leave one.
    const three = planTableChange(live, requested, {
      ...QUIET,
      recentChanges: { switchesToOnDemand: switches.slice(1).map((at) => ({ at })) },
    });
    expect(changeOf(three, "BILLING_TO_ON_DEMAND").rateLimit).toMatchObject({ status: "available", usedInWindow: 3 });
    expect(three.steps).toHaveLength(1);
  });

  it("a third table class change within 30 days waits for the oldest to leave the window", () => {
    const live = onDemandTable();
    const requested = changed(live, (r) => {
      r.tableClass = "STANDARD_INFREQUENT_ACCESS";
    });
    const plan = planTableChange(live, requested, {
      now: NOW,
      recentChanges: { tableClassChanges: [{ at: "2026-11-10T00:00:00Z" }, { at: "2026-12-01T00:00:00Z" }] },
    });
    expect(plan.steps[0]?.notBefore).toBe("2026-12-10T00:00:00.000Z");
  });

  it("moving TTL to another attribute: off first, on again an hour later, in two applies", () => {
    const live = changed(onDemandTable(), (r) => {
      r.ttl = { enabled: true, attributeName: "expiresAt" };
    });
    const requested = changed(live, (r) => {
      r.ttl = { enabled: true, attributeName: "ttl" };
    });
    const plan = planTableChange(live, requested, QUIET);
    expect(plan.steps.map((s) => s.changes.map((c) => c.kind))).toEqual([
      ["TTL_DISABLED_FOR_ATTRIBUTE_CHANGE"],
      ["TTL_ATTRIBUTE_CHANGED"],
    ]);
    expect(plan.steps[1]?.notBefore).toBe("2026-12-05T11:00:00.000Z");
    expect(plan.applies[0]?.definition.ttl).toEqual({ enabled: false, attributeName: "expiresAt" });
    // The module writes `ttl { enabled = false }`: the first apply turns TTL off by itself.
    expect(plan.steps[0]?.instruction).toBeUndefined();
    expect(plan.applies).toHaveLength(2);
  });

  it("turning TTL off or returning to an AWS owned key is terraform apply's job (the module writes both blocks when off)", () => {
    const live = changed(onDemandTable(), (r) => {
      r.ttl = { enabled: true, attributeName: "expiresAt" };
      r.encryption = { type: "AWS_MANAGED" };
    });
    const off = planTableChange(
      live,
      changed(live, (r) => {
        r.ttl = { enabled: false, attributeName: "expiresAt" };
      }),
    );
    expect(changeOf(off, "TTL_DISABLED").sources).not.toContain("providerTtlBlock");
    expect(off.steps[0]?.instruction).toBeUndefined();
    const owned = planTableChange(
      live,
      changed(live, (r) => {
        r.encryption = { type: "AWS_OWNED" };
      }),
    );
    expect(owned.steps[0]?.instruction).toBeUndefined();
    expect(owned.summary).not.toMatch(/Needs a manual action/);
  });

  it("a protected replica is unprotected in an apply of its own before it is removed", () => {
    const live = globalTable();
    const requested = changed(live, (r) => {
      r.regions.replicas = r.regions.replicas.filter((x) => x.region !== "ap-southeast-2");
    });
    const plan = planTableChange(live, requested);
    expect(plan.steps.map((s) => s.changes.map((c) => c.kind))).toEqual([
      ["DELETION_PROTECTION_LIFTED"],
      ["REPLICA_REMOVED"],
    ]);
    expect(plan.applies.map((a) => a.steps)).toEqual([[1], [2]]);
    expect(
      plan.applies[0]?.definition.regions.replicas.find((r) => r.region === "ap-southeast-2")?.deletionProtection,
    ).toBe(false);
  });

  it("the first replica comes after the index builds, in its own apply, with the stream set to NEW_AND_OLD_IMAGES first", () => {
    const live = changed(onDemandTable(), (r) => {
      r.stream = { enabled: true, viewType: "KEYS_ONLY", hasConsumer: false };
      r.backup = undefined;
    });
    const requested = changed(live, (r) => {
      r.stream = undefined;
      r.globalSecondaryIndexes.push(newIndex("by-status", "status"));
      r.regions.replicas = [{ region: "eu-west-1", role: "STANDBY", propagateTags: true }];
    });
    const plan = planTableChange(live, requested, { tableSizeGb: 0.5, itemCount: 100_000 });
    const kinds = plan.steps.map((s) => s.changes.map((c) => c.kind));
    expect(kinds.at(-2)).toEqual(["GSI_CREATED"]);
    expect(kinds.at(-1)).toEqual(["STREAM_ENABLED_FOR_REPLICAS", "REPLICA_ADDED"]);
    const replicaStep = plan.steps.at(-1);
    expect(replicaStep?.separateApply).toBe(true);
    expect(replicaStep?.reasons.join(" ")).toMatch(/ACTIVE everywhere/);
  });

  it("a global table's stream is turned off only after its last replica is gone", () => {
    const live = changed(globalTable(), (r) => {
      r.regions.replicas = r.regions.replicas.filter((x) => x.region === "eu-west-1");
    });
    const requested = changed(live, (r) => {
      r.regions.replicas = [];
      r.stream = { enabled: false, hasConsumer: false };
    });
    const plan = planTableChange(live, requested);
    expect(plan.steps.map((s) => s.changes.map((c) => c.kind))).toEqual([["REPLICA_REMOVED"], ["STREAM_DISABLED"]]);
    expect(plan.steps[1]?.separateApply).toBe(true);
  });

  it("an empty single-Region table can become MRSC in place; with items it is destructive", () => {
    const live = changed(mrscTable(), (r) => {
      r.regions = { primary: "us-east-1", replicas: [], consistency: "EVENTUAL" };
    });
    const plan = planTableChange(live, mrscTable(), { itemCount: 0 });
    expect(changeOf(plan, "CONSISTENCY_MODE_CHANGED").categories).toEqual(["long-running", "sequenced"]);
    expect(plan.risk).toBe("medium");
    const withItems = planTableChange(live, mrscTable(), { itemCount: 10 });
    expect(withItems.risk).toBe("destructive");
    expect(withItems.steps.at(-1)?.instruction).toMatch(/Terraform cannot make this change/);
  });

  it("a rename of a protected table: unprotect, then replace with the migration instruction", () => {
    const live = provisionedTable();
    const requested = changed(live, (r) => {
      r.tableName = "orders-v2";
      r.tags.Owner = "li";
      r.billing = { mode: "PAY_PER_REQUEST" };
      for (const g of r.globalSecondaryIndexes) delete g.capacity;
    });
    const plan = planTableChange(live, requested, QUIET);
    expect(plan.risk).toBe("destructive");
    expect(plan.steps.map((s) => s.title)).toEqual(["Lift deletion protection", "Replace the table"]);
    const replace = plan.steps[1];
    expect(replace?.available).toBe(false);
    expect(replace?.instruction).toMatch(/export the items/);
    // The other differences are part of the new table and no longer rate-limited.
    expect(replace?.changes.find((c) => c.kind === "BILLING_TO_ON_DEMAND")).toMatchObject({
      terraform: "Set when the new table is created.",
    });
    expect(replace?.changes.find((c) => c.kind === "BILLING_TO_ON_DEMAND")?.rateLimit).toBeUndefined();
    expect(plan.applies[0]?.definition.deletionProtection).toBe(false);
  });

  it("a key type change alone plans nothing in Terraform: destructive, by hand", () => {
    const live = onDemandTable();
    const requested = changed(live, (r) => {
      r.partitionKey = { name: "PK", type: "N" };
    });
    const plan = planTableChange(live, requested);
    expect(changeOf(plan, "TABLE_KEY_CHANGED").sources).toEqual(["providerAttributeOnly"]);
    expect(plan.steps.at(-1)?.instruction).toMatch(/Terraform cannot make this change/);
  });

  it("index changes on a module that ignores them (autoscaled indexes) carry an instruction", () => {
    const live = changed(provisionedTable(), (r) => {
      (r.globalSecondaryIndexes[0] as GlobalSecondaryIndex).capacity = {
        read: { units: 50, autoscaling: { minCapacity: 50, maxCapacity: 500, targetUtilization: 70 } },
        write: { units: 20 },
      };
    });
    const requested = changed(live, (r) => {
      r.globalSecondaryIndexes.push({
        ...newIndex("by-date", "placedAt"),
        capacity: { read: { units: 10 }, write: { units: 10 } },
      });
    });
    const plan = planTableChange(live, requested, { tableSizeGb: 0 });
    const step = stepOf(plan, "GSI_CREATED");
    expect(step?.instruction).toMatch(/ignore_changes/);
    expect(step?.separateApply).toBe(true);
  });

  it("units that autoscaling owns are recorded only; removing autoscaling hands them back to Terraform", () => {
    const live = changed(provisionedTable(), (r) => {
      r.billing = {
        mode: "PROVISIONED",
        read: { units: 100, autoscaling: { minCapacity: 100, maxCapacity: 1000, targetUtilization: 70 } },
        write: { units: 50 },
      };
    });
    const units = planTableChange(
      live,
      changed(live, (r) => {
        if (r.billing.mode === "PROVISIONED") r.billing.read.units = 10;
      }),
    );
    expect(changeOf(units, "CAPACITY_MANAGED_BY_AUTOSCALING").categories).toEqual(["record-only"]);
    expect(units.risk).toBe("low");
    const removed = planTableChange(
      live,
      changed(live, (r) => {
        if (r.billing.mode === "PROVISIONED") r.billing.read = { units: 100 };
      }),
      QUIET,
    );
    expect(changeOf(removed, "AUTOSCALING_CHANGED").risk).toBe("medium");
    expect(changeOf(removed, "TABLE_CAPACITY_CHANGED").rateLimit?.rule).toBe("CAPACITY_DECREASE");
  });

  it("changing the table's key to a customer-managed one with replicas re-creates the replicas", () => {
    const live = changed(globalTable(), (r) => {
      r.encryption = { type: "AWS_MANAGED" };
      for (const x of r.regions.replicas) delete x.kmsKeyArn;
    });
    const plan = planTableChange(live, globalTable(), QUIET);
    const change = changeOf(plan, "ENCRYPTION_CHANGED");
    expect(change.risk).toBe("high");
    expect(change.sources).toContain("providerReplicaRecreate");
    expect(change.paths).toEqual([
      "encryption",
      'regions.replicas["eu-west-1"].kmsKeyArn',
      'regions.replicas["ap-southeast-2"].kmsKeyArn',
    ]);
  });
});

describe("planTableChange: leaving MRSC", () => {
  it("turns TTL on only in an apply after the replicas and the witness are gone", () => {
    const live = mrscTable();
    const requested = changed(live, (r) => {
      r.regions = { primary: "us-east-1", replicas: [], consistency: "EVENTUAL" };
      r.ttl = { enabled: true, attributeName: "expiresAt" };
    });
    const plan = planTableChange(live, requested, QUIET);
    expect(plan.steps.map((s) => s.changes.map((c) => c.kind))).toEqual([["MRSC_REMOVED"], ["TTL_ENABLED"]]);
    expect(plan.applies.map((a) => a.steps)).toEqual([[1], [2]]);
    expect(plan.steps[1]?.reasons.join(" ")).toMatch(/needs the replicas gone/);
  });

  it("a replaced table drops the old table's rate-limit warnings", () => {
    const live = provisionedTable();
    const requested = changed(live, (r) => {
      r.tableName = "orders-v2";
      r.tableClass = "STANDARD_INFREQUENT_ACCESS";
    });
    expect(planTableChange(live, requested).warnings).toEqual([]);
  });
});

// [DG] warm-throughput / update-warm-throughput; [TF] table.go warm_throughput (ForceNewIfChange on
// the table until hashicorp/terraform-provider-aws#49032, updateDiffGSI re-creates an index whose
// value is lowered, Optional + Computed keeps the live value when the block is removed).
describe("planTableChange: warm throughput", () => {
  it("a raise is one in-place step, long-running, with the table available and the price called out as not estimated", () => {
    const live = warmTable();
    const plan = planTableChange(
      live,
      changed(live, (r) => {
        r.warmThroughput = { readUnitsPerSecond: 50_000, writeUnitsPerSecond: 10_000 };
      }),
    );
    expect(plan.risk).toBe("medium");
    expect(plan.steps).toHaveLength(1);
    const step = plan.steps[0] as OperationPlan["steps"][number];
    expect(step.available).toBe(true);
    expect(step.separateApply).toBe(false);
    expect(step.duration.maxSeconds).toBeUndefined();
    const change = changeOf(plan, "WARM_THROUGHPUT_INCREASED");
    expect(change.paths).toEqual(["warmThroughput"]);
    expect(change.summary).toContain("read 50,000 units per second");
    expect(change.impact).toContain("not included in the estimate");
    expect(plan.sources.warmThroughputRaise?.url).toContain("update-warm-throughput");
  });

  it("raising an index's warm throughput is an UpdateTable of that index, in place", () => {
    const live = warmTable();
    const plan = planTableChange(
      live,
      changed(live, (r) => {
        (r.globalSecondaryIndexes[0] as GlobalSecondaryIndex).warmThroughput = { readUnitsPerSecond: 16_000 };
      }),
    );
    const change = changeOf(plan, "WARM_THROUGHPUT_INCREASED");
    const name = (live.globalSecondaryIndexes[0] as GlobalSecondaryIndex).name;
    expect(change.paths).toEqual([`globalSecondaryIndexes[${JSON.stringify(name)}].warmThroughput`]);
    expect(change.terraform).toContain(`Update of index ${name}'s WarmThroughput`);
    expect(change.available).toBe(true);
  });

  it("lowering the table's value is refused: destructive under providers that replace, with the keep-the-live-value instruction", () => {
    const live = warmTable();
    const plan = planTableChange(
      live,
      changed(live, (r) => {
        r.warmThroughput = { readUnitsPerSecond: 30_000, writeUnitsPerSecond: 5_000 };
      }),
    );
    const change = changeOf(plan, "WARM_THROUGHPUT_DECREASED");
    expect(change.summary).toContain("write 10,000 -> 5,000");
    expect(change.summary).toContain("DynamoDB refuses a decrease");
    expect(change.sources).toEqual(["warmThroughputNoDecrease", "providerWarmThroughputDecrease"]);
    expect(plan.requiresAcknowledgement).toBe(true);
    expect(stepOf(plan, "WARM_THROUGHPUT_DECREASED")?.instruction).toContain("DynamoDB cannot lower warm throughput");
  });

  it("lowering an index's value is refused too: the provider would re-create the index (high, not destructive)", () => {
    const live = warmTable();
    const plan = planTableChange(
      live,
      changed(live, (r) => {
        (r.globalSecondaryIndexes[0] as GlobalSecondaryIndex).warmThroughput = { readUnitsPerSecond: 12_000 };
      }),
    );
    const change = changeOf(plan, "WARM_THROUGHPUT_DECREASED");
    expect(change.risk).toBe("high");
    expect(change.categories).not.toContain("destructive");
    expect(plan.risk).toBe("high");
    expect(change.impact).toContain("fail until the re-created index is backfilled");
    expect(stepOf(plan, "WARM_THROUGHPUT_DECREASED")?.instruction).toContain("keep the live value");
  });

  it("leaving warm throughput out afterwards changes nothing in AWS (the provider keeps the live value)", () => {
    const live = warmTable();
    const plan = planTableChange(
      live,
      changed(live, (r) => {
        delete r.warmThroughput;
      }),
    );
    expect(plan.risk).toBe("low");
    const change = changeOf(plan, "METADATA_CHANGED");
    expect(change.paths).toEqual(["warmThroughput"]);
    expect(change.categories).toEqual(["record-only"]);
  });

  it("naming warm throughput for the first time is a raise that warns AWS may already be above it", () => {
    const live = onDemandTable();
    const plan = planTableChange(
      live,
      changed(live, (r) => {
        r.warmThroughput = { writeUnitsPerSecond: 8_000 };
      }),
    );
    const change = changeOf(plan, "WARM_THROUGHPUT_INCREASED");
    expect(change.impact).toContain("DynamoDB refuses this as a decrease");
  });
});
