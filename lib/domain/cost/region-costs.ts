import type { TableClass, TableRequest, Workload } from "../request/schema";
import { computeBillableStorage } from "./billable-storage";
import { type IndexShape, indexShapes } from "./index-projection";
import { addBackupCopyRegion, buildBackupLines } from "./lines/backups";
import { buildIndexLines } from "./lines/index-throughput";
import { formatterFor, type LineTemplate, type PricingInput, unitPrice } from "./lines/line-template";
import { buildTransferLine } from "./lines/replication-transfer";
import { buildPitrLine, buildStorageLines } from "./lines/storage";
import { buildStreamLines } from "./lines/streams";
import { buildReadLines } from "./lines/table-reads";
import { buildTableWriteLines } from "./lines/table-writes";
import { findRegionPrices } from "./price-list";
import type { BillableStorage, CostLineItem, PriceList, RegionCost, TableClassPrices } from "./types";
import { SECONDS_PER_MONTH } from "./units";
import { profileWorkload, type WorkloadProfile } from "./workload-profile";

/**
 * Prices one workload for one request, Region by Region: each cost component has its own builder
 * (`lines/`), and this module puts their lines together per Region and applies that Region's
 * prices. `estimateCost` adds scenarios, alternatives, what-ifs and the projection around it.
 *
 * Lines that every Region pays in full (writes, index writes and capacity, storage) are built once
 * and priced per Region; with `detail` off their quantities are summed per price first, which
 * keeps a 10-Region, 25-index request fast for the extra passes.
 */

export interface RegionCostsResult {
  regions: RegionCost[];
  totalMonthlyUsd: number;
  /** Reads, writes and capacity (what the table class makes dearer), summed over Regions. */
  throughputUsd: number;
  /** Table and index storage (what the table class makes cheaper), summed over Regions. */
  storageUsd: number;
  warnings: string[];
  storage: BillableStorage;
  profile: WorkloadProfile;
  indexes: readonly IndexShape[];
  /**
   * Per Region holding the table: the quantity of every line priced at table-class prices, by
   * price. Enough to reprice a Region at another table class without another pass (`repriceTableClass`).
   */
  classQuantities: Map<string, { tableClass: TableClass; quantities: Record<keyof TableClassPrices, number> }>;
}

export interface PriceRegionsOptions {
  /** Price at this raw data size instead of the workload's (the 12-month projection). */
  rawDataGb?: number;
}

const CLASS_LABEL: Record<TableClass, string> = { STANDARD: "Standard", STANDARD_INFREQUENT_ACCESS: "Standard-IA" };

const CLASS_PRICE_KEYS: readonly (keyof TableClassPrices)[] = [
  "writeRequestPerMillion",
  "readRequestPerMillion",
  "replicatedWriteRequestPerMillion",
  "wcuHour",
  "rcuHour",
  "replicatedWcuHour",
  "storageGbMonth",
];

function buildPricingInput(
  request: TableRequest,
  workload: Workload,
  transferUsdPerGb: number,
  detail: boolean,
  options: PriceRegionsOptions,
): PricingInput {
  const profile = profileWorkload(request, workload);
  const indexes = indexShapes(request, workload.itemSizeBytes);
  const f = formatterFor(detail);
  return {
    request,
    profile,
    indexes,
    storage: computeBillableStorage(request, profile, indexes, options.rawDataGb ?? profile.rawDataGb, detail),
    billing: request.billing.mode === "PROVISIONED" ? request.billing : undefined,
    isGlobal: request.regions.replicas.length > 0,
    transferUsdPerGb,
    detail,
    f,
    monthlyWrites: workload.writesPerSecond * SECONDS_PER_MONTH,
    writesText: detail ? `${f(workload.writesPerSecond)} writes/s x ${f(SECONDS_PER_MONTH)} s` : "",
  };
}

/**
 * Prices `workload` for `request` in every Region it touches. With `detail` false it skips line
 * items and formulas and returns only the totals.
 */
export function priceRegions(
  request: TableRequest,
  workload: Workload,
  priceList: PriceList,
  transferUsdPerGb: number,
  detail = true,
  options: PriceRegionsOptions = {},
): RegionCostsResult {
  const input = buildPricingInput(request, workload, transferUsdPerGb, detail, options);
  const { profile } = input;
  const warnings: string[] = [];
  const writeLines = buildTableWriteLines(input);
  const shared: LineTemplate[] = [...buildIndexLines(input), ...buildStorageLines(input)];
  const pitrLine = buildPitrLine(input);
  const destinations = profile.regions.length - 1;
  const writeShare = profile.activeRegionCount > 0 ? 1 / profile.activeRegionCount : 0;
  const transferLine = input.isGlobal ? buildTransferLine(input, writeShare, destinations) : undefined;

  // Shared lines all take table-class prices: sum their quantities per price once for totals-only passes.
  const sharedQuantity = Object.fromEntries(CLASS_PRICE_KEYS.map((k) => [k, 0])) as Record<
    keyof TableClassPrices,
    number
  >;
  for (const t of [...writeLines, ...shared]) if (t.classKey) sharedQuantity[t.classKey] += t.quantity;

  const out: RegionCost[] = [];
  const classQuantities: RegionCostsResult["classQuantities"] = new Map();
  let throughputUsd = 0;
  let storageUsd = 0;
  for (const r of profile.regions) {
    const prices = findRegionPrices(priceList, r.region);
    if (!prices) {
      warnings.push(`No DynamoDB prices for ${r.region} in the price list; its cost is not included.`);
      out.push({
        region: r.region,
        role: r.role,
        tableClass: r.tableClass,
        lineItems: [],
        monthlyUsd: 0,
        notes: [`No prices for ${r.region} in the price list.`],
      });
      continue;
    }
    const cls = prices[r.tableClass];
    const reads = buildReadLines(input, r);
    const notes: string[] = [];
    const extras: LineTemplate[] = [];
    if (r.pitr) extras.push(pitrLine);
    if (r.role === "PRIMARY") {
      extras.push(...buildStreamLines(input, prices, notes, warnings), ...buildBackupLines(input, notes));
    }
    if (transferLine && r.isActive) extras.push(transferLine);

    let regionUsd = 0;
    const lines: CostLineItem[] = [];
    const quantities = { ...sharedQuantity };
    for (const t of reads) if (t.classKey) quantities[t.classKey] += t.quantity;
    classQuantities.set(r.region, { tableClass: r.tableClass, quantities });
    if (!detail) {
      for (const key of CLASS_PRICE_KEYS) {
        const usd = sharedQuantity[key] * cls[key];
        regionUsd += usd;
        if (key === "storageGbMonth") storageUsd += usd;
        else throughputUsd += usd;
      }
      for (const t of reads) {
        const usd = t.quantity * unitPrice(t, prices, cls);
        regionUsd += usd;
        throughputUsd += usd;
      }
      for (const t of extras) regionUsd += t.quantity * unitPrice(t, prices, cls);
    } else {
      const label = CLASS_LABEL[r.tableClass];
      for (const t of [...writeLines, ...reads, ...shared, ...extras]) {
        const price = unitPrice(t, prices, cls);
        const monthlyUsd = t.quantity * price;
        regionUsd += monthlyUsd;
        if (t.group === "throughput") throughputUsd += monthlyUsd;
        else if (t.group === "storage") storageUsd += monthlyUsd;
        const line: CostLineItem = {
          component: t.component,
          description: t.withClass ? `${t.description}, ${label}` : t.description,
          quantity: t.quantity,
          unit: t.unit,
          unitPriceUsd: price,
          monthlyUsd,
          formula: t.formula,
        };
        if (t.isAssumption) line.isAssumption = true;
        lines.push(line);
      }
    }
    out.push({
      region: r.region,
      role: r.role,
      tableClass: r.tableClass,
      lineItems: lines,
      monthlyUsd: regionUsd,
      notes,
    });
  }

  addBackupCopyRegion(out, input, priceList, warnings);
  const witness = request.regions.witness;
  if (witness) {
    out.push({
      region: witness,
      role: "WITNESS",
      lineItems: [],
      monthlyUsd: 0,
      notes: ["MRSC witness Region: AWS's DynamoDB price list publishes no witness price, so none is included."],
    });
  }
  let totalMonthlyUsd = 0;
  for (const r of out) totalMonthlyUsd += r.monthlyUsd;
  return {
    regions: out,
    totalMonthlyUsd,
    throughputUsd,
    storageUsd,
    warnings,
    storage: input.storage,
    profile,
    indexes: input.indexes,
    classQuantities,
  };
}

/**
 * The same pass with some Regions on another table class: each Region's class-priced quantities
 * re-met with the other class's prices, everything else (PITR, backups, transfer) unchanged. Exact,
 * because the table class changes prices only, never quantities.
 */
export function repriceTableClass(
  result: RegionCostsResult,
  priceList: PriceList,
  classOf: (region: string, current: TableClass) => TableClass,
): Pick<RegionCostsResult, "regions" | "totalMonthlyUsd" | "throughputUsd" | "storageUsd"> {
  let throughputUsd = result.throughputUsd;
  let storageUsd = result.storageUsd;
  const regions = result.regions.map((r) => {
    const entry = result.classQuantities.get(r.region);
    const prices = findRegionPrices(priceList, r.region);
    if (!entry || !prices || r.role === "WITNESS" || r.role === "BACKUP_COPY") return r;
    const target = classOf(r.region, entry.tableClass);
    if (target === entry.tableClass) return r;
    let delta = 0;
    for (const key of CLASS_PRICE_KEYS) {
      const change = entry.quantities[key] * (prices[target][key] - prices[entry.tableClass][key]);
      delta += change;
      if (key === "storageGbMonth") storageUsd += change;
      else throughputUsd += change;
    }
    // Totals only: the line items keep the old prices, so they are dropped.
    return { ...r, tableClass: target, lineItems: [], monthlyUsd: r.monthlyUsd + delta };
  });
  const totalMonthlyUsd = regions.reduce((s, r) => s + r.monthlyUsd, 0);
  return { regions, totalMonthlyUsd, throughputUsd, storageUsd };
}
