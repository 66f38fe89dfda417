import type { DrPattern } from "../request/schema";
import type { IssueSource } from "../validation/types";

/** A recovery objective in words, with the AWS-documented basis it rests on. */
export interface Objective {
  /** What a reader sees, e.g. "Seconds (usually under 1 s)". */
  value: string;
  /** The source, as a citation string from `shared/reference/dynamodb-facts.md`. */
  basis: string;
}

export const DR_REGION_ROLES = ["PRIMARY", "ACTIVE_REPLICA", "STANDBY", "WITNESS", "BACKUP_COPY_TARGET"] as const;
/** What a Region does in the pattern. */
export type DrRegionRole = (typeof DR_REGION_ROLES)[number];

/** What happens when this Region is lost: what moves, how, who acts, and the steps. */
export interface Failover {
  what: string;
  how: string;
  who: string;
  runbook: string[];
}

/** One Region of the preview. RPO, RTO and failover describe the loss of THIS Region. */
export interface DrRegion {
  region: string;
  regionName: string;
  role: DrRegionRole;
  /** What data the Region holds (table, restore points, backup copies, quorum data). */
  holds: string;
  takesReads: boolean;
  takesWrites: boolean;
  /** Whether this Region's table has PITR (false where there is no table: witness, copy target). */
  pointInTimeRecovery: boolean;
  rpo: Objective;
  rto: Objective;
  failover: Failover;
  /** From the cost estimate, when the caller passed one. */
  monthlyCostUsd?: number;
  /** Fraction (0-1) of the estimate's total, when the caller passed one. */
  costShare?: number;
  /** The estimate's notes for this Region (what it could not price, and why). */
  costNotes?: string[];
  warnings: string[];
}

export type DrEdgeKind = "replication" | "backup-copy" | "witness";

/** A data flow between two Regions. Replication in global tables flows both ways. */
export interface DrEdge {
  from: string;
  to: string;
  kind: DrEdgeKind;
  bidirectional: boolean;
}

export type DrIssueSeverity = "error" | "warning";

/**
 * Same shape as the validation issues (`path` like `regions.replicas[0].role`), so the form and
 * the API can show them as-is. A finding validation also makes has validation's code, severity
 * and source (see `previewOnlyIssues`); DR_PITR_DISABLED is the preview's own.
 */
export interface DrIssue {
  code: string;
  severity: DrIssueSeverity;
  message: string;
  path: string;
  source: IssueSource;
}

/** Everything the portal shows before a team asks for a table: what happens when a Region fails. */
export interface DrPreview {
  pattern: DrPattern;
  /** True when the request left `drPattern` out and the pattern was derived from the request. */
  derived: boolean;
  /**
   * The pattern the requester chose when the request does not realise it (a DR_PATTERN_MISMATCH
   * issue says why). `pattern` is always what the request builds.
   */
  chosenPattern?: DrPattern;
  /** The pattern's display name. */
  name: string;
  summary: string;
  /** Pattern-level objectives (the facts table), before per-Region detail. */
  rpo: Objective;
  rto: Objective;
  regions: DrRegion[];
  edges: DrEdge[];
  issues: DrIssue[];
  /** Whether the request keeps data (a replica or a backup copy) outside the primary Region. */
  survivesRegionLoss: boolean;
}
