import type { DrPattern, TableRequest } from "../request/schema";

/** The parts of a request the DR pattern depends on, so callers with partial data can derive it too. */
export type DrPatternInput = Pick<TableRequest, "regions" | "backup">;

/**
 * The DR pattern a request realises when the user did not choose one. Strong consistency decides
 * first because it can only be set at creation; then replicas (all standby = active-passive);
 * then a cross-Region backup copy; otherwise the table lives in one Region.
 */
export function deriveDrPattern(request: DrPatternInput): DrPattern {
  const { regions } = request;
  if (regions.consistency === "STRONG") return "MRSC";
  if (regions.replicas.length > 0) {
    return regions.replicas.every((r) => r.role === "STANDBY") ? "ACTIVE_PASSIVE" : "ACTIVE_ACTIVE_MREC";
  }
  if (hasCrossRegionBackupCopy(request)) return "BACKUP_CROSS_REGION_COPY";
  return "SINGLE_REGION_PITR";
}

/** True when AWS Backup is on and copies each backup to a Region other than the primary. */
export function hasCrossRegionBackupCopy(request: DrPatternInput): boolean {
  const { backup, regions } = request;
  return Boolean(backup?.enabled && backup.copyRegion && backup.copyRegion !== regions.primary);
}

/**
 * True when the request keeps its data in a second Region: a replica outside the primary Region,
 * or a cross-Region backup copy. Validation's POLICY_REGION_LOSS_NOT_SURVIVED and the preview's
 * `survivesRegionLoss` both read this.
 */
export function survivesRegionLoss(request: DrPatternInput): boolean {
  const hasRemoteReplica = request.regions.replicas.some((r) => r.region !== request.regions.primary);
  return hasRemoteReplica || hasCrossRegionBackupCopy(request);
}
