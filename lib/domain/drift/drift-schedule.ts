import type { Tier } from "../request/schema";
import type { DriftReport } from "./classify-drift";
import type { DriftClass } from "./drift-classes";

/**
 * How often each tier's managed tables are checked for drift, in minutes; null: never. Production
 * drift matters within the hour, development drift by the next day.
 */
export type DriftSchedule = Record<Tier, number | null>;

export const DEFAULT_DRIFT_SCHEDULE: DriftSchedule = { prod: 60, staging: 360, dev: 1440 };

const TIERS: readonly Tier[] = ["dev", "staging", "prod"];
const UNIT_MINUTES = { m: 1, h: 60, d: 1440 } as const;
/** Shorter than the planner's own tick would only pretend; a week is the longest sensible wait. */
const MIN_INTERVAL = 5;
const MAX_INTERVAL = 7 * 1440;

/** The planner's default tick, in minutes: the shortest tier interval (MIN_INTERVAL) is one tick. */
export const DEFAULT_DRIFT_PLAN_EVERY_MINUTES = 5;
/**
 * Ticks TABLEWRIGHT_DRIFT_PLAN_EVERY_MINUTES may take: whole minutes that divide the hour, so the
 * planner's "every N minutes" cron fires at even spacing (every 7 would fire at :56 and again at :00).
 */
export const DRIFT_PLAN_EVERY_MINUTES_ALLOWED = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30] as const;

export type ParsedDriftSchedule = { ok: true; schedule: DriftSchedule } | { ok: false; errors: string[] };

/**
 * Reads `TABLEWRIGHT_DRIFT_SCHEDULE`, e.g. `prod=1h,staging=6h,dev=1d` or `dev=off`: tiers not named
 * keep their default. Each error names the entry and the rule it breaks.
 */
export function parseDriftSchedule(value: string): ParsedDriftSchedule {
  const schedule: DriftSchedule = { ...DEFAULT_DRIFT_SCHEDULE };
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const raw of value.split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const match = /^([a-z]+)\s*=\s*(?:(\d+)\s*([mhd])|(off))$/i.exec(entry);
    if (!match) {
      errors.push(`"${entry}" must look like <tier>=<number><m|h|d> or <tier>=off, e.g. prod=1h`);
      continue;
    }
    const tier = (match[1] as string).toLowerCase();
    if (!TIERS.includes(tier as Tier)) {
      errors.push(`"${entry}": unknown tier "${tier}" (one of ${TIERS.join(", ")})`);
      continue;
    }
    if (seen.has(tier)) {
      errors.push(`"${entry}": tier ${tier} is named twice`);
      continue;
    }
    seen.add(tier);
    if (match[4]) {
      schedule[tier as Tier] = null;
      continue;
    }
    const minutes = Number(match[2]) * UNIT_MINUTES[(match[3] as string).toLowerCase() as keyof typeof UNIT_MINUTES];
    if (minutes < MIN_INTERVAL || minutes > MAX_INTERVAL) {
      errors.push(`"${entry}": the interval must be between ${MIN_INTERVAL} minutes and 7 days`);
      continue;
    }
    schedule[tier as Tier] = minutes;
  }
  return errors.length ? { ok: false, errors } : { ok: true, schedule };
}

/** A managed table as the planner sees it. */
export interface DriftCandidate {
  id: string;
  tier: Tier;
  /** Regions a check reads: the primary and each replica (each costs its own API calls). */
  regionCount: number;
  /** When it was last checked (whatever the outcome); null: never. */
  lastCheckedAt: Date | null;
}

export interface PlannedDriftCheck {
  id: string;
  /** The slot of the tier's interval this check belongs to: one check per table per slot. */
  slot: number;
  /** Not before: checks are spread out so that AWS's API rates are respected. */
  startAfter: Date;
}

export interface DriftPlanOptions {
  now: Date;
  schedule: DriftSchedule;
  /** Region reads per minute across every instance (each table costs one per Region it lives in). */
  regionReadsPerMinute: number;
  /** How far ahead this plan spreads checks; what does not fit stays due for the next plan. */
  horizonMinutes: number;
}

/**
 * Which managed tables are due for a drift check, and when each may start: the most overdue first
 * (never checked, then oldest), production before staging before development on a tie; spaced by
 * their Region count so that the reads per minute stay under the budget. Checks beyond the horizon
 * are left for the next plan: they are still due then, and come first.
 */
export function planDriftChecks(candidates: readonly DriftCandidate[], options: DriftPlanOptions): PlannedDriftCheck[] {
  const now = options.now.getTime();
  const tierRank: Record<Tier, number> = { prod: 0, staging: 1, dev: 2 };
  const due = candidates
    .flatMap((c) => {
      const minutes = options.schedule[c.tier];
      if (minutes === null) return [];
      const intervalMs = minutes * 60_000;
      const overdueMs = c.lastCheckedAt ? now - c.lastCheckedAt.getTime() - intervalMs : Number.POSITIVE_INFINITY;
      // A little slack so that a table checked just before the last tick is not skipped a whole interval.
      if (overdueMs < -60_000) return [];
      return [{ c, overdueMs, slot: Math.floor(now / intervalMs) }];
    })
    .sort(
      (a, b) => b.overdueMs - a.overdueMs || tierRank[a.c.tier] - tierRank[b.c.tier] || a.c.id.localeCompare(b.c.id),
    );
  const msPerRead = 60_000 / Math.max(1, options.regionReadsPerMinute);
  const horizon = now + options.horizonMinutes * 60_000;
  const planned: PlannedDriftCheck[] = [];
  let at = now;
  for (const { c, slot } of due) {
    if (at >= horizon) break;
    planned.push({ id: c.id, slot, startAfter: new Date(at) });
    at += Math.max(1, c.regionCount) * msPerRead;
  }
  return planned;
}

/** What a completed check found, as kept between checks to tell news from a repeat. */
export interface DriftOutcome {
  status: "in_sync" | "drifted" | "missing";
  /** driftFingerprint of its report. */
  fingerprint: string;
  /**
   * The most serious class among its findings, for the table page (what the drift asks of people);
   * absent in outcomes stored before it was kept. Not part of what makes a check news.
   */
  worst?: DriftClass | null;
}

/**
 * Identifies what needs attention in a report (protection lost, shape), not the harmless and
 * AWS-managed findings, which come and go (autoscaling) and would make every check look new.
 */
export function driftFingerprint(report: DriftReport | null): string {
  if (!report) return "";
  return report.findings
    .filter((f) => f.class === "protection_lost" || f.class === "shape")
    .map((f) => `${f.class}:${f.path}`)
    .sort()
    .join("|");
}

/**
 * Whether a scheduled check is news: drift announced once when it appears or changes (not every
 * hour while it lasts), and `table.verified` once when a drifted table is back in line.
 */
export function driftNotificationFor(
  previous: DriftOutcome | null,
  current: DriftOutcome,
): "table.drift_detected" | "table.verified" | null {
  if (current.status === "in_sync") {
    return previous && previous.status !== "in_sync" ? "table.verified" : null;
  }
  if (previous && previous.status === current.status && previous.fingerprint === current.fingerprint) return null;
  return "table.drift_detected";
}
