import { compareLiveTable } from "../import/compare-live-table";
import type { TableDifference } from "../import/diff-table-shapes";
import type { LiveTableFacts } from "../import/live-table";
import type { TableRequest } from "../request/schema";
import { classifyDifferences, type DriftFinding } from "./classify-differences";
import { DRIFT_CLASSES, type DriftClass, driftSeverity } from "./drift-classes";
import { observeAwsAdjustments } from "./observe-aws-adjustments";

export interface DriftReport {
  /** Every finding, most serious class first (stable within a class). */
  findings: DriftFinding[];
  counts: Record<DriftClass, number>;
  /** The most serious class found, or null when nothing differs at all. */
  worst: DriftClass | null;
  /** A safeguard is gone: tell people now. */
  urgent: boolean;
  /** Someone must choose between adopting the live table and reverting it. */
  needsDecision: boolean;
  /** Nothing but AWS-managed adjustments and harmless changes: nothing to act on. */
  inSync: boolean;
}

/** Counts, orders and summarises findings. */
export function summarizeDrift(findings: readonly DriftFinding[]): DriftReport {
  const ordered = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => driftSeverity(a.f.class) - driftSeverity(b.f.class) || a.i - b.i)
    .map(({ f }) => f);
  const counts = Object.fromEntries(DRIFT_CLASSES.map((c) => [c, 0])) as Record<DriftClass, number>;
  for (const f of ordered) counts[f.class]++;
  const worst = ordered[0]?.class ?? null;
  return {
    findings: ordered,
    counts,
    worst,
    urgent: counts.protection_lost > 0,
    needsDecision: counts.shape > 0,
    inSync: counts.protection_lost === 0 && counts.shape === 0,
  };
}

/**
 * Classifies drift from differences already computed (e.g. a recorded verification), without the
 * live facts: AWS-managed adjustments are then not observed.
 */
export function classifyDriftFromDifferences(
  request: TableRequest,
  differences: readonly TableDifference[],
): DriftReport {
  return summarizeDrift(classifyDifferences(request, differences));
}

/**
 * Compares the live table with its approved definition and classifies every difference the
 * DynamoDB way: AWS-managed (recorded), harmless, protection lost (urgent), shape (decide).
 * Pure: the caller reads the live table (lib/server/drift).
 */
export function classifyDrift(request: TableRequest, facts: LiveTableFacts): DriftReport {
  const differences = compareLiveTable(request, facts);
  return summarizeDrift([...classifyDifferences(request, differences), ...observeAwsAdjustments(request, facts)]);
}

/** The report for a table that does not exist in its primary Region at all. */
export function classifyMissingTable(request: TableRequest): DriftReport {
  return summarizeDrift(
    classifyDifferences(request, [{ path: "tableName", expected: request.tableName, actual: null }]),
  );
}
