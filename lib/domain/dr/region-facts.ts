import { isAwsRegion, REGION_NAMES } from "../regions";
import type { DrPattern, Replica, TableRequest } from "../request/schema";
import { type BackupInterval, describeBackupInterval } from "./backup-interval";
import { CITATIONS } from "./citations";
import { hasCrossRegionBackupCopy } from "./derive-pattern";
import type { DrRegion, Failover, Objective } from "./types";

/** What every per-Region builder needs to know about the request as a whole. */
export interface RegionContext {
  request: TableRequest;
  pattern: DrPattern;
  /** Regions holding a table other than the one being described, for "route to X, Y" texts. */
  tableRegions: string[];
  interval: BackupInterval | undefined;
}

type RegionFacts = Omit<DrRegion, "monthlyCostUsd" | "costShare">;

/** What a restored table lacks and must be given again; PITR only where the request has it on. */
function reapplied(request: TableRequest): string {
  return request.pointInTimeRecovery.enabled
    ? "auto scaling, alarms, IAM policies, tags, streams, TTL and PITR"
    : "auto scaling, alarms, IAM policies, tags, streams and TTL";
}

function restoreWarning(request: TableRequest): string {
  return `A restore creates a NEW table: ${reapplied(request)} must be re-applied, and the application re-pointed.`;
}
const LWW_WARNING =
  "Last writer wins: concurrent writes to the same item in two Regions are settled silently, and transactions are atomic only in the Region where they ran.";
const REPLICATION_SLA_WARNING =
  "There is no SLA on ReplicationLatency: alarm on it (alarms.replicationLatencyMsThreshold) rather than assume it stays under a second.";
const MRSC_WRITE_WARNING =
  "Writes wait for another Region, so they are slower than in one Region; a concurrent write to the same item from another Region fails with ReplicatedWriteConflictException and must be retried.";
const MRSC_UNSUPPORTED_WARNING = "MRSC does not support TTL, local secondary indexes or transactions.";
const CONTROL_PLANE_WARNING =
  "The module manages the global table from this Region: while it is down, Terraform cannot change the table (the data plane in other Regions is unaffected).";
const BACKUP_INTERVAL_WARNING =
  "AWS Backup rejects schedules more frequent than every 60 minutes, so a backup copy can never give an RPO under an hour.";

/** Human name of a Region, falling back to the code for anything outside the list. */
export function regionNameOf(region: string): string {
  return isAwsRegion(region) ? REGION_NAMES[region] : region;
}

function list(regions: readonly string[]): string {
  if (regions.length === 0) return "no other Region";
  if (regions.length === 1) return regions[0] as string;
  return `${regions.slice(0, -1).join(", ")} or ${regions[regions.length - 1]}`;
}

function restorePointsText(enabled: boolean, days: number): string {
  return enabled ? `, PITR restore points for ${days} days` : "";
}

/** The backup interval when AWS Backup is on, for RPO texts. */
export function backupIntervalOf(request: TableRequest): BackupInterval | undefined {
  return request.backup?.enabled ? describeBackupInterval(request.backup.schedule) : undefined;
}

/** The primary Region: where the module creates the table and, for global tables, manages it from. */
export function primaryRegionFacts(ctx: RegionContext): RegionFacts {
  const { request, pattern } = ctx;
  const region = request.regions.primary;
  const pitr = request.pointInTimeRecovery;
  const backupText = request.backup?.enabled ? ", AWS Backup recovery points in its local vault" : "";
  const base = {
    region,
    regionName: regionNameOf(region),
    role: "PRIMARY" as const,
    takesReads: true,
    takesWrites: true,
    pointInTimeRecovery: pitr.enabled,
  };
  const table = pattern === "MRSC" ? "The table (strongly consistent replica) and its GSIs" : "The table and its GSIs";
  const holds = `${table}${restorePointsText(pitr.enabled, pitr.recoveryPeriodInDays)}${backupText}.`;

  switch (pattern) {
    case "SINGLE_REGION_PITR":
    case "BACKUP_CROSS_REGION_COPY": {
      if (pattern === "BACKUP_CROSS_REGION_COPY" && hasCrossRegionBackupCopy(request)) {
        return { ...base, holds, ...backupRestoreFailover(ctx) };
      }
      return { ...base, holds, ...singleRegionFailover(ctx) };
    }
    case "ACTIVE_PASSIVE":
      if (request.regions.replicas.some((r) => r.role === "STANDBY")) {
        return { ...base, holds, ...activePassivePrimaryFailover(ctx) };
      }
      return { ...base, holds, ...activeActiveFailover(ctx, true) };
    case "ACTIVE_ACTIVE_MREC":
      return { ...base, holds, ...activeActiveFailover(ctx, true) };
    case "MRSC":
      return { ...base, holds, ...mrscFailover(ctx, true) };
  }
}

type FailoverFacts = { rpo: Objective; rto: Objective; failover: Failover; warnings: string[] };

function singleRegionFailover(ctx: RegionContext): FailoverFacts {
  const { request, interval } = ctx;
  const pitr = request.pointInTimeRecovery.enabled;
  const backup = Boolean(request.backup?.enabled);
  const badWrite = pitr
    ? "about 5 minutes via PITR"
    : backup
      ? `up to ${interval?.label ?? "the backup interval"} (AWS Backup; PITR is off)`
      : "everything since the last manual backup (PITR and AWS Backup are off)";
  const warnings = [
    "No copy of the data outside this Region: a Region outage means waiting for AWS.",
    restoreWarning(request),
  ];
  if (!pitr) warnings.push("PITR is off: turn it on (it is cheap next to the data it saves).");
  const restoreTime = pitr || backup ? "under 1 hour for 95% of restores" : "only from a manual backup, if one exists";
  return {
    rpo: {
      value: `Region loss: not covered (no copy elsewhere). Bad writes or deletes: ${badWrite}.`,
      basis: `${CITATIONS.noCopyOutsideRegion}; ${pitr ? CITATIONS.pitrRestorePoint : backup ? CITATIONS.backupSchedule : CITATIONS.manualBackupOnly}`,
    },
    rto: {
      value: `Region loss: until AWS restores the Region. Restore after bad writes: ${restoreTime}, plus re-configuration.`,
      basis: `${CITATIONS.singleRegionSla}; ${pitr ? CITATIONS.pitrRestoreTime : backup ? CITATIONS.backupRestore : CITATIONS.manualBackupOnly}`,
    },
    failover: {
      what: "Nothing fails over: there is no second Region.",
      how: `During an outage, serve the service's degraded mode and wait. After bad writes or deletes, restore ${pitr ? "to a point in time" : backup ? "the latest AWS Backup recovery point" : "a manual backup, if there is one,"} into a new table and switch the application to it.`,
      who: "The owning team's on-call; the platform team brings the restored table back under Terraform.",
      runbook: [
        "Check the AWS Health Dashboard: is it a Region outage or a data problem?",
        "Region outage: switch the service to its degraded mode and wait; there is no other Region to move to.",
        ...restoreSteps(request),
        `Re-apply what a restore does not carry: ${reapplied(request)}.`,
        "Switch the application to the restored table, then import it into the Terraform state so the module manages it again.",
      ],
    },
    warnings,
  };
}

/** How to undo bad writes with the restore points the request really has. */
function restoreSteps(request: TableRequest): string[] {
  const name = request.tableName;
  if (request.pointInTimeRecovery.enabled) {
    return [
      "Data problem: pick the restore time just before the bad write (the latest restorable time is about 5 minutes behind now).",
      `Restore into a new table: aws dynamodb restore-table-to-point-in-time --source-table-name ${name} --target-table-name ${name}-restored --restore-date-time <time>.`,
    ];
  }
  if (request.backup?.enabled) {
    return [
      `Data problem: in the backup vault, pick the newest recovery point of ${name} taken before the bad write (PITR is off, so there is nothing finer).`,
      "Restore it into a new table (AWS Backup console or aws backup start-restore-job).",
    ];
  }
  return [
    `Data problem: PITR and AWS Backup are off, so only a manual backup can help: aws dynamodb list-backups --table-name ${name}.`,
    `If one exists, restore it into a new table: aws dynamodb restore-table-from-backup --target-table-name ${name}-restored --backup-arn <arn>.`,
  ];
}

function backupRestoreFailover(ctx: RegionContext): FailoverFacts {
  const { request, interval } = ctx;
  const copyRegion = request.backup?.copyRegion as string;
  const gap = interval?.label ?? "the backup interval";
  return {
    rpo: {
      value: `Up to ${gap} plus the copy time: writes after the latest backup copied to ${copyRegion} are lost.`,
      basis: CITATIONS.backupSchedule,
    },
    rto: {
      value: `Hours: restore the latest copy in ${copyRegion} into a new table (95% of restores under 1 hour), re-configure, re-point.`,
      basis: CITATIONS.backupRestore,
    },
    failover: {
      what: `The table is re-created in ${copyRegion} from the latest copied recovery point.`,
      how: `An AWS Backup restore job in ${copyRegion} into a new table; re-apply its settings; point the application at ${copyRegion}.`,
      who: "The owning team declares the disaster; the platform team runs the restore (it holds the copy vault and its KMS key).",
      runbook: [
        "Confirm the Region outage on the AWS Health Dashboard and decide not to wait for the Region.",
        `In ${copyRegion}, open the copy vault and pick the newest recovery point of ${request.tableName}; its creation time is your data-loss point.`,
        `Start a restore job into a new table in ${copyRegion} (AWS Backup console or aws backup start-restore-job).`,
        `Re-apply ${reapplied(request)} on the new table.`,
        `Point the application at the new table in ${copyRegion}.`,
        "When the primary Region returns, decide which table is authoritative: writes after the last backup exist only in the old table.",
      ],
    },
    warnings: [
      restoreWarning(request),
      BACKUP_INTERVAL_WARNING,
      "Test a restore from the copy vault regularly: a copy nobody restored is a hope, not a plan.",
    ],
  };
}

function activePassivePrimaryFailover(ctx: RegionContext): FailoverFacts {
  const standbys = ctx.request.regions.replicas.filter((r) => r.role === "STANDBY").map((r) => r.region);
  const target = list(standbys);
  return {
    rpo: {
      value: `Seconds: writes not yet replicated to ${target} (usually under 1 s, no SLA); they arrive when this Region recovers.`,
      basis: `${CITATIONS.replicationLatency}; ${CITATIONS.unreplicatedWrites}`,
    },
    rto: {
      value: `Minutes: shift traffic to the standby in ${target}, which is always writable.`,
      basis: CITATIONS.everyReplicaWritable,
    },
    failover: {
      what: `All application traffic (reads and writes) moves to the standby in ${target}.`,
      how: `Switch the Region the application uses to ${target} (configuration flag or Route 53 failover record). No DynamoDB call is needed: every replica accepts writes.`,
      who: "The owning team's on-call decides and switches; Route 53 health checks can automate it.",
      runbook: [
        "Confirm the primary Region is impaired (AWS Health Dashboard, DynamoDB error and latency alarms).",
        `Read the last ReplicationLatency to ${target}: roughly the writes still in flight.`,
        `Switch the application's DynamoDB Region to ${target}.`,
        "Watch the standby's throttling and errors while it takes the full load.",
        "Do not run Terraform against the table while this Region is down: the module manages it from here.",
        "When this Region recovers, its unreplicated writes arrive (last writer wins); reconcile the items written around the failure, then switch back.",
      ],
    },
    warnings: [LWW_WARNING, REPLICATION_SLA_WARNING, CONTROL_PLANE_WARNING],
  };
}

function activeActiveFailover(ctx: RegionContext, isPrimary: boolean): FailoverFacts {
  const others = list(ctx.tableRegions);
  const runbook = [
    "Confirm the Region is impaired (AWS Health Dashboard, DynamoDB error and latency alarms).",
    `Check that routing moved this Region's clients to ${others} (Route 53 health checks or the client's Region list); move them by hand if not.`,
    `Watch capacity in ${others}: they now carry this Region's load.`,
  ];
  if (isPrimary)
    runbook.push("Do not run Terraform against the table while this Region is down: the module manages it from here.");
  runbook.push(
    "When the Region recovers, its unreplicated writes arrive and conflicts are settled by last writer wins: check items written in both Regions around the failure.",
    "Route traffic back.",
  );
  const warnings = [LWW_WARNING, REPLICATION_SLA_WARNING];
  if (isPrimary) warnings.push(CONTROL_PLANE_WARNING);
  return {
    rpo: {
      value:
        "Seconds: writes made here and not yet replicated (usually under 1 s, no SLA); they arrive when the Region recovers.",
      basis: `${CITATIONS.replicationLatency}; ${CITATIONS.unreplicatedWrites}`,
    },
    rto: { value: `Near zero: clients route to ${others}.`, basis: CITATIONS.mrecRouteAway },
    failover: {
      what: `This Region's clients move to ${others}.`,
      how: "Latency or failover routing with health checks (Route 53), or a Region list in the client; no DynamoDB call is needed.",
      who: "Automated routing; the owning team's on-call confirms and watches capacity.",
      runbook,
    },
    warnings,
  };
}

function mrscFailover(ctx: RegionContext, isPrimary: boolean): FailoverFacts {
  const others = list(ctx.tableRegions);
  const runbook = [
    "Confirm the Region is impaired (AWS Health Dashboard, DynamoDB error and latency alarms).",
    `Check that routing moved this Region's clients to ${others}; move them by hand if not.`,
    `Check that writes succeed in ${others}: under MRSC each write needs another Region to acknowledge it.`,
  ];
  if (isPrimary)
    runbook.push("Do not run Terraform against the table while this Region is down: the module manages it from here.");
  runbook.push("When the Region recovers it catches up by itself; route traffic back.");
  const warnings = [MRSC_WRITE_WARNING, MRSC_UNSUPPORTED_WARNING];
  if (isPrimary) warnings.push(CONTROL_PLANE_WARNING);
  return {
    rpo: { value: "Zero: a write is acknowledged only after another Region has it.", basis: CITATIONS.mrscZeroRpo },
    rto: { value: `Near zero: clients route to ${others}.`, basis: CITATIONS.mrscRto },
    failover: {
      what: `This Region's clients move to ${others}; every replica serves strongly consistent reads and writes.`,
      how: "Latency or failover routing with health checks (Route 53), or a Region list in the client; no DynamoDB call is needed.",
      who: "Automated routing; the owning team's on-call confirms.",
      runbook,
    },
    warnings,
  };
}

/** A replica Region: an active replica, or a standby kept for failover. */
export function replicaRegionFacts(ctx: RegionContext, replica: Replica): RegionFacts {
  const { request, pattern } = ctx;
  const pitr = replica.pointInTimeRecovery ?? request.pointInTimeRecovery.enabled;
  const tableClass = replica.tableClass ?? request.tableClass;
  const iaText = tableClass === "STANDARD_INFREQUENT_ACCESS" ? " (Standard-IA table class)" : "";
  const kind = pattern === "MRSC" ? "strongly consistent replica" : "replica";
  const holds = `A full ${kind} of the table and its GSIs${iaText}${restorePointsText(pitr, request.pointInTimeRecovery.recoveryPeriodInDays)}.`;
  const isStandby = replica.role === "STANDBY" && pattern !== "MRSC";
  const base = {
    region: replica.region,
    regionName: regionNameOf(replica.region),
    pointInTimeRecovery: pitr,
    holds,
  };
  const iaWarnings =
    tableClass === "STANDARD_INFREQUENT_ACCESS"
      ? [
          "Standard-IA: storage is ~60% cheaper but reads and writes ~25% dearer, and replicated writes land here too; the module sets it with aws_dynamodb_table_replica table_class_override.",
        ]
      : [];
  if (pattern === "MRSC") {
    const facts = mrscFailover(ctx, false);
    const warnings = [...facts.warnings, ...iaWarnings];
    if (replica.role === "STANDBY") {
      warnings.push(
        "Under MRSC every replica takes strongly consistent reads and writes; STANDBY is only a routing label.",
      );
    }
    return { ...base, role: "ACTIVE_REPLICA", takesReads: true, takesWrites: true, ...facts, warnings };
  }
  if (isStandby) {
    const primary = request.regions.primary;
    return {
      ...base,
      role: "STANDBY",
      takesReads: false,
      takesWrites: false,
      rpo: {
        value: `Zero for the application: ${primary} keeps all data, and writes for this replica wait until it recovers.`,
        basis: CITATIONS.unreplicatedWrites,
      },
      rto: { value: "Zero: no traffic runs here.", basis: CITATIONS.everyReplicaWritable },
      failover: {
        what: "Nothing fails over; until this Region recovers there is no standby.",
        how: `Keep serving from ${primary}; replication catches up by itself when this Region returns.`,
        who: "The owning team's on-call watches ReplicationLatency.",
        runbook: [
          "Check that no traffic is routed to this Region.",
          "Expect ReplicationLatency alarms for this replica; they clear when it recovers.",
          "If the outage is long and the tier must survive a Region loss, consider adding a replica in another Region (it backfills and is billed like a restore).",
        ],
      },
      warnings: [
        "STANDBY is a routing convention: DynamoDB accepts writes here too; keep clients away, or conflicts are settled by last writer wins.",
        ...iaWarnings,
      ],
    };
  }
  const facts = activeActiveFailover(ctx, false);
  return {
    ...base,
    role: "ACTIVE_REPLICA",
    takesReads: true,
    takesWrites: true,
    ...facts,
    warnings: [...facts.warnings, ...iaWarnings],
  };
}

/** The MRSC witness: a quorum member with no readable table. */
export function witnessRegionFacts(ctx: RegionContext, region: string): RegionFacts {
  return {
    region,
    regionName: regionNameOf(region),
    role: "WITNESS",
    holds:
      "No readable table: it receives the replicated writes so that it can stand in for a third replica in MRSC's write quorum.",
    takesReads: false,
    takesWrites: false,
    pointInTimeRecovery: false,
    rpo: { value: "Zero: both replicas keep every acknowledged write.", basis: CITATIONS.mrscZeroRpo },
    rto: { value: `Zero: ${list(ctx.tableRegions)} keep serving.`, basis: CITATIONS.mrscRto },
    failover: {
      what: "Nothing fails over.",
      how: "AWS runs the witness; there is nothing to switch.",
      who: "AWS; the owning team only watches.",
      runbook: [
        "Nothing to switch: both replicas keep serving.",
        "Until the witness returns, avoid planned changes in the replica Regions: one more Region loss would leave MRSC without another Region to acknowledge writes.",
      ],
    },
    warnings: [
      "The witness price is not published in the sources we use; it is not in the estimate.",
      MRSC_UNSUPPORTED_WARNING,
    ],
  };
}

/** The Region that receives the AWS Backup copies: a vault, no live table. */
export function backupCopyRegionFacts(ctx: RegionContext, region: string): RegionFacts {
  const { request } = ctx;
  const backup = request.backup;
  const days = backup?.copyRetentionDays ?? backup?.retentionDays ?? 0;
  const primary = request.regions.primary;
  return {
    region,
    regionName: regionNameOf(region),
    role: "BACKUP_COPY_TARGET",
    holds: `Copies of the AWS Backup recovery points (kept ${days} days) in a backup vault; no live table.`,
    takesReads: false,
    takesWrites: false,
    pointInTimeRecovery: false,
    rpo: {
      value: `Zero for the live table, which is in ${primary}; the copies here are out of reach until this Region recovers.`,
      basis: CITATIONS.backupRestore,
    },
    rto: { value: `Zero: the table in ${primary} keeps serving.`, basis: CITATIONS.backupRestore },
    failover: {
      what: "Nothing fails over.",
      how: `Copy jobs fail until this Region recovers; ${primary} keeps taking backups in its own vault.`,
      who: "The platform team (it owns the backup plan).",
      runbook: [
        "Watch AWS Backup for failed copy jobs to this vault.",
        "If the outage lasts longer than the tier tolerates, point the backup plan's copy rule at another Region and apply.",
        "After recovery, confirm that the next copy job succeeds.",
      ],
    },
    warnings: [
      BACKUP_INTERVAL_WARNING,
      `Needs AWS Backup advanced features for DynamoDB (opt-in) and a KMS key in ${region}.`,
    ],
  };
}
