import type { TierPolicy } from "../policy/schema";
import { findMrscRegionSet } from "../regions";
import type { DrPattern, TableRequest } from "../request/schema";
import { deriveDrPattern, hasCrossRegionBackupCopy } from "./derive-pattern";
import { DR_PATTERN_INFO } from "./patterns";
import type { DrIssue } from "./types";

const GLOBAL_TABLE_PATTERNS: readonly DrPattern[] = ["ACTIVE_PASSIVE", "ACTIVE_ACTIVE_MREC", "MRSC"];

/** True when the request keeps its data in a second Region: a replica, or a cross-Region backup copy. */
export function survivesRegionLoss(request: TableRequest): boolean {
  const hasRemoteReplica = request.regions.replicas.some((r) => r.region !== request.regions.primary);
  return hasRemoteReplica || hasCrossRegionBackupCopy(request);
}

/**
 * Checks that the pattern and the request describe the same thing. A chosen pattern must be the
 * one the request's shape realises (the rule validation's DR_PATTERN_MISMATCH also enforces);
 * here each mismatch gets a code that says what to change. MRSC's three-Region rule and witness
 * placement are checked either way, because a preview of a layout AWS refuses would mislead.
 */
export function checkPatternConsistency(request: TableRequest, pattern: DrPattern, derived: boolean): DrIssue[] {
  const issues: DrIssue[] = [];
  const { regions } = request;
  const replicas = regions.replicas;
  const name = DR_PATTERN_INFO[pattern].name;
  const add = (
    code: string,
    severity: DrIssue["severity"],
    path: string,
    message: string,
    source: DrIssue["source"] = "advice",
  ) => issues.push({ code, severity, path, message, source });

  if (!derived) {
    // MRSC's own Region count check below says more than "needs replicas".
    if (GLOBAL_TABLE_PATTERNS.includes(pattern) && pattern !== "MRSC" && replicas.length === 0) {
      add(
        "DR_PATTERN_NEEDS_REPLICAS",
        "error",
        "regions.replicas",
        `${name} needs at least one replica Region; this request has only ${regions.primary}.`,
      );
    }
    if (!GLOBAL_TABLE_PATTERNS.includes(pattern) && replicas.length > 0) {
      add(
        "DR_PATTERN_HAS_REPLICAS",
        "error",
        "drPattern",
        `${name} is a one-Region pattern, but the request has replicas (${replicas.map((r) => r.region).join(", ")}); choose ACTIVE_PASSIVE or ACTIVE_ACTIVE_MREC, or remove the replicas.`,
      );
    }
    if (pattern === "ACTIVE_PASSIVE" && regions.consistency === "EVENTUAL") {
      replicas.forEach((replica, index) => {
        if (replica.role === "ACTIVE") {
          add(
            "DR_ACTIVE_PASSIVE_ACTIVE_REPLICA",
            "error",
            `regions.replicas[${index}].role`,
            `Active-passive keeps every replica as a standby, but ${replica.region} is ACTIVE (it would take traffic: that is active-active). Set its role to STANDBY or choose ACTIVE_ACTIVE_MREC.`,
          );
        }
      });
    }
    if (
      pattern === "ACTIVE_ACTIVE_MREC" &&
      regions.consistency === "EVENTUAL" &&
      replicas.length > 0 &&
      replicas.every((r) => r.role === "STANDBY")
    ) {
      add(
        "DR_ACTIVE_ACTIVE_NO_ACTIVE_REPLICA",
        "error",
        "regions.replicas",
        "Active-active, but every replica is STANDBY, so no second Region takes traffic. Mark a replica ACTIVE or choose ACTIVE_PASSIVE.",
      );
    }
    if (pattern === "MRSC" && regions.consistency !== "STRONG") {
      add(
        "DR_MRSC_NEEDS_STRONG",
        "error",
        "regions.consistency",
        "MRSC needs regions.consistency STRONG; it can only be set when the global table is created.",
        "aws",
      );
    }
    if (pattern !== "MRSC" && regions.consistency === "STRONG") {
      add(
        "DR_STRONG_NEEDS_MRSC",
        "error",
        "drPattern",
        `regions.consistency is STRONG, which is the MRSC pattern, not ${name}.`,
      );
    }
    if (pattern === "BACKUP_CROSS_REGION_COPY" && !hasCrossRegionBackupCopy(request)) {
      add(
        "DR_BACKUP_COPY_MISSING",
        "error",
        "backup.copyRegion",
        "Backup with cross-Region copy needs backup.enabled and a backup.copyRegion other than the primary Region.",
      );
    }
    if (pattern === "SINGLE_REGION_PITR" && hasCrossRegionBackupCopy(request)) {
      add(
        "DR_SINGLE_REGION_HAS_BACKUP_COPY",
        "error",
        "drPattern",
        `The request copies backups to ${request.backup?.copyRegion}: that is BACKUP_CROSS_REGION_COPY, not ${name}.`,
      );
    }
    const expected = deriveDrPattern(request);
    if (issues.length === 0 && expected !== pattern) {
      // A safety net: every known mismatch has its own code above.
      add("DR_PATTERN_MISMATCH", "error", "drPattern", `The request describes ${expected}, not ${pattern}.`);
    }
  }

  if (regions.witness && regions.consistency !== "STRONG") {
    add(
      "DR_WITNESS_WITHOUT_MRSC",
      "error",
      "regions.witness",
      "A witness exists only under MRSC (regions.consistency STRONG).",
      "aws",
    );
  }
  if (pattern === "MRSC" || regions.consistency === "STRONG") issues.push(...checkMrscLayout(request));

  if (request.backup?.enabled && request.backup.copyRegion === regions.primary) {
    add(
      "DR_BACKUP_COPY_SAME_REGION",
      pattern === "BACKUP_CROSS_REGION_COPY" ? "error" : "warning",
      "backup.copyRegion",
      `The backup copy goes to ${regions.primary}, the primary Region itself: it does not survive the loss of that Region.`,
    );
  }

  const seen = new Set<string>([regions.primary]);
  replicas.forEach((replica, index) => {
    if (seen.has(replica.region)) {
      add(
        "DR_DUPLICATE_REGION",
        "error",
        `regions.replicas[${index}].region`,
        `${replica.region} appears twice (a global table has one replica per Region, none in its own Region); the preview shows it once.`,
        "aws",
      );
    }
    seen.add(replica.region);
  });

  const hasPitrSomewhere = request.pointInTimeRecovery.enabled || replicas.some((r) => r.pointInTimeRecovery === true);
  if (!hasPitrSomewhere) {
    add(
      "DR_PITR_DISABLED",
      "warning",
      "pointInTimeRecovery.enabled",
      replicas.length > 0
        ? "PITR is off in every Region: replication copies a bad write or delete to all Regions within seconds, and only a backup, if any, can undo it."
        : "PITR is off: a bad write or delete can be undone only from a backup, if there is one.",
    );
  }
  return issues;
}

function checkMrscLayout(request: TableRequest): DrIssue[] {
  const issues: DrIssue[] = [];
  const { primary, replicas, witness } = request.regions;
  const tableRegions = [primary, ...replicas.map((r) => r.region)];
  const all = witness ? [...tableRegions, witness] : tableRegions;
  if (all.length !== 3 || (witness && tableRegions.length !== 2)) {
    issues.push({
      code: "DR_MRSC_REGION_COUNT",
      severity: "error",
      path: "regions",
      source: "aws",
      message: `MRSC needs exactly three Regions: three replicas, or two plus a witness; this request has ${tableRegions.length} table Region(s)${witness ? " and a witness" : ""}.`,
    });
  } else if (!findMrscRegionSet(all)) {
    issues.push({
      code: "DR_MRSC_REGION_SET",
      severity: "error",
      path: "regions",
      source: "aws",
      message: `MRSC Regions must all be in one Region set (US: us-east-1, us-east-2, us-west-2; EU: eu-west-1, eu-west-2, eu-west-3, eu-central-1; AP: ap-northeast-1, ap-northeast-2, ap-northeast-3); got ${all.join(", ")}.`,
    });
  }
  if (witness && tableRegions.includes(witness)) {
    issues.push({
      code: "DR_WITNESS_SAME_REGION",
      severity: "error",
      path: "regions.witness",
      source: "aws",
      message: `The witness must be in a Region without a replica; ${witness} already holds one.`,
    });
  }
  return issues;
}

/**
 * The tier policy's say: whether the tier may use this pattern, and whether a tier that must
 * survive a Region loss keeps its data somewhere else.
 */
export function checkTierPolicy(request: TableRequest, pattern: DrPattern, policy: TierPolicy): DrIssue[] {
  const rules = policy.tiers[request.tier];
  const issues: DrIssue[] = [];
  if (!rules.allowedDrPatterns.includes(pattern)) {
    issues.push({
      code: "DR_PATTERN_NOT_ALLOWED",
      severity: "error",
      path: "drPattern",
      source: "policy",
      message: `The ${request.tier} tier allows ${rules.allowedDrPatterns.join(", ")}; this request is ${pattern}.`,
    });
  }
  if (rules.mustSurviveRegionLoss && !survivesRegionLoss(request)) {
    issues.push({
      code: "DR_REGION_LOSS_NOT_SURVIVED",
      severity: "error",
      path: "regions",
      source: "policy",
      message: `The ${request.tier} tier must survive the loss of a Region: add a replica in another Region, or a backup copy (backup.copyRegion) outside ${request.regions.primary}.`,
    });
  }
  return issues;
}
