import { splitSevenColumnCsv } from "./csv-rows";
import type { PriceList, RegionPrices, TableClassPrices } from "./types";

/**
 * The project's price file (`prices/dynamodb-prices.csv`) is AWS's per-Region DynamoDB price list,
 * one rate per row: `region,component,table_class,unit,usd,effective_date,source`. This module turns
 * its text into the compact `PriceList` the engine imports as JSON. Pure (takes text, no fs) so the
 * generator script and the test that checks the JSON against the CSV share one reading.
 */

export const PRICE_CSV_HEADER = "region,component,table_class,unit,usd,effective_date,source";

/** One row of the price CSV. */
export interface PriceCsvRow {
  region: string;
  component: string;
  tableClass: string;
  unit: string;
  usd: number;
  effectiveDate: string;
  source: string;
}

/** CSV component -> field of `TableClassPrices`, for the rates that depend on the table class. */
const CLASS_FIELDS: Record<string, keyof TableClassPrices> = {
  ondemand_write_request_unit: "writeRequestPerMillion",
  ondemand_read_request_unit: "readRequestPerMillion",
  ondemand_replicated_write_request_unit: "replicatedWriteRequestPerMillion",
  provisioned_wcu_hour: "wcuHour",
  provisioned_rcu_hour: "rcuHour",
  provisioned_replicated_wcu_hour: "replicatedWcuHour",
  storage: "storageGbMonth",
};

/** CSV component -> field of `RegionPrices`, for the rates shared by both classes (table_class ALL). */
const REGION_FIELDS: Record<string, "pitrGbMonth" | "backupGbMonth" | "restoreGb" | "streamsReadPer100k"> = {
  pitr_backup_storage: "pitrGbMonth",
  ondemand_backup_storage: "backupGbMonth",
  restore: "restoreGb",
  streams_read_request_unit: "streamsReadPer100k",
};

/** Unit text of each component in the CSV, so rows written by the refresh script read like AWS's file. */
export const CSV_UNITS: Record<string, string> = {
  ondemand_write_request_unit: "USD per million WRU",
  ondemand_read_request_unit: "USD per million RRU",
  ondemand_replicated_write_request_unit: "USD per million rWRU",
  provisioned_wcu_hour: "USD per WCU-hour",
  provisioned_rcu_hour: "USD per RCU-hour",
  provisioned_replicated_wcu_hour: "USD per rWCU-hour",
  storage: "USD per GB-month",
  pitr_backup_storage: "USD per GB-month",
  ondemand_backup_storage: "USD per GB-month",
  restore: "USD per GB restored",
  streams_read_request_unit: "USD per 100k streams read request units",
};

/** Splits the CSV text into rows. The file has no quoted fields; a row with another column count is an error. */
export function parsePriceCsvRows(text: string): PriceCsvRow[] {
  return splitSevenColumnCsv(text, PRICE_CSV_HEADER, "price CSV").map(({ line, cells }) => {
    const [region, component, tableClass, unit, usd, effectiveDate, source] = cells;
    const value = Number(usd);
    if (!Number.isFinite(value) || value < 0) throw new Error(`price CSV line ${line}: bad price "${usd}"`);
    return { region, component, tableClass, unit, usd: value, effectiveDate, source };
  });
}

/** Writes rows back as CSV text (the refresh script's output). */
export function formatPriceCsv(rows: readonly PriceCsvRow[]): string {
  const body = rows.map((r) =>
    [r.region, r.component, r.tableClass, r.unit, String(r.usd), r.effectiveDate, r.source]
      .map((cell) => cell.replaceAll(",", ";"))
      .join(","),
  );
  return `${[PRICE_CSV_HEADER, ...body].join("\n")}\n`;
}

const emptyClass = (): TableClassPrices => ({
  writeRequestPerMillion: Number.NaN,
  readRequestPerMillion: Number.NaN,
  replicatedWriteRequestPerMillion: Number.NaN,
  wcuHour: Number.NaN,
  rcuHour: Number.NaN,
  replicatedWcuHour: Number.NaN,
  storageGbMonth: Number.NaN,
});

/**
 * Builds the engine's `PriceList` from CSV rows. Free-tier rows are skipped: the free tier is per
 * account, not per table, so estimates ignore it. Throws when a Region lacks a rate the engine
 * needs (only the Streams price may be missing; AWS publishes none for il-central-1).
 */
export function buildPriceList(rows: readonly PriceCsvRow[]): PriceList {
  const regions: Record<string, RegionPrices> = {};
  for (const row of rows) {
    if (row.component.endsWith("_free_tier")) continue;
    let prices = regions[row.region];
    if (!prices) {
      prices = {
        STANDARD: emptyClass(),
        STANDARD_INFREQUENT_ACCESS: emptyClass(),
        pitrGbMonth: Number.NaN,
        backupGbMonth: Number.NaN,
        restoreGb: Number.NaN,
        streamsReadPer100k: null,
      };
      regions[row.region] = prices;
    }
    const classField = CLASS_FIELDS[row.component];
    const regionField = REGION_FIELDS[row.component];
    if (classField && (row.tableClass === "STANDARD" || row.tableClass === "STANDARD_INFREQUENT_ACCESS")) {
      prices[row.tableClass][classField] = row.usd;
    } else if (regionField && row.tableClass === "ALL") {
      prices[regionField] = row.usd;
    } else {
      throw new Error(`price CSV: unknown component ${row.component}/${row.tableClass} in ${row.region}`);
    }
  }
  for (const [region, prices] of Object.entries(regions)) {
    const missing = [
      ...Object.entries(prices.STANDARD).map(([k, v]) => [`STANDARD.${k}`, v] as const),
      ...Object.entries(prices.STANDARD_INFREQUENT_ACCESS).map(([k, v]) => [`IA.${k}`, v] as const),
      ["pitrGbMonth", prices.pitrGbMonth] as const,
      ["backupGbMonth", prices.backupGbMonth] as const,
      ["restoreGb", prices.restoreGb] as const,
    ].filter(([, v]) => Number.isNaN(v));
    if (missing.length > 0) throw new Error(`price CSV: ${region} lacks ${missing.map(([k]) => k).join(", ")}`);
  }
  const first = rows[0];
  return {
    source: first ? describeSource(first.source) : "",
    publicationDate: first ? first.effectiveDate.slice(0, 10) : "",
    currency: "USD",
    regions: Object.fromEntries(Object.entries(regions).sort(([a], [b]) => a.localeCompare(b))),
  };
}

/** The part of a row's source shared by every row (drops the per-rate label and rate code). */
function describeSource(source: string): string {
  const cut = source.indexOf(" label=");
  const shared = cut >= 0 ? source.slice(0, cut) : source;
  return `AWS DynamoDB per-Region price list: ${shared}`;
}

/** Convenience: CSV text -> PriceList. */
export function parsePriceCsv(text: string): PriceList {
  return buildPriceList(parsePriceCsvRows(text));
}
