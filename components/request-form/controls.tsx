"use client";

import { memo } from "react";
import type { RegisterOptions } from "react-hook-form";
import { AWS_REGIONS, REGION_NAMES } from "@/lib/domain/regions";

/** Number inputs: an empty box is "not given" (undefined), never 0 or NaN. */
export const NUMBER_OPTIONS = {
  setValueAs: (value: unknown) => {
    if (value === "" || value === null || value === undefined) return undefined;
    return typeof value === "number" ? value : Number(value);
  },
} satisfies RegisterOptions;

/**
 * Region options, code first (what people type), then the name. Memoised: about thirty options
 * per Region select, which would otherwise be rebuilt each time the select's section re-renders.
 */
export const RegionOptions = memo(function RegionOptions({ emptyLabel }: { emptyLabel?: string }) {
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
});

export const ATTRIBUTE_TYPES = [
  { value: "S", label: "String (S)" },
  { value: "N", label: "Number (N)" },
  { value: "B", label: "Binary (B)" },
] as const;
