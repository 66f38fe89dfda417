import type { TierPolicy } from "../policy/schema";
import { findMrscRegionSet } from "../regions";
import type { DrPattern, TableRequest } from "../request/schema";
import { VALIDATION_CODES, type ValidationCode } from "../validation/codes";
import { pitrOffIsReported } from "../validation/rules/pitr";
import type { ValidationIssue } from "../validation/types";
import { type DrPatternInput, deriveDrPattern, hasCrossRegionBackupCopy, survivesRegionLoss } from "./derive-pattern";
import { DR_PATTERN_INFO } from "./patterns";
import type { DrIssue, DrPreview } from "./types";

const GLOBAL_TABLE_PATTERNS: readonly DrPattern[] = ["ACTIVE_PASSIVE", "ACTIVE_ACTIVE_MREC", "MRSC"];

/** The ways a chosen pattern can differ from the one the request realises. */
export type PatternMismatchKind =
  | "NEEDS_REPLICAS"
  | "HAS_REPLICAS"
  | "ACTIVE_PASSIVE_ACTIVE_REPLICA"
  | "ACTIVE_ACTIVE_NO_ACTIVE_REPLICA"
  | "MRSC_NEEDS_STRONG"
  | "STRONG_NEEDS_MRSC"
  | "BACKUP_COPY_MISSING"
  | "SINGLE_REGION_HAS_BACKUP_COPY"
  | "OTHER";

/** One reason a chosen pattern does not fit the request: what to change, and the field it concerns. */
export interface PatternMismatch {
  kind: PatternMismatchKind;
  path: string;
  message: string;
}

/**
 * Why `pattern` is not the pattern the request realises (`deriveDrPattern`), one reason per thing
 * to change; empty exactly when they agree. Validation states these reasons in its
 * DR_PATTERN_MISMATCH issue, which is the only place a mismatch is reported.
 */
export function explainPatternMismatch(request: DrPatternInput, pattern: DrPattern): PatternMismatch[] {
  const expected = deriveDrPattern(request);
  if (expected === pattern) return [];
  const reasons: PatternMismatch[] = [];
  const { regions } = request;
  const replicas = regions.replicas;
  const name = DR_PATTERN_INFO[pattern].name;
  const add = (kind: PatternMismatchKind, path: string, message: string) => reasons.push({ kind, path, message });

  if (GLOBAL_TABLE_PATTERNS.includes(pattern) && pattern !== "MRSC" && replicas.length === 0) {
    add(
      "NEEDS_REPLICAS",
      "regions.replicas",
      `${name} needs at least one replica Region; this request has only ${regions.primary}.`,
    );
  }
  if (!GLOBAL_TABLE_PATTERNS.includes(pattern) && replicas.length > 0) {
    add(
      "HAS_REPLICAS",
      "drPattern",
      `${name} is a one-Region pattern, but the request has replicas (${replicas.map((r) => r.region).join(", ")}); choose ACTIVE_PASSIVE or ACTIVE_ACTIVE_MREC, or remove the replicas.`,
    );
  }
  if (pattern === "ACTIVE_PASSIVE" && regions.consistency === "EVENTUAL") {
    replicas.forEach((replica, index) => {
      if (replica.role === "ACTIVE") {
        add(
          "ACTIVE_PASSIVE_ACTIVE_REPLICA",
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
      "ACTIVE_ACTIVE_NO_ACTIVE_REPLICA",
      "regions.replicas",
      "Active-active, but every replica is STANDBY, so no second Region takes traffic. Mark a replica ACTIVE or choose ACTIVE_PASSIVE.",
    );
  }
  if (pattern === "MRSC" && regions.consistency !== "STRONG") {
    add(
      "MRSC_NEEDS_STRONG",
      "regions.consistency",
      "MRSC needs regions.consistency STRONG; it can only be set when the global table is created.",
    );
  }
  if (pattern !== "MRSC" && regions.consistency === "STRONG") {
    add("STRONG_NEEDS_MRSC", "drPattern", `regions.consistency is STRONG, which is the MRSC pattern, not ${name}.`);
  }
  if (pattern === "BACKUP_CROSS_REGION_COPY" && !hasCrossRegionBackupCopy(request)) {
    add(
      "BACKUP_COPY_MISSING",
      "backup.copyRegion",
      "Backup with cross-Region copy needs backup.enabled and a backup.copyRegion other than the primary Region.",
    );
  }
  if (pattern === "SINGLE_REGION_PITR" && hasCrossRegionBackupCopy(request)) {
    add(
      "SINGLE_REGION_HAS_BACKUP_COPY",
      "drPattern",
      `The request copies backups to ${request.backup?.copyRegion}: that is BACKUP_CROSS_REGION_COPY, not ${name}.`,
    );
  }
  // A safety net: every known mismatch has its own reason above.
  if (reasons.length === 0) add("OTHER", "drPattern", `The request describes ${expected}, not ${pattern}.`);
  return reasons;
}

/**
 * The message of a DR_PATTERN_MISMATCH issue: the chosen and the realised pattern, then each
 * thing to change. Undefined when the chosen pattern is the realised one. Validation and the
 * preview both use it, so the finding reads the same wherever it is shown.
 */
export function describePatternMismatch(request: DrPatternInput, pattern: DrPattern): string | undefined {
  const reasons = explainPatternMismatch(request, pattern);
  if (reasons.length === 0) return undefined;
  return `drPattern is ${pattern}, but the Regions, replicas and backup describe ${deriveDrPattern(request)}; change one or leave drPattern out. ${reasons.map((r) => r.message).join(" ")}`;
}

/**
 * The DR findings the preview shows. A finding validation also makes carries validation's code
 * (and the same condition), so `previewOnlyIssues` can drop it next to validation's list; the one
 * preview-only finding is DR_PITR_DISABLED, which is reported only where validation says nothing
 * about PITR (dev, or PITR on a replica only).
 */
export function checkPreviewIssues(request: TableRequest, pattern: DrPattern, policy: TierPolicy): DrIssue[] {
  const issues: DrIssue[] = [];
  const { regions } = request;
  const replicas = regions.replicas;
  const add = (code: ValidationCode, path: string, message: string) => {
    const { severity, source } = VALIDATION_CODES[code];
    issues.push({ code, severity, path, message, source });
  };

  const mismatch = describePatternMismatch(request, pattern);
  if (mismatch) add("DR_PATTERN_MISMATCH", "drPattern", mismatch);

  if (regions.witness && regions.consistency !== "STRONG") {
    add(
      "WITNESS_REQUIRES_STRONG_CONSISTENCY",
      "regions.witness",
      "A witness exists only under MRSC (regions.consistency STRONG).",
    );
  }
  if (regions.consistency === "STRONG") checkMrscLayout(request, add);

  if (request.backup?.enabled && request.backup.copyRegion === regions.primary) {
    add(
      "BACKUP_COPY_SAME_REGION",
      "backup.copyRegion",
      `The backup copy goes to ${regions.primary}, the primary Region itself: it does not survive the loss of that Region.`,
    );
  }

  const seen = new Set<string>([regions.primary]);
  replicas.forEach((replica, index) => {
    const path = `regions.replicas[${index}].region`;
    if (replica.region === regions.primary) {
      add(
        "REPLICA_IN_PRIMARY_REGION",
        path,
        `${replica.region} is the primary Region (the table itself lives there); the preview shows it once.`,
      );
    } else if (seen.has(replica.region)) {
      add(
        "REPLICA_DUPLICATE_REGION",
        path,
        `${replica.region} appears twice (a global table has one replica per Region); the preview shows it once.`,
      );
    }
    seen.add(replica.region);
  });

  const hasPitrSomewhere = request.pointInTimeRecovery.enabled || replicas.some((r) => r.pointInTimeRecovery === true);
  if (!hasPitrSomewhere && !pitrOffIsReported(request, policy)) {
    issues.push({
      code: "DR_PITR_DISABLED",
      severity: "warning",
      path: "pointInTimeRecovery.enabled",
      source: "advice",
      message:
        replicas.length > 0
          ? "PITR is off in every Region: replication copies a bad write or delete to all Regions within seconds, and only a backup, if any, can undo it."
          : "PITR is off: a bad write or delete can be undone only from a backup, if there is one.",
    });
  }

  // The tier policy, on the pattern the request realises (as validation checks it).
  const rules = policy.tiers[request.tier];
  const realised = deriveDrPattern(request);
  if (!rules.allowedDrPatterns.includes(realised)) {
    add(
      "POLICY_DR_PATTERN_NOT_ALLOWED",
      "drPattern",
      `The ${request.tier} tier allows ${rules.allowedDrPatterns.join(", ")}; this request is ${realised}.`,
    );
  }
  if (rules.mustSurviveRegionLoss && !survivesRegionLoss(request)) {
    add(
      "POLICY_REGION_LOSS_NOT_SURVIVED",
      "regions",
      `The ${request.tier} tier must survive the loss of a Region: add a replica in another Region, or a backup copy (backup.copyRegion) outside ${regions.primary}.`,
    );
  }
  return issues;
}

function checkMrscLayout(request: TableRequest, add: (code: ValidationCode, path: string, message: string) => void) {
  const { primary, replicas, witness } = request.regions;
  const tableRegions = [primary, ...replicas.map((r) => r.region)];
  const all = witness ? [...tableRegions, witness] : tableRegions;
  if (all.length !== 3) {
    add(
      "MRSC_REGION_COUNT",
      "regions",
      `MRSC needs exactly three Regions: three replicas, or two plus a witness; this request has ${tableRegions.length} table Region(s)${witness ? " and a witness" : ""}.`,
    );
  } else if (!findMrscRegionSet(all)) {
    add(
      "MRSC_REGION_SET",
      "regions",
      `MRSC Regions must all be in one Region set (US: us-east-1, us-east-2, us-west-2; EU: eu-west-1, eu-west-2, eu-west-3, eu-central-1; AP: ap-northeast-1, ap-northeast-2, ap-northeast-3); got ${all.join(", ")}.`,
    );
  }
  if (witness && tableRegions.includes(witness)) {
    add(
      "WITNESS_IN_REPLICA_REGION",
      "regions.witness",
      `The witness must be in a Region without a replica; ${witness} already holds one.`,
    );
  }
}

/**
 * The preview's issues that validation has not already reported (by code), for a list that shows
 * validation's issues and the preview's together: validation owns every finding it makes.
 */
export function previewOnlyIssues(
  preview: Pick<DrPreview, "issues">,
  validationIssues: readonly ValidationIssue[],
): DrIssue[] {
  const reported = new Set(validationIssues.map((i) => i.code));
  return preview.issues.filter((i) => !reported.has(i.code));
}
