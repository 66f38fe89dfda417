import type { TableClass, TableRequest, Workload } from "../request/schema";
import { backupsPerDay } from "./backup-schedule";
import { formatNumber, formatPrice } from "./format";
import { indexShapes } from "./index-projection";
import { findRegionPrices } from "./price-list";
import { sizeCapacity } from "./provisioned-capacity";
import type {
  CostComponent,
  CostLineItem,
  PriceList,
  RegionCost,
  RegionPrices,
  RegionRole,
  TableClassPrices,
} from "./types";
import {
  BYTES_PER_GB,
  DAYS_PER_MONTH,
  HOURS_PER_MONTH,
  ITEM_OVERHEAD_BYTES,
  readUnitsPerRead,
  SECONDS_PER_MONTH,
  writeUnitsPerItem,
  writeUnitsPerWrite,
} from "./units";

/**
 * Prices one workload for one request, Region by Region. This is the arithmetic; `estimateCost`
 * adds scenarios, alternatives and assumptions around it.
 *
 * Quantities and formulas are the same in every replica Region (every replica applies every write
 * and holds all the data); only prices, the table class and the share of reads differ. So each line
 * is built once as a template and priced per Region, which keeps a 10-Region, 25-index request fast.
 */

export interface RegionCostsResult {
  regions: RegionCost[];
  totalMonthlyUsd: number;
  /** Reads, writes and capacity (what the table class makes dearer), summed over Regions. */
  throughputUsd: number;
  /** Table and index storage (what the table class makes cheaper), summed over Regions. */
  storageUsd: number;
  warnings: string[];
}

type ClassPriceKey = keyof TableClassPrices;

/** A line before it meets a Region's prices. */
interface LineTemplate {
  component: CostComponent;
  quantity: number;
  unit: string;
  /** Price from the Region's table-class prices, or a fixed price (data transfer assumption). */
  classKey?: ClassPriceKey;
  regionKey?: "pitrGbMonth" | "backupGbMonth";
  fixedPrice?: number;
  description: string;
  /** Append the Region's table class to the description. */
  withClass?: boolean;
  formula: string;
  isAssumption?: boolean;
  group: "throughput" | "storage" | "other";
}

interface DataRegion {
  region: string;
  role: RegionRole;
  tableClass: TableClass;
  isActive: boolean;
  pitr: boolean;
  readCapacityOverride?: number;
}

const CLASS_LABEL: Record<TableClass, string> = { STANDARD: "Standard", STANDARD_INFREQUENT_ACCESS: "Standard-IA" };

function dataRegions(request: TableRequest): DataRegion[] {
  const pitr = request.pointInTimeRecovery.enabled;
  return [
    { region: request.regions.primary, role: "PRIMARY", tableClass: request.tableClass, isActive: true, pitr },
    ...request.regions.replicas.map(
      (r): DataRegion => ({
        region: r.region,
        role: "REPLICA",
        tableClass: r.tableClass ?? request.tableClass,
        isActive: r.role === "ACTIVE",
        pitr: r.pointInTimeRecovery ?? pitr,
        readCapacityOverride: r.readCapacityOverride,
      }),
    ),
  ];
}

const CLASS_PRICE_KEYS: readonly ClassPriceKey[] = [
  "writeRequestPerMillion",
  "readRequestPerMillion",
  "replicatedWriteRequestPerMillion",
  "wcuHour",
  "rcuHour",
  "replicatedWcuHour",
  "storageGbMonth",
];

function emptyQuantities(): Record<ClassPriceKey, number> {
  return {
    writeRequestPerMillion: 0,
    readRequestPerMillion: 0,
    replicatedWriteRequestPerMillion: 0,
    wcuHour: 0,
    rcuHour: 0,
    replicatedWcuHour: 0,
    storageGbMonth: 0,
  };
}

function unitPrice(t: LineTemplate, prices: RegionPrices, cls: TableClassPrices): number {
  if (t.classKey) return cls[t.classKey];
  if (t.regionKey) return prices[t.regionKey];
  return t.fixedPrice ?? 0;
}

/**
 * Prices `workload` for `request` in every Region it touches. With `detail` false it skips line
 * items and formulas and returns only the totals (the alternatives need nothing more).
 */
export function priceRegions(
  request: TableRequest,
  workload: Workload,
  priceList: PriceList,
  transferUsdPerGb: number,
  detail = true,
): RegionCostsResult {
  const warnings: string[] = [];
  const size = workload.itemSizeBytes;
  const wuPerWrite = writeUnitsPerWrite(workload);
  const ruPerRead = readUnitsPerRead(workload);
  const monthlyWrites = workload.writesPerSecond * SECONDS_PER_MONTH;
  const monthlyReads = workload.readsPerSecond * SECONDS_PER_MONTH;
  const indexes = indexShapes(request, size);
  const regions = dataRegions(request);
  const isGlobal = regions.length > 1;
  const activeCount = regions.filter((r) => r.isActive).length;
  const billing = request.billing.mode === "PROVISIONED" ? request.billing : undefined;
  const f = detail ? formatNumber : () => "";
  const writesText = detail ? `${f(workload.writesPerSecond)} writes/s x ${f(SECONDS_PER_MONTH)} s` : "";
  const hoursText = `; x ${HOURS_PER_MONTH} h`;

  // Lines every data Region pays in full: table writes, index writes and capacity, storage.
  const shared: LineTemplate[] = [];
  if (!billing) {
    const wru = (monthlyWrites * wuPerWrite) / 1e6;
    const formula = detail ? `${writesText} x ${wuPerWrite} WRU/write / 1,000,000 = ${f(wru)} million` : "";
    shared.push(
      isGlobal
        ? {
            component: "replicated-write-request-units",
            quantity: wru,
            unit: "million rWRU",
            classKey: "replicatedWriteRequestPerMillion",
            description: "Every write to the global table, applied in this Region (rWRU)",
            withClass: true,
            formula,
            group: "throughput",
          }
        : {
            component: "write-request-units",
            quantity: wru,
            unit: "million WRU",
            classKey: "writeRequestPerMillion",
            description: "Table writes",
            withClass: true,
            formula,
            group: "throughput",
          },
    );
  } else {
    // LSI writes consume the table's own write capacity.
    let lsiWriteUnits = 0;
    for (const ix of indexes) if (ix.kind === "LSI") lsiWriteUnits += writeUnitsPerItem(ix.projectedBytes);
    const write = sizeCapacity(billing.write, workload.writesPerSecond * (wuPerWrite + lsiWriteUnits), "WCU", detail);
    if (write.shortfall) {
      warnings.push(
        `Provisioned write capacity ${write.shortfall.units} WCU is below the average demand of ${formatNumber(write.shortfall.demand)} WCU: the table would throttle.`,
      );
    }
    const hours = write.units * HOURS_PER_MONTH;
    const formula = detail ? write.formula + hoursText : "";
    shared.push(
      isGlobal
        ? {
            component: "replicated-write-capacity-units",
            quantity: hours,
            unit: "rWCU-hour",
            classKey: "replicatedWcuHour",
            description: "Write capacity of the global table in this Region (rWCU, synchronised across replicas)",
            withClass: true,
            formula,
            group: "throughput",
          }
        : {
            component: "write-capacity-units",
            quantity: hours,
            unit: "WCU-hour",
            classKey: "wcuHour",
            description: "Table write capacity",
            withClass: true,
            formula,
            group: "throughput",
          },
    );
  }
  const readLines = new Map<string, LineTemplate[]>();
  const readTemplates = (share: number, override: number | undefined): LineTemplate[] => {
    const key = `${share}/${override ?? ""}`;
    let lines = readLines.get(key);
    if (lines) return lines;
    lines = [];
    // A share of reads is read by people: "33.3%", never "33.3333%".
    const shareText = detail ? `${Number((share * 100).toFixed(1))}% of reads served here` : "";
    if (!billing) {
      if (share > 0) {
        const rru = (monthlyReads * share * ruPerRead) / 1e6;
        lines.push({
          component: "read-request-units",
          quantity: rru,
          unit: "million RRU",
          classKey: "readRequestPerMillion",
          description: detail ? `Table reads (${shareText}, ${workload.readConsistency.toLowerCase()})` : "",
          withClass: true,
          formula: detail
            ? `${f(workload.readsPerSecond)} reads/s x ${f(share)} x ${f(SECONDS_PER_MONTH)} s x ${f(ruPerRead)} RRU/read / 1,000,000 = ${f(rru)} million`
            : "",
          group: "throughput",
        });
      }
    } else {
      const read =
        override !== undefined
          ? {
              units: override,
              formula: detail ? `${f(override)} RCU (replica read override)` : "",
              shortfall: undefined,
            }
          : sizeCapacity(billing.read, workload.readsPerSecond * share * ruPerRead, "RCU", detail);
      if (read.shortfall) {
        warnings.push(
          `Provisioned read capacity ${read.shortfall.units} RCU is below the average demand of ${formatNumber(read.shortfall.demand)} RCU.`,
        );
      }
      lines.push({
        component: "read-capacity-units",
        quantity: read.units * HOURS_PER_MONTH,
        unit: "RCU-hour",
        classKey: "rcuHour",
        description: detail ? `Table read capacity (${shareText})` : "",
        withClass: true,
        formula: detail ? read.formula + hoursText : "",
        group: "throughput",
      });
    }
    readLines.set(key, lines);
    return lines;
  };

  // Index writes: every table write updates every index for its projected size, as standard units.
  for (const ix of indexes) {
    const wuIx = writeUnitsPerItem(ix.projectedBytes);
    const what = detail ? `${ix.kind} ${ix.name} (${ix.projection}, ~${f(ix.projectedBytes)} bytes projected)` : "";
    if (!billing) {
      const wru = (monthlyWrites * wuIx) / 1e6;
      shared.push({
        component: "index-write-request-units",
        quantity: wru,
        unit: "million WRU",
        classKey: "writeRequestPerMillion",
        description: detail ? `Writes to ${what}` : "",
        withClass: true,
        formula: detail ? `${writesText} x ${wuIx} WRU/write / 1,000,000 = ${f(wru)} million` : "",
        group: "throughput",
      });
    } else if (ix.kind === "GSI") {
      const write = sizeCapacity(ix.capacity?.write, workload.writesPerSecond * wuIx, "WCU", detail);
      if (write.shortfall) {
        warnings.push(
          `GSI ${ix.name} write capacity (${write.shortfall.units} WCU) is below the average demand of ${formatNumber(write.shortfall.demand)} WCU: writes to the table would throttle.`,
        );
      }
      // Reads in the workload are priced as table reads; a GSI's own read capacity is priced as given.
      const read = sizeCapacity(ix.capacity?.read, 0, "RCU", detail);
      shared.push(
        {
          component: "index-write-capacity-units",
          quantity: write.units * HOURS_PER_MONTH,
          unit: "WCU-hour",
          classKey: "wcuHour",
          description: detail ? `Write capacity of ${what}` : "",
          withClass: true,
          formula: detail ? write.formula + hoursText : "",
          group: "throughput",
        },
        {
          component: "index-read-capacity-units",
          quantity: read.units * HOURS_PER_MONTH,
          unit: "RCU-hour",
          classKey: "rcuHour",
          description: detail ? `Read capacity of GSI ${ix.name}` : "",
          withClass: true,
          formula: detail ? read.formula + hoursText : "",
          group: "throughput",
        },
      );
    }
  }

  // Storage: the table and every index, with AWS's 100-byte per-item overhead.
  const tableGb = (workload.storageGb * (size + ITEM_OVERHEAD_BYTES)) / size;
  shared.push({
    component: "table-storage",
    quantity: tableGb,
    unit: "GB-month",
    classKey: "storageGbMonth",
    description: "Table data",
    withClass: true,
    formula: detail
      ? `${f(workload.storageGb)} GB x (${f(size)} + ${ITEM_OVERHEAD_BYTES} bytes overhead) / ${f(size)} bytes = ${f(tableGb)} GB`
      : "",
    group: "storage",
  });
  // PITR and backups cover the table and its LSIs, not GSIs (AWS billing docs).
  let backupSourceGb = tableGb;
  for (const ix of indexes) {
    const gb = (workload.storageGb * (ix.projectedBytes + ITEM_OVERHEAD_BYTES)) / size;
    if (ix.kind === "LSI") backupSourceGb += gb;
    shared.push({
      component: "index-storage",
      quantity: gb,
      unit: "GB-month",
      classKey: "storageGbMonth",
      description: detail ? `${ix.kind} ${ix.name} data (${ix.projection})` : "",
      withClass: true,
      formula: detail
        ? `${f(workload.storageGb)} GB x (${f(ix.projectedBytes)} + ${ITEM_OVERHEAD_BYTES} bytes) / ${f(size)} bytes per item = ${f(gb)} GB`
        : "",
      group: "storage",
    });
  }
  const pitrLine: LineTemplate = {
    component: "pitr-storage",
    quantity: backupSourceGb,
    unit: "GB-month",
    regionKey: "pitrGbMonth",
    description: "Point-in-time recovery (table and LSI data)",
    formula: detail ? `table and LSI data = ${f(backupSourceGb)} GB` : "",
    group: "other",
  };
  const destinations = regions.length - 1;
  const transferLines = new Map<number, LineTemplate>();
  const transferLine = (share: number): LineTemplate => {
    let line = transferLines.get(share);
    if (!line) {
      const gb = (monthlyWrites * share * size * destinations) / BYTES_PER_GB;
      line = {
        component: "replication-data-transfer",
        quantity: gb,
        unit: "GB",
        fixedPrice: transferUsdPerGb,
        isAssumption: true,
        group: "other",
        description: detail
          ? `Cross-Region data transfer of writes made here to ${destinations} other Region(s). Not in AWS's DynamoDB price list: assumed ${formatPrice(transferUsdPerGb)}/GB`
          : "",
        formula: detail
          ? `${writesText} x ${f(share)} x ${f(size)} bytes x ${destinations} destination(s) / 1,073,741,824 = ${f(gb)} GB`
          : "",
      };
      transferLines.set(share, line);
    }
    return line;
  };

  // Every shared line is priced from the table-class prices; sum their quantities per price once.
  const sharedQuantity = emptyQuantities();
  for (const t of shared) if (t.classKey) sharedQuantity[t.classKey] += t.quantity;

  const out: RegionCost[] = [];
  let throughputUsd = 0;
  let storageUsd = 0;
  for (const r of regions) {
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
    const share = r.isActive ? 1 / activeCount : 0;
    const reads = readTemplates(share, r.readCapacityOverride);
    const extras: LineTemplate[] = [];
    if (r.pitr) extras.push(pitrLine);
    const notes: string[] = [];
    if (r.role === "PRIMARY") {
      extras.push(
        ...primaryExtras(notes, warnings, request, workload, prices, backupSourceGb, transferUsdPerGb, detail),
      );
    }
    if (isGlobal && share > 0) extras.push(transferLine(share));

    if (!detail) {
      // Totals only: shared lines priced by their summed quantity per price, then the few others.
      let regionUsd = 0;
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
      out.push({
        region: r.region,
        role: r.role,
        tableClass: r.tableClass,
        lineItems: [],
        monthlyUsd: regionUsd,
        notes,
      });
      continue;
    }

    const templates: LineTemplate[] = [shared[0] as LineTemplate, ...reads, ...shared.slice(1), ...extras];
    const lines: CostLineItem[] = [];
    let regionUsd = 0;
    const label = CLASS_LABEL[r.tableClass];
    for (const t of templates) {
      const price = unitPrice(t, prices, cls);
      const monthlyUsd = t.quantity * price;
      regionUsd += monthlyUsd;
      if (t.group === "throughput") throughputUsd += monthlyUsd;
      else if (t.group === "storage") storageUsd += monthlyUsd;
      if (!detail) continue;
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
    out.push({
      region: r.region,
      role: r.role,
      tableClass: r.tableClass,
      lineItems: lines,
      monthlyUsd: regionUsd,
      notes,
    });
  }

  addBackupCopy(out, request, priceList, backupSourceGb, warnings, detail);
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
  return { regions: out, totalMonthlyUsd, throughputUsd, storageUsd, warnings };
}

/** Stream reads, AWS Backup storage and the backup copy's transfer: all charged in the primary Region. */
function primaryExtras(
  notes: string[],
  warnings: string[],
  request: TableRequest,
  workload: Workload,
  prices: RegionPrices,
  backupSourceGb: number,
  transferUsdPerGb: number,
  detail: boolean,
): LineTemplate[] {
  const f = detail ? formatNumber : () => "";
  const lines: LineTemplate[] = [];
  const streamReads = workload.streamReadsPerSecond ?? 0;
  // Global tables always have a stream; replication's own reads of it are free.
  const streamOn = request.stream?.enabled === true || request.regions.replicas.length > 0;
  if (streamReads > 0 && !streamOn) {
    notes.push("The workload gives stream reads but the stream is off; they are not priced.");
  } else if (streamReads > 0 && prices.streamsReadPer100k === null) {
    notes.push(`AWS publishes no DynamoDB Streams price for ${request.regions.primary}; stream reads are not priced.`);
    warnings.push(`Stream reads in ${request.regions.primary} are not priced: AWS publishes no Streams price there.`);
  } else if (streamReads > 0 && prices.streamsReadPer100k !== null) {
    const units = (streamReads * SECONDS_PER_MONTH) / 1e5;
    lines.push({
      component: "stream-read-request-units",
      quantity: units,
      unit: "100k stream RRU",
      fixedPrice: prices.streamsReadPer100k,
      group: "other",
      description: "DynamoDB Streams GetRecords calls (Lambda triggers and replication read free)",
      formula: detail ? `${f(streamReads)} GetRecords/s x ${f(SECONDS_PER_MONTH)} s / 100,000 = ${f(units)}` : "",
    });
  }
  const backup = request.backup;
  if (!backup?.enabled) return lines;
  const frequency = backupsPerDay(backup.schedule);
  if (frequency.assumedDaily)
    notes.push(`Backup schedule "${backup.schedule}" not understood; priced as one backup a day.`);
  const gb = frequency.perDay * backup.retentionDays * backupSourceGb;
  lines.push({
    component: "backup-storage",
    quantity: gb,
    unit: "GB-month",
    regionKey: "backupGbMonth",
    group: "other",
    description:
      "AWS Backup warm storage of full table backups (approximated by DynamoDB's on-demand backup price in AWS's price list)",
    formula: detail
      ? `${f(frequency.perDay)} backup(s)/day x ${f(backup.retentionDays)} days retained x ${f(backupSourceGb)} GB = ${f(gb)} GB`
      : "",
  });
  if (backup.copyRegion) {
    const copiedGb = frequency.perDay * DAYS_PER_MONTH * backupSourceGb;
    lines.push({
      component: "backup-copy-data-transfer",
      quantity: copiedGb,
      unit: "GB",
      fixedPrice: transferUsdPerGb,
      isAssumption: true,
      group: "other",
      description: detail
        ? `Cross-Region copy of each backup to ${backup.copyRegion}. Not in AWS's DynamoDB price list: assumed ${formatPrice(transferUsdPerGb)}/GB`
        : "",
      formula: detail
        ? `${f(frequency.perDay)} backup(s)/day x ${f(DAYS_PER_MONTH)} days x ${f(backupSourceGb)} GB = ${f(copiedGb)} GB`
        : "",
    });
  }
  return lines;
}

/** The backup copy Region stores the copies; it may also hold a replica, in which case the line joins that Region. */
function addBackupCopy(
  out: RegionCost[],
  request: TableRequest,
  priceList: PriceList,
  backupSourceGb: number,
  warnings: string[],
  detail: boolean,
): void {
  const backup = request.backup;
  if (!backup?.enabled || !backup.copyRegion) return;
  const copyRegion = backup.copyRegion;
  let entry = out.find((r) => r.region === copyRegion);
  if (!entry) {
    entry = { region: copyRegion, role: "BACKUP_COPY", lineItems: [], monthlyUsd: 0, notes: [] };
    out.push(entry);
  }
  const prices = findRegionPrices(priceList, copyRegion);
  if (!prices) {
    entry.notes.push(`No prices for ${copyRegion}; backup copies are not priced.`);
    warnings.push(`No DynamoDB prices for ${copyRegion} in the price list; backup copies there are not priced.`);
    return;
  }
  const frequency = backupsPerDay(backup.schedule);
  const days = backup.copyRetentionDays ?? backup.retentionDays;
  const gb = frequency.perDay * days * backupSourceGb;
  const monthlyUsd = gb * prices.backupGbMonth;
  entry.monthlyUsd += monthlyUsd;
  if (!detail) return;
  entry.lineItems.push({
    component: "backup-storage",
    description: `AWS Backup copies kept in ${copyRegion} (warm storage approximated by DynamoDB's on-demand backup price in AWS's price list)`,
    quantity: gb,
    unit: "GB-month",
    unitPriceUsd: prices.backupGbMonth,
    monthlyUsd,
    formula: `${formatNumber(frequency.perDay)} backup(s)/day x ${formatNumber(days)} days retained x ${formatNumber(backupSourceGb)} GB = ${formatNumber(gb)} GB`,
  });
}
