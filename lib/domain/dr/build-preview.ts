import type { TierPolicy } from "../policy/schema";
import type { DrPattern, Replica, TableRequest } from "../request/schema";
import { checkPreviewIssues } from "./check-pattern";
import { CITATIONS } from "./citations";
import { deriveDrPattern, hasCrossRegionBackupCopy, survivesRegionLoss } from "./derive-pattern";
import { DR_PATTERN_INFO } from "./patterns";
import {
  backupCopyRegionFacts,
  backupIntervalOf,
  primaryRegionFacts,
  type RegionContext,
  replicaRegionFacts,
  witnessRegionFacts,
} from "./region-facts";
import { describeSingleRegion } from "./single-region-protection";
import type { DrEdge, DrPreview, DrRegion } from "./types";

/** The part of a cost estimate (`estimateCost(...)`) the preview reads; typed by shape, not import. */
export interface DrCostInput {
  regions: readonly { region: string; monthlyUsd: number; notes?: readonly string[] }[];
  totalMonthlyUsd: number;
}

/** Inputs that come from elsewhere (the cost estimate), so the preview stays pure and cheap. */
export interface DrPreviewOptions {
  /** The cost estimate: each Region's monthly cost, its share of the total, and its pricing notes. */
  estimate?: DrCostInput;
  /** Monthly cost per Region in USD, for callers without a full estimate; `estimate` wins. */
  costByRegion?: Record<string, number>;
  /** Total the shares are taken of; defaults to the estimate's total, else the sum of `costByRegion`. */
  totalMonthlyUsd?: number;
}

/**
 * What happens to a request when a Region fails: the DR pattern (chosen or derived), each
 * Region's role, data, reads and writes, RPO and RTO with their AWS basis, failover runbook,
 * cost share and warnings, the data flows between Regions, and the DR issues. Pure and total:
 * any parsed request gives a preview, and problems become issues. Validation is the gate: an
 * issue validation also reports carries validation's code, so `previewOnlyIssues(preview,
 * validation.issues)` gives the rest for a list that shows both without duplicates.
 */
export function buildDrPreview(request: TableRequest, policy: TierPolicy, options: DrPreviewOptions = {}): DrPreview {
  const derived = request.drPattern === undefined;
  // The preview describes what the request really builds. A chosen pattern that the Regions,
  // replicas and backup do not realise is reported (DR_PATTERN_MISMATCH), never drawn as if true.
  const pattern = deriveDrPattern(request);
  const chosen = request.drPattern ?? pattern;
  const info = DR_PATTERN_INFO[pattern];
  const issues = checkPreviewIssues(request, chosen, policy);

  const primary = request.regions.primary;
  const replicas = uniqueReplicas(request);
  const tableRegions = [primary, ...replicas.map((r) => r.region)];
  const interval = backupIntervalOf(request);
  const ctxFor = (region: string): RegionContext => ({
    request,
    pattern,
    interval,
    tableRegions: tableRegions.filter((r) => r !== region),
  });

  const regions: DrRegion[] = [
    primaryRegionFacts(ctxFor(primary)),
    ...replicas.map((r) => replicaRegionFacts(ctxFor(r.region), r)),
  ];
  const edges: DrEdge[] = [];
  for (let i = 0; i < tableRegions.length; i++) {
    for (let j = i + 1; j < tableRegions.length; j++) {
      edges.push({
        from: tableRegions[i] as string,
        to: tableRegions[j] as string,
        kind: "replication",
        bidirectional: true,
      });
    }
  }

  const witness = request.regions.witness;
  if (witness && request.regions.consistency === "STRONG" && !tableRegions.includes(witness)) {
    regions.push(witnessRegionFacts(ctxFor(witness), witness));
    for (const region of tableRegions) edges.push({ from: region, to: witness, kind: "witness", bidirectional: false });
  }

  if (hasCrossRegionBackupCopy(request)) {
    const copyRegion = request.backup?.copyRegion as string;
    const existing = regions.find((r) => r.region === copyRegion);
    if (existing) {
      // One card per Region: a Region that already has a role also holds the copies.
      existing.holds += " Also holds the AWS Backup copies in a backup vault.";
      existing.warnings.push(
        `${copyRegion} holds both a role in the pattern and the backup copies: losing it loses both at once.`,
      );
    } else {
      regions.push(backupCopyRegionFacts(ctxFor(copyRegion), copyRegion));
    }
    edges.push({ from: primary, to: copyRegion, kind: "backup-copy", bidirectional: false });
  }

  applyCosts(regions, options);
  // The one-Region pattern is named and measured by what the request turns on (PITR, AWS Backup),
  // never by the pattern's textbook name: "with PITR" on a table without PITR would be false.
  const wording = pattern === "SINGLE_REGION_PITR" ? describeSingleRegion(request, interval) : undefined;
  return {
    pattern,
    derived,
    ...(chosen !== pattern ? { chosenPattern: chosen } : {}),
    name: wording?.name ?? info.name,
    summary: summaryOf(request, wording?.summary ?? info.summary, derived, chosen, pattern),
    rpo: wording?.rpo ?? patternRpo(request, pattern, info.rpo),
    rto: wording?.rto ?? info.rto,
    regions,
    edges,
    issues,
    survivesRegionLoss: survivesRegionLoss(request),
  };
}

/** Replicas once per Region and never in the primary Region, so a bad request still draws sanely. */
function uniqueReplicas(request: TableRequest): Replica[] {
  const seen = new Set<string>([request.regions.primary]);
  return request.regions.replicas.filter((r) => {
    if (seen.has(r.region)) return false;
    seen.add(r.region);
    return true;
  });
}

function patternRpo(request: TableRequest, pattern: DrPreview["pattern"], rpo: DrPreview["rpo"]): DrPreview["rpo"] {
  if (pattern !== "BACKUP_CROSS_REGION_COPY") return rpo;
  const interval = backupIntervalOf(request);
  return interval ? { value: `Up to ${interval.label} plus the copy time`, basis: CITATIONS.backupSchedule } : rpo;
}

function summaryOf(
  request: TableRequest,
  patternSummary: string,
  derived: boolean,
  chosen: DrPattern,
  pattern: DrPattern,
): string {
  const how = derived
    ? "Derived from the request"
    : chosen === pattern
      ? "Chosen by the requester"
      : `This is what the request builds; the requester chose ${DR_PATTERN_INFO[chosen].name}, which it does not realise (see the findings)`;
  return `${patternSummary} ${how}; primary Region ${request.regions.primary}.`;
}

function applyCosts(regions: DrRegion[], options: DrPreviewOptions): void {
  const costs: Record<string, number> = options.estimate
    ? Object.fromEntries(options.estimate.regions.map((r) => [r.region, r.monthlyUsd]))
    : (options.costByRegion ?? {});
  const notes = new Map((options.estimate?.regions ?? []).map((r) => [r.region, r.notes ?? []]));
  const sum = Object.values(costs).reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
  const total = options.totalMonthlyUsd ?? options.estimate?.totalMonthlyUsd ?? sum;
  for (const region of regions) {
    const regionNotes = notes.get(region.region) ?? [];
    if (regionNotes.length > 0) region.costNotes = [...regionNotes];
    const cost = costs[region.region];
    if (cost === undefined || !Number.isFinite(cost)) continue;
    // The estimate prices an unpriced witness at 0; showing "$0.00" would claim it is free.
    if (region.role === "WITNESS" && cost === 0) continue;
    region.monthlyCostUsd = cost;
    if (total > 0) region.costShare = cost / total;
  }
}
