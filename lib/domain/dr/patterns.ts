import type { DrPattern } from "../request/schema";
import { CITATIONS } from "./citations";
import type { Objective } from "./types";

/** One DR pattern as data: what it is, its objectives with their sources, and what drives its cost. */
export interface DrPatternInfo {
  pattern: DrPattern;
  name: string;
  summary: string;
  rpo: Objective;
  rto: Objective;
  costDrivers: string[];
  constraints: string[];
  /** Whether the pattern keeps a copy of the data outside the primary Region. */
  survivesRegionLoss: boolean;
}

/** The five patterns of facts section C, in order of increasing cost and protection. */
export const DR_PATTERN_INFO: Record<DrPattern, DrPatternInfo> = {
  SINGLE_REGION_PITR: {
    pattern: "SINGLE_REGION_PITR",
    name: "Single Region with PITR",
    summary:
      "One table in one Region with point-in-time recovery. Protects against bad writes and deletes, not against the loss of the Region.",
    rpo: { value: "About 5 minutes (PITR)", basis: CITATIONS.pitrRestorePoint },
    rto: { value: "Under 1 hour for 95% of restores, plus re-configuration", basis: CITATIONS.pitrRestoreTime },
    costDrivers: ["PITR storage per GB-month", "Restore per GB"],
    constraints: [
      "99.99% SLA only",
      "A restore creates a new table",
      "Disabling and re-enabling PITR resets the recovery window",
    ],
    survivesRegionLoss: false,
  },
  BACKUP_CROSS_REGION_COPY: {
    pattern: "BACKUP_CROSS_REGION_COPY",
    name: "Backup with cross-Region copy",
    summary:
      "One table; AWS Backup takes scheduled backups and copies each one to a vault in another Region, from which the table can be restored if the primary Region is lost.",
    rpo: { value: "The backup interval (plus copy time)", basis: CITATIONS.backupSchedule },
    rto: { value: "Hours: restore from the copy into a new table", basis: CITATIONS.backupRestore },
    costDrivers: ["Vault storage (warm/cold)", "Cross-Region copy transfer", "Restore per GB"],
    constraints: [
      "Needs AWS Backup advanced features (opt-in)",
      "Minimum backup interval 60 minutes",
      "A restore creates a new table",
    ],
    survivesRegionLoss: true,
  },
  ACTIVE_PASSIVE: {
    pattern: "ACTIVE_PASSIVE",
    name: "Active-passive (global table standby)",
    summary:
      "A global table (MREC) whose replica is kept as a standby: traffic goes to the primary, and moves to the standby when the primary Region fails.",
    rpo: { value: "Seconds (usually under 1 s, no SLA)", basis: CITATIONS.replicationLatency },
    rto: { value: "Minutes: shift traffic to the standby", basis: CITATIONS.everyReplicaWritable },
    costDrivers: [
      "Replicated writes (rWRU/rWCU) in every Region",
      "Replica storage",
      "Cross-Region transfer",
      "GSI writes in each Region",
      "Standby may use Standard-IA",
    ],
    constraints: ["Last writer wins", "Unreplicated writes from a failed Region arrive when it recovers"],
    survivesRegionLoss: true,
  },
  ACTIVE_ACTIVE_MREC: {
    pattern: "ACTIVE_ACTIVE_MREC",
    name: "Active-active (MREC)",
    summary:
      "A global table with multi-Region eventual consistency: every Region takes reads and writes; when one fails, clients route to the others.",
    rpo: { value: "Seconds (usually under 1 s, no SLA)", basis: CITATIONS.replicationLatency },
    rto: { value: "Near zero: route away", basis: CITATIONS.mrecRouteAway },
    costDrivers: ["As active-passive", "Reads in each Region"],
    constraints: ["99.999% SLA", "Transactions are atomic only in their own Region", "Last writer wins"],
    survivesRegionLoss: true,
  },
  MRSC: {
    pattern: "MRSC",
    name: "Multi-Region strong consistency (MRSC)",
    summary:
      "A global table with strong consistency across three Regions (three replicas, or two plus a witness): an acknowledged write is never lost.",
    rpo: { value: "Zero", basis: CITATIONS.mrscZeroRpo },
    rto: { value: "Near zero: route away", basis: CITATIONS.mrscRto },
    costDrivers: ["Three Regions, or two plus a witness (witness price not published)", "Replicated writes"],
    constraints: [
      "Exactly three Regions in one Region set",
      "No TTL, LSIs or transactions",
      "ReplicatedWriteConflictException on concurrent writes",
      "Higher write latency",
    ],
    survivesRegionLoss: true,
  },
};
