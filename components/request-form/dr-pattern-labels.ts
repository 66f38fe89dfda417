import type { DrPattern } from "@/lib/domain/request/schema";

/** DR patterns as people name them (the enum names stay in the API). */
export const DR_PATTERN_LABELS: Record<DrPattern, string> = {
  // The engine files every one-Region table without a copy elsewhere here, PITR on or off: the
  // label must not promise PITR (the DR preview names what the request really gives).
  SINGLE_REGION_PITR: "Single Region (no copy in another Region)",
  BACKUP_CROSS_REGION_COPY: "Backups copied to another Region",
  ACTIVE_PASSIVE: "Active-passive global table",
  ACTIVE_ACTIVE_MREC: "Active-active global table (eventual consistency)",
  MRSC: "Multi-Region strong consistency (zero RPO)",
};
