import type { TableRequest } from "../../request/schema";
import { formatNumber } from "../format";
import type { IndexShape } from "../index-projection";
import type { BillableStorage, CostComponent, RegionPrices, TableClassPrices } from "../types";
import { HOURS_PER_MONTH } from "../units";
import type { WorkloadProfile } from "../workload-profile";

/**
 * The shape every cost-component builder produces: a line before it meets a Region's prices.
 * Quantities and formulas are the same in every replica Region (every replica applies every write
 * and holds all the data); only the prices, the table class and the reads differ, so a line is
 * built once and priced per Region.
 */
export interface LineTemplate {
  component: CostComponent;
  quantity: number;
  unit: string;
  /** Price from the Region's table-class prices, a Region-wide price, or a fixed price (assumption). */
  classKey?: keyof TableClassPrices;
  regionKey?: "pitrGbMonth" | "backupGbMonth";
  fixedPrice?: number;
  description: string;
  /** Append the Region's table class to the description. */
  withClass?: boolean;
  formula: string;
  isAssumption?: boolean;
  /** What the table class changes: throughput gets dearer on Standard-IA, storage cheaper. */
  group: "throughput" | "storage" | "other";
}

/** Everything the builders read, worked out once per pricing pass. */
export interface PricingInput {
  request: TableRequest;
  profile: WorkloadProfile;
  storage: BillableStorage;
  indexes: readonly IndexShape[];
  /** The provisioned billing block, or undefined for on-demand. */
  billing?: Extract<TableRequest["billing"], { mode: "PROVISIONED" }>;
  isGlobal: boolean;
  transferUsdPerGb: number;
  /** False: totals only, no descriptions or formulas (the alternatives and projection passes). */
  detail: boolean;
  /** Formats numbers in formulas; a no-op without detail. */
  f: (n: number) => string;
  /** Item writes per month. */
  monthlyWrites: number;
  /** "10 writes/s x 2,628,000 s", the start of every write formula. */
  writesText: string;
}

/** The price of a line in a Region. */
export function unitPrice(t: LineTemplate, prices: RegionPrices, cls: TableClassPrices): number {
  if (t.classKey) return cls[t.classKey];
  if (t.regionKey) return prices[t.regionKey];
  return t.fixedPrice ?? 0;
}

/** The number formatter for a pass: real formatting with detail, nothing without. */
export function formatterFor(detail: boolean): (n: number) => string {
  return detail ? formatNumber : () => "";
}

/** "; x 730 h", the end of every capacity-hour formula. */
export const HOURS_TEXT = `; x ${HOURS_PER_MONTH} h`;
