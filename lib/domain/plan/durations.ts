import type { GlobalSecondaryIndex, TableRequest } from "../request/schema";
import type { Duration, PlanContext } from "./schema";

/**
 * Duration estimates. Index builds follow AWS's own formula (re:Post 'create-gsi-dynamodb'):
 * write units = item_count x max(average item size, 1 KB), spent at the index's write rate.
 * Replica copies use the documented 10 TB-per-day cap as their floor. Everything else is the
 * time Terraform waits for one API call. Numbers that are our assumptions say so in `basis`.
 */

/** [TF] wait.go: default update timeout, which each index wait uses. */
export const PROVIDER_INDEX_WAIT_SECONDS = 60 * 60;
/** [TF] wait.go / updateReplica: a replica is created under the create timeout, 30 min by default. */
export const PROVIDER_REPLICA_WAIT_SECONDS = 30 * 60;
/** [DG] warm-throughput-scenarios: a new on-demand table starts at 4,000 write units per second. */
export const DEFAULT_ON_DEMAND_BACKFILL_WRITE_UNITS = 4000;
/** [DG] GlobalTables (facts): backfilling a new replica into one Region is capped at 10 TB per day. */
const REPLICA_COPY_GB_PER_SECOND = (10 * 1024) / 86_400;
const KB_PER_GB = 1024 * 1024;

export function formatSeconds(seconds: number): string {
  if (seconds < 60) return "under a minute";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 48) return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  const h = hours % 24;
  return h > 0 ? `${days} days ${h} h` : `${days} days`;
}

function rangeText(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) {
    if (formatSeconds(min) === formatSeconds(max)) return `about ${formatSeconds(max)}`;
    return `about ${formatSeconds(min)} to ${formatSeconds(max)}`;
  }
  if (max !== undefined) return `up to about ${formatSeconds(max)}`;
  if (min !== undefined) return `at least ${formatSeconds(min)}`;
  return "unknown";
}

export function duration(
  basis: string,
  minSeconds: number | undefined,
  maxSeconds: number | undefined,
  text?: string,
): Duration {
  const d: Duration = { text: text ?? rangeText(minSeconds, maxSeconds), basis };
  if (minSeconds !== undefined) d.minSeconds = Math.round(minSeconds);
  if (maxSeconds !== undefined) d.maxSeconds = Math.round(maxSeconds);
  return d;
}

/** The durations of one API call Terraform makes and waits for. */
export const QUICK = {
  none: duration("No AWS call.", 0, 0, "none"),
  seconds: duration("One API call that completes at once (tags, alarms, backup plan, autoscaling).", 0, 60, "seconds"),
  updateTable: duration(
    "One UpdateTable; Terraform waits until the table is ACTIVE again (typically minutes; our estimate).",
    0,
    15 * 60,
    "minutes",
  ),
  capacityModeSwitch: duration(
    "[DG] switching.capacitymode: the switch 'can take several minutes'; the table keeps serving meanwhile.",
    60,
    30 * 60,
    "several minutes",
  ),
  tableClass: duration(
    "[DG] tableclasses: a background process whose time 'depends on your table traffic, storage size'; Terraform waits for ACTIVE.",
    60,
    undefined,
    "minutes to hours (depends on size and traffic)",
  ),
  ttl: duration(
    "[BC] UpdateTimeToLive: 'It can take up to one hour for the change to fully process'.",
    0,
    60 * 60,
    "up to 1 h",
  ),
  pitr: duration("[TF] PITR updates wait up to 20 min (typically seconds).", 0, 20 * 60, "seconds to minutes"),
  indexDelete: duration(
    "One UpdateTable per index; Terraform waits until the index is gone (minutes; our estimate).",
    0,
    15 * 60,
    "minutes",
  ),
} as const;

/**
 * How long a new index takes to backfill on `definition` (the table as it will be when the index
 * is created). Unknown without a table size; an upper bound assumes every item qualifies.
 */
export function estimateIndexBuild(
  gsi: GlobalSecondaryIndex,
  definition: TableRequest,
  context: PlanContext,
): Duration {
  if (context.tableSizeGb === 0 || context.itemCount === 0) {
    return duration(
      "The table is empty: nothing to backfill; creating the index itself takes minutes (our estimate).",
      0,
      15 * 60,
      "minutes (empty table)",
    );
  }
  if (context.tableSizeGb === undefined) {
    return duration(
      "Backfill time grows with the table's size, which was not given (re:Post create-gsi-dynamodb); give the table size for an estimate.",
      undefined,
      undefined,
      "unknown: depends on the table's size",
    );
  }
  const sizeKb = context.tableSizeGb * KB_PER_GB;
  const items = context.itemCount;
  const avgKb = items !== undefined ? sizeKb / items : undefined;
  // With an item count: full items (ALL) cost max(avg, 1 KB) each, and KEYS_ONLY/INCLUDE project
  // less (at least 1 unit per item). Without one, full items cost at least the table's size in KB.
  const fullUnits = items !== undefined && avgKb !== undefined ? items * Math.max(avgKb, 1) : undefined;
  const unitsHigh = fullUnits;
  const unitsLow = gsi.projection.type === "ALL" ? (fullUnits ?? sizeKb) : items;

  let rateLow: number;
  let rateHigh: number;
  let rateBasis: string;
  if (definition.billing.mode === "PROVISIONED" && gsi.capacity) {
    rateLow = Math.max(1, gsi.capacity.write.units);
    rateHigh = Math.max(rateLow, gsi.capacity.write.autoscaling?.maxCapacity ?? rateLow);
    rateBasis =
      rateHigh > rateLow
        ? `the index's ${rateLow} to ${rateHigh} provisioned write units (autoscaling)`
        : `the index's ${rateLow} provisioned write units`;
  } else {
    const assumed = context.onDemandBackfillWriteUnitsPerSecond ?? DEFAULT_ON_DEMAND_BACKFILL_WRITE_UNITS;
    const cap = gsi.onDemandThroughput?.maxWriteRequestUnits;
    rateLow = cap !== undefined && cap > 0 ? Math.min(cap, assumed) : assumed;
    rateHigh = rateLow;
    rateBasis = `${rateLow} write units per second (assumed for a new on-demand index: [DG] warm-throughput-scenarios, 4,000 for a new on-demand table${cap !== undefined && cap > 0 ? `, capped by the index's maxWriteRequestUnits ${cap}` : ""})`;
  }
  const itemsBasis =
    items !== undefined
      ? `${items} items averaging ${(avgKb as number).toFixed(2)} KB`
      : `${context.tableSizeGb} GB, at least 1 KB per item (no item count given, so no upper bound)`;
  return duration(
    `re:Post create-gsi-dynamodb: write units = items x max(average size, 1 KB) = ${itemsBasis}, written at ${rateBasis}; every item is assumed to qualify (a sparse index is faster), and writes to the table meanwhile share the index's capacity.`,
    unitsLow !== undefined ? unitsLow / rateHigh : undefined,
    unitsHigh !== undefined ? unitsHigh / rateLow : undefined,
  );
}

/** How long a new replica takes to fill from the table. */
export function estimateReplicaCopy(context: PlanContext): Duration {
  if (context.tableSizeGb === 0 || context.itemCount === 0) {
    return duration(
      "AWS::DynamoDB::GlobalTable docs: adding a replica 'might take a few minutes for an empty table' (15 min is our bound).",
      60,
      15 * 60,
      "a few minutes (empty table)",
    );
  }
  if (context.tableSizeGb === undefined) {
    return duration(
      "AWS::DynamoDB::GlobalTable docs: 'a few minutes for an empty table, or up to several hours for large tables'; the table size was not given.",
      60,
      undefined,
      "minutes to hours (depends on the table's size)",
    );
  }
  return duration(
    `[DG] GlobalTables: the copy into a new Region is capped at 10 TB per day, so ${context.tableSizeGb} GB takes at least this long; no upper bound is documented ('up to several hours for large tables').`,
    Math.max(60, context.tableSizeGb / REPLICA_COPY_GB_PER_SECOND),
    undefined,
  );
}

/** The sum of step durations (an unknown bound stays unknown). */
export function addDurations(parts: readonly Duration[]): Duration {
  const real = parts.filter((p) => p.maxSeconds !== 0 || p.minSeconds !== 0);
  if (real.length === 0) return parts[0] ?? QUICK.none;
  if (real.length === 1) return real[0] as Duration;
  const min = real.reduce<number | undefined>(
    (sum, p) => (sum === undefined || p.minSeconds === undefined ? undefined : sum + p.minSeconds),
    0,
  );
  const max = real.reduce<number | undefined>(
    (sum, p) => (sum === undefined || p.maxSeconds === undefined ? undefined : sum + p.maxSeconds),
    0,
  );
  const text = min === undefined && max === undefined ? real.map((p) => p.text).join(" + ") : undefined;
  return duration(real.map((p) => p.basis).join(" "), min, max, text);
}

/** True when a wait may outlast the provider's default timeout (unknown counts as may). */
export const mayOutlast = (d: Duration, limitSeconds: number): boolean =>
  d.maxSeconds === undefined || d.maxSeconds > limitSeconds;
