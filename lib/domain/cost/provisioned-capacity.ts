import type { Capacity } from "../request/schema";
import { formatNumber } from "./format";

/**
 * Sizes provisioned capacity for the estimate. With auto scaling, the scaler holds roughly the
 * average demand divided by the target utilisation, within [min, max]; that is what we price.
 */

/** Auto scaling assumed when pricing PROVISIONED for a request that gave no capacity (alternatives). */
export const ASSUMED_AUTOSCALING = { minCapacity: 1, maxCapacity: 40_000, targetUtilization: 70 } as const;

export interface SizedCapacity {
  units: number;
  /** How `units` was chosen, for the line item's formula. */
  formula: string;
}

/** The most capacity a spec can hold: its fixed units, or its auto scaling maximum (assumed auto scaling when absent). */
export function capacityCeiling(spec: Capacity | undefined): number {
  if (!spec) return ASSUMED_AUTOSCALING.maxCapacity;
  return spec.autoscaling ? spec.autoscaling.maxCapacity : spec.units;
}

/** Capacity that would hold `demand` units per second: what the scaler would hold (demand / target), or the demand itself for fixed capacity. */
export function capacityNeeded(spec: Capacity | undefined, demand: number): number {
  const autoscaling = spec ? spec.autoscaling : ASSUMED_AUTOSCALING;
  if (!autoscaling) return Math.ceil(demand);
  const target = autoscaling.targetUtilization > 0 ? autoscaling.targetUtilization : 100;
  return Math.ceil(demand / (target / 100));
}

/** Capacity units to price for `demand` average units per second. */
export function sizeCapacity(
  spec: Capacity | undefined,
  demand: number,
  unitName: string,
  detail = true,
): SizedCapacity {
  const autoscaling = spec ? spec.autoscaling : ASSUMED_AUTOSCALING;
  if (!autoscaling && spec) {
    return { units: spec.units, formula: detail ? `${formatNumber(spec.units)} ${unitName} provisioned (fixed)` : "" };
  }
  const { minCapacity, maxCapacity, targetUtilization } = autoscaling ?? ASSUMED_AUTOSCALING;
  // A target of 0 is invalid (validation rejects it); price it as 100% rather than divide by zero.
  const target = targetUtilization > 0 ? targetUtilization : 100;
  const wanted = Math.ceil(demand / (target / 100));
  const units = Math.max(minCapacity, Math.min(maxCapacity, wanted));
  if (!detail) return { units, formula: "" };
  const source = spec ? "auto scaling" : "assumed auto scaling";
  return {
    units,
    formula: `${source}: ceil(${formatNumber(demand)} ${unitName} average demand / ${formatNumber(target)}% target) = ${formatNumber(wanted)}, clamped to [${formatNumber(minCapacity)}, ${formatNumber(maxCapacity)}] = ${formatNumber(units)} ${unitName}`,
  };
}
