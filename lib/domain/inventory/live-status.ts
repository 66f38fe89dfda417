/**
 * What the portal knows about a managed table in AWS: its approved definition is waiting for a
 * terraform apply, it was applied and a live check matched it, a live check found differences, or
 * nobody has checked (e.g. live checks are off).
 */
export const TABLE_LIVE_STATUSES = ["AWAITING_APPLY", "VERIFIED", "DRIFTED", "UNKNOWN"] as const;
export type TableLiveStatus = (typeof TABLE_LIVE_STATUSES)[number];

export const TABLE_LIVE_STATUS_LABELS: Record<TableLiveStatus, string> = {
  AWAITING_APPLY: "Awaiting apply",
  VERIFIED: "Applied and verified",
  DRIFTED: "Drifted",
  UNKNOWN: "Unknown",
};

export function isTableLiveStatus(value: string): value is TableLiveStatus {
  return (TABLE_LIVE_STATUSES as readonly string[]).includes(value);
}
