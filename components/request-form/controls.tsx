"use client";

import type { RegisterOptions } from "react-hook-form";
import { AWS_REGIONS, REGION_NAMES } from "@/lib/domain/regions";
import type { DrPattern } from "@/lib/domain/request/schema";

/** Number inputs: an empty box is "not given" (undefined), never 0 or NaN. */
export const NUMBER_OPTIONS = {
  setValueAs: (value: unknown) => {
    if (value === "" || value === null || value === undefined) return undefined;
    return typeof value === "number" ? value : Number(value);
  },
} satisfies RegisterOptions;

/** Region options, code first (what people type), then the name. */
export function RegionOptions({ emptyLabel }: { emptyLabel?: string }) {
  return (
    <>
      {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
      {AWS_REGIONS.map((region) => (
        <option key={region} value={region}>
          {region} · {REGION_NAMES[region]}
        </option>
      ))}
    </>
  );
}

export const ATTRIBUTE_TYPES = [
  { value: "S", label: "String (S)" },
  { value: "N", label: "Number (N)" },
  { value: "B", label: "Binary (B)" },
] as const;

/** DR patterns as people name them (the enum names stay in the API). */
export const DR_PATTERN_LABELS: Record<DrPattern, string> = {
  SINGLE_REGION_PITR: "Single Region with point-in-time recovery",
  BACKUP_CROSS_REGION_COPY: "Backups copied to another Region",
  ACTIVE_PASSIVE: "Active-passive global table",
  ACTIVE_ACTIVE_MREC: "Active-active global table (eventual consistency)",
  MRSC: "Multi-Region strong consistency (zero RPO)",
};
