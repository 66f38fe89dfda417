import type { TableClass, TableRequest, Workload } from "../request/schema";
import { backupsPerDay } from "./backup-schedule";
import { formatNumber, formatPrice } from "./format";
import { indexShapes } from "./index-projection";
import { findRegionPrices } from "./price-list";
import { sizeCapacity } from "./provisioned-capacity";
import type { CostComponent, CostLineItem, PriceList, RegionCost, RegionPrices, RegionRole } from "./types";
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
 */

export interface RegionCostsResult {
  regions: RegionCost[];
  totalMonthlyUsd: number;
  warnings: string[];
}

interface DataRegion {
  region: string;
  role: RegionRole;
  tableClass: TableClass;
  isActive: boolean;
  pitr: boolean;
  readCapacityOverride?: number;
}

function item(
  component: CostComponent,
  description: string,
  quantity: number,
  unit: string,
  unitPriceUsd: number,
  formula: string,
  isAssumption?: boolean,
): CostLineItem {
  const line: CostLineItem = {
    component,
    description,
    quantity,
    unit,
    unitPriceUsd,
    monthlyUsd: quantity * unitPriceUsd,
    formula,
  };
  if (isAssumption) line.isAssumption = true;
  return line;
}

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

/** Prices `workload` for `request` in every Region it touches. */
export function priceRegions(
  request: TableRequest,
  workload: Workload,
  priceList: PriceList,
  transferUsdPerGb: number,
): RegionCostsResult {
  const warnings: string[] = [];
  const size = workload.itemSizeBytes;
  const wuPerWrite = writeUnitsPerWrite(workload);
  const ruPerRead = readUnitsPerRead(workload);
  const monthlyWrites = workload.writesPerSecond * SECONDS_PER_MONTH;
  const monthlyReads = workload.readsPerSecond * SECONDS_PER_MONTH;
  const indexes = indexShapes(request, size);
  const lsis = indexes.filter((i) => i.kind === "LSI");
  const regions = dataRegions(request);
  const isGlobal = regions.length > 1;
  const activeCount = regions.filter((r) => r.isActive).length;
  const billing = request.billing.mode === "PROVISIONED" ? request.billing : undefined;

  // Storage per Region: same data everywhere (every replica holds the table and all its indexes).
  const tableGb = (workload.storageGb * (size + ITEM_OVERHEAD_BYTES)) / size;
  const indexGb = indexes.map((ix) => (workload.storageGb * (ix.projectedBytes + ITEM_OVERHEAD_BYTES)) / size);
  // PITR and backups cover the table and its LSIs, not GSIs (AWS billing docs).
  const lsiGb = indexes.reduce((sum, ix, i) => (ix.kind === "LSI" ? sum + (indexGb[i] ?? 0) : sum), 0);
  const backupSourceGb = tableGb + lsiGb;
  const writesText = `${formatNumber(workload.writesPerSecond)} writes/s x ${formatNumber(SECONDS_PER_MONTH)} s`;

  // Provisioned table writes: LSI writes consume the table's own write capacity.
  const lsiWriteUnits = lsis.reduce((sum, ix) => sum + writeUnitsPerItem(ix.projectedBytes), 0);
  const tableWriteDemand = workload.writesPerSecond * (wuPerWrite + lsiWriteUnits);
  const tableWrite = billing ? sizeCapacity(billing.write, tableWriteDemand, "WCU") : undefined;
  if (tableWrite?.shortfall) {
    warnings.push(
      `Provisioned write capacity ${tableWrite.shortfall.units} WCU is below the average demand of ${formatNumber(tableWrite.shortfall.demand)} WCU: the table would throttle.`,
    );
  }

  const out: RegionCost[] = [];
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
    const classLabel = r.tableClass === "STANDARD" ? "Standard" : "Standard-IA";
    const share = r.isActive ? 1 / activeCount : 0;
    const lines: CostLineItem[] = [];
    const notes: string[] = [];

    // Table writes: every replica applies every write. AWS bills global-table writes as replicated units everywhere.
    if (!billing) {
      const wru = (monthlyWrites * wuPerWrite) / 1e6;
      const formula = `${writesText} x ${wuPerWrite} WRU/write / 1,000,000 = ${formatNumber(wru)} million`;
      lines.push(
        isGlobal
          ? item(
              "replicated-write-request-units",
              `Every write to the global table, applied in this Region (rWRU, ${classLabel})`,
              wru,
              "million rWRU",
              cls.replicatedWriteRequestPerMillion,
              formula,
            )
          : item(
              "write-request-units",
              `Table writes (${classLabel})`,
              wru,
              "million WRU",
              cls.writeRequestPerMillion,
              formula,
            ),
      );
      if (share > 0) {
        const rru = (monthlyReads * share * ruPerRead) / 1e6;
        lines.push(
          item(
            "read-request-units",
            `Table reads served here (${formatNumber(share * 100)}% of reads, ${workload.readConsistency.toLowerCase()}, ${classLabel})`,
            rru,
            "million RRU",
            cls.readRequestPerMillion,
            `${formatNumber(workload.readsPerSecond)} reads/s x ${formatNumber(share)} x ${formatNumber(SECONDS_PER_MONTH)} s x ${formatNumber(ruPerRead)} RRU/read / 1,000,000 = ${formatNumber(rru)} million`,
          ),
        );
      }
    } else if (tableWrite) {
      const hours = tableWrite.units * HOURS_PER_MONTH;
      const formula = `${tableWrite.formula}; x ${HOURS_PER_MONTH} h`;
      lines.push(
        isGlobal
          ? item(
              "replicated-write-capacity-units",
              `Write capacity of the global table in this Region (rWCU, synchronised across replicas, ${classLabel})`,
              hours,
              "rWCU-hour",
              cls.replicatedWcuHour,
              formula,
            )
          : item(
              "write-capacity-units",
              `Table write capacity (${classLabel})`,
              hours,
              "WCU-hour",
              cls.wcuHour,
              formula,
            ),
      );
      const readDemand = workload.readsPerSecond * share * ruPerRead;
      const read =
        r.readCapacityOverride !== undefined
          ? {
              units: r.readCapacityOverride,
              formula: `${formatNumber(r.readCapacityOverride)} RCU (replica read override)`,
            }
          : sizeCapacity(billing.read, readDemand, "RCU");
      if ("shortfall" in read && read.shortfall) {
        warnings.push(
          `Provisioned read capacity in ${r.region} (${read.shortfall.units} RCU) is below the average demand of ${formatNumber(read.shortfall.demand)} RCU.`,
        );
      }
      lines.push(
        item(
          "read-capacity-units",
          `Table read capacity (${formatNumber(share * 100)}% of reads served here, ${classLabel})`,
          read.units * HOURS_PER_MONTH,
          "RCU-hour",
          cls.rcuHour,
          `${read.formula}; x ${HOURS_PER_MONTH} h`,
        ),
      );
    }

    // Index writes: every write updates every index for the projected size. GSI writes stay standard units on global tables.
    for (const ix of indexes) {
      const wuIx = writeUnitsPerItem(ix.projectedBytes);
      const what = `${ix.kind} ${ix.name} (${ix.projection}, ~${formatNumber(ix.projectedBytes)} bytes projected)`;
      if (!billing) {
        const wru = (monthlyWrites * wuIx) / 1e6;
        lines.push(
          item(
            "index-write-request-units",
            `Writes to ${what}`,
            wru,
            "million WRU",
            cls.writeRequestPerMillion,
            `${writesText} x ${wuIx} WRU/write / 1,000,000 = ${formatNumber(wru)} million`,
          ),
        );
      } else if (ix.kind === "GSI") {
        const write = sizeCapacity(ix.capacity?.write, workload.writesPerSecond * wuIx, "WCU");
        if (write.shortfall) {
          warnings.push(
            `GSI ${ix.name} write capacity (${write.shortfall.units} WCU) is below the average demand of ${formatNumber(write.shortfall.demand)} WCU: writes to the table would throttle.`,
          );
        }
        lines.push(
          item(
            "index-write-capacity-units",
            `Write capacity of ${what}`,
            write.units * HOURS_PER_MONTH,
            "WCU-hour",
            cls.wcuHour,
            `${write.formula}; x ${HOURS_PER_MONTH} h`,
          ),
        );
        // Reads in the workload are priced as table reads; a GSI's own read capacity is priced as given.
        const read = sizeCapacity(ix.capacity?.read, 0, "RCU");
        lines.push(
          item(
            "index-read-capacity-units",
            `Read capacity of GSI ${ix.name}`,
            read.units * HOURS_PER_MONTH,
            "RCU-hour",
            cls.rcuHour,
            `${read.formula}; x ${HOURS_PER_MONTH} h`,
          ),
        );
      }
    }

    // Storage: table and every index, with AWS's 100-byte per-item overhead.
    lines.push(
      item(
        "table-storage",
        `Table data (${classLabel})`,
        tableGb,
        "GB-month",
        cls.storageGbMonth,
        `${formatNumber(workload.storageGb)} GB x (${formatNumber(size)} + ${ITEM_OVERHEAD_BYTES} bytes overhead) / ${formatNumber(size)} bytes = ${formatNumber(tableGb)} GB`,
      ),
    );
    indexes.forEach((ix, i) => {
      const gb = indexGb[i] ?? 0;
      lines.push(
        item(
          "index-storage",
          `${ix.kind} ${ix.name} data (${ix.projection}, ${classLabel})`,
          gb,
          "GB-month",
          cls.storageGbMonth,
          `${formatNumber(workload.storageGb)} GB x (${formatNumber(ix.projectedBytes)} + ${ITEM_OVERHEAD_BYTES} bytes) / ${formatNumber(size)} bytes per item = ${formatNumber(gb)} GB`,
        ),
      );
    });
    if (r.pitr) {
      lines.push(
        item(
          "pitr-storage",
          "Point-in-time recovery (table and LSI data)",
          backupSourceGb,
          "GB-month",
          prices.pitrGbMonth,
          `table${lsis.length > 0 ? " + LSI" : ""} data = ${formatNumber(backupSourceGb)} GB`,
        ),
      );
    }
    if (r.role === "PRIMARY") {
      pushPrimaryExtras(lines, notes, warnings, request, workload, prices, backupSourceGb, transferUsdPerGb);
    }
    if (isGlobal && share > 0) {
      const destinations = regions.length - 1;
      const gb = (monthlyWrites * share * size * destinations) / BYTES_PER_GB;
      lines.push(
        item(
          "replication-data-transfer",
          `Cross-Region data transfer of writes made here to ${destinations} other Region(s). Not in AWS's DynamoDB price list: assumed ${formatPrice(transferUsdPerGb)}/GB`,
          gb,
          "GB",
          transferUsdPerGb,
          `${writesText} x ${formatNumber(share)} x ${formatNumber(size)} bytes x ${destinations} destination(s) / 1,073,741,824 = ${formatNumber(gb)} GB`,
          true,
        ),
      );
    }
    out.push({
      region: r.region,
      role: r.role,
      tableClass: r.tableClass,
      lineItems: lines,
      monthlyUsd: sum(lines),
      notes,
    });
  }

  addBackupCopy(out, request, workload, priceList, backupSourceGb, warnings);
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
  return { regions: out, totalMonthlyUsd: out.reduce((t, r) => t + r.monthlyUsd, 0), warnings };
}

function sum(lines: readonly CostLineItem[]): number {
  let total = 0;
  for (const line of lines) total += line.monthlyUsd;
  return total;
}

/** Stream reads, AWS Backup storage and the backup copy's transfer: all charged in the primary Region. */
function pushPrimaryExtras(
  lines: CostLineItem[],
  notes: string[],
  warnings: string[],
  request: TableRequest,
  workload: Workload,
  prices: RegionPrices,
  backupSourceGb: number,
  transferUsdPerGb: number,
): void {
  const streamReads = workload.streamReadsPerSecond ?? 0;
  const streamOn = request.stream?.enabled === true || request.regions.replicas.length > 0;
  if (streamReads > 0 && !streamOn) {
    notes.push("The workload gives stream reads but the stream is off; they are not priced.");
  } else if (streamReads > 0 && prices.streamsReadPer100k === null) {
    notes.push(`AWS publishes no DynamoDB Streams price for ${request.regions.primary}; stream reads are not priced.`);
    warnings.push(`Stream reads in ${request.regions.primary} are not priced: AWS publishes no Streams price there.`);
  } else if (streamReads > 0 && prices.streamsReadPer100k !== null) {
    const units = (streamReads * SECONDS_PER_MONTH) / 1e5;
    lines.push(
      item(
        "stream-read-request-units",
        "DynamoDB Streams GetRecords calls (Lambda triggers and replication read free)",
        units,
        "100k stream RRU",
        prices.streamsReadPer100k,
        `${formatNumber(streamReads)} GetRecords/s x ${formatNumber(SECONDS_PER_MONTH)} s / 100,000 = ${formatNumber(units)}`,
      ),
    );
  }
  const backup = request.backup;
  if (!backup?.enabled) return;
  const frequency = backupsPerDay(backup.schedule);
  if (frequency.assumedDaily)
    notes.push(`Backup schedule "${backup.schedule}" not understood; priced as one backup a day.`);
  const retained = frequency.perDay * backup.retentionDays;
  const gb = retained * backupSourceGb;
  lines.push(
    item(
      "backup-storage",
      "AWS Backup warm storage of full table backups (approximated by DynamoDB's on-demand backup price in AWS's price list)",
      gb,
      "GB-month",
      prices.backupGbMonth,
      `${formatNumber(frequency.perDay)} backup(s)/day x ${formatNumber(backup.retentionDays)} days retained x ${formatNumber(backupSourceGb)} GB = ${formatNumber(gb)} GB`,
    ),
  );
  if (backup.copyRegion) {
    const copiedGb = frequency.perDay * DAYS_PER_MONTH * backupSourceGb;
    lines.push(
      item(
        "backup-copy-data-transfer",
        `Cross-Region copy of each backup to ${backup.copyRegion}. Not in AWS's DynamoDB price list: assumed ${formatPrice(transferUsdPerGb)}/GB`,
        copiedGb,
        "GB",
        transferUsdPerGb,
        `${formatNumber(frequency.perDay)} backup(s)/day x ${formatNumber(DAYS_PER_MONTH)} days x ${formatNumber(backupSourceGb)} GB = ${formatNumber(copiedGb)} GB`,
        true,
      ),
    );
  }
}

/** The backup copy Region stores the copies; it may also hold a replica, in which case the line joins that Region. */
function addBackupCopy(
  out: RegionCost[],
  request: TableRequest,
  workload: Workload,
  priceList: PriceList,
  backupSourceGb: number,
  warnings: string[],
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
  const line = item(
    "backup-storage",
    `AWS Backup copies kept in ${copyRegion} (warm storage approximated by DynamoDB's on-demand backup price in AWS's price list)`,
    gb,
    "GB-month",
    prices.backupGbMonth,
    `${formatNumber(frequency.perDay)} backup(s)/day x ${formatNumber(days)} days retained x ${formatNumber(backupSourceGb)} GB = ${formatNumber(gb)} GB (${formatNumber(workload.storageGb)} GB of data)`,
  );
  entry.lineItems.push(line);
  entry.monthlyUsd += line.monthlyUsd;
}
