import { splitSevenColumnCsv } from "./csv-rows";
import type { ReservedPrice, ReservedPriceList } from "./types";

/**
 * `prices/dynamodb-reserved-capacity.csv`: DynamoDB reserved-capacity prices, which AWS's per-Region
 * price file behind `prices/dynamodb-prices.csv` does not carry. One row per Region, term and
 * capacity type, per 100 units (AWS sells reservations in blocks of 100 RCU or WCU):
 * `region,term,unit,upfront_usd_per_100,hourly_usd_per_100,source_standard_hourly_usd,source`.
 * `source_standard_hourly_usd` is the source's own standard provisioned rate, kept so a test can
 * check the source is of the same price era as AWS's price file. Pure: text in, data out.
 */

export const RESERVED_CSV_HEADER =
  "region,term,unit,upfront_usd_per_100,hourly_usd_per_100,source_standard_hourly_usd,source";

export interface ReservedCsvRow {
  region: string;
  term: "1-year" | "3-year";
  unit: "RCU" | "WCU";
  upfrontUsdPer100: number;
  hourlyUsdPer100: number;
  sourceStandardHourlyUsd: number;
  source: string;
}

function positive(value: string, line: number, column: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`reserved CSV line ${line}: bad ${column} "${value}"`);
  return n;
}

/** Splits the CSV into rows; any malformed row is an error naming its line. */
export function parseReservedCsvRows(text: string): ReservedCsvRow[] {
  return splitSevenColumnCsv(text, RESERVED_CSV_HEADER, "reserved CSV").map(({ line: n, cells }) => {
    const [region, term, unit, upfront, hourly, standard, source] = cells;
    if (term !== "1-year" && term !== "3-year") throw new Error(`reserved CSV line ${n}: bad term "${term}"`);
    if (unit !== "RCU" && unit !== "WCU") throw new Error(`reserved CSV line ${n}: bad unit "${unit}"`);
    return {
      region,
      term,
      unit,
      upfrontUsdPer100: positive(upfront, n, "upfront"),
      hourlyUsdPer100: positive(hourly, n, "hourly"),
      sourceStandardHourlyUsd: positive(standard, n, "standard hourly"),
      source,
    };
  });
}

/** Builds the engine's reserved price list; a Region-term needs both an RCU and a WCU row. */
export function buildReservedPriceList(rows: readonly ReservedCsvRow[]): ReservedPriceList {
  const partial: Record<
    string,
    Partial<Record<"1-year" | "3-year", Partial<Record<"rcu" | "wcu", ReservedPrice>>>>
  > = {};
  for (const row of rows) {
    const region = partial[row.region] ?? {};
    partial[row.region] = region;
    const term = region[row.term] ?? {};
    region[row.term] = term;
    const key = row.unit === "RCU" ? "rcu" : "wcu";
    if (term[key]) throw new Error(`reserved CSV: ${row.region} ${row.term} ${row.unit} is listed twice`);
    term[key] = { upfrontUsd: row.upfrontUsdPer100, hourlyUsd: row.hourlyUsdPer100 };
  }
  const regions: ReservedPriceList["regions"] = {};
  for (const region of Object.keys(partial).sort()) {
    const terms = partial[region] ?? {};
    const out: ReservedPriceList["regions"][string] = {};
    for (const term of ["1-year", "3-year"] as const) {
      const t = terms[term];
      if (!t) continue;
      if (!t.rcu || !t.wcu) throw new Error(`reserved CSV: ${region} ${term} needs both an RCU and a WCU row`);
      out[term] = { rcu: t.rcu, wcu: t.wcu };
    }
    regions[region] = out;
  }
  const first = rows[0]?.source ?? "";
  const cut = first.indexOf(" airport=");
  return {
    source: `DynamoDB reserved capacity (per 100 units): ${cut >= 0 ? first.slice(0, cut) : first}`,
    regions,
  };
}

/** Convenience: CSV text -> ReservedPriceList. */
export function parseReservedCsv(text: string): ReservedPriceList {
  return buildReservedPriceList(parseReservedCsvRows(text));
}
