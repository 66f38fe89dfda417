import { sizeCapacity } from "../provisioned-capacity";
import { HOURS_PER_MONTH, writeUnitsPerItem } from "../units";
import { HOURS_TEXT, type LineTemplate, type PricingInput } from "./line-template";

/**
 * Secondary index writes and GSI capacity, paid in every Region. Every table write also writes
 * every index for its projected size, as standard units even on a global table (AWS global tables
 * billing). On a provisioned table a GSI has its own write and read capacity; LSI writes are in
 * the table's write capacity (see table-writes).
 */
export function buildIndexLines(input: PricingInput): LineTemplate[] {
  const { indexes, billing, detail, f, profile } = input;
  const lines: LineTemplate[] = [];
  for (const ix of indexes) {
    const wuIx = writeUnitsPerItem(ix.projectedBytes);
    const what = detail ? `${ix.kind} ${ix.name} (${ix.projection}, ~${f(ix.projectedBytes)} bytes projected)` : "";
    if (!billing) {
      const wru = (input.monthlyWrites * wuIx) / 1e6;
      lines.push({
        component: "index-write-request-units",
        quantity: wru,
        unit: "million WRU",
        classKey: "writeRequestPerMillion",
        description: detail ? `Writes to ${what}` : "",
        withClass: true,
        formula: detail ? `${input.writesText} x ${wuIx} WRU/write / 1,000,000 = ${f(wru)} million` : "",
        group: "throughput",
      });
      continue;
    }
    if (ix.kind !== "GSI") continue;
    const write = sizeCapacity(ix.capacity?.write, profile.workload.writesPerSecond * wuIx, "WCU", detail);
    // Reads in the workload are priced as table reads; a GSI's own read capacity is priced as given.
    const read = sizeCapacity(ix.capacity?.read, 0, "RCU", detail);
    lines.push(
      {
        component: "index-write-capacity-units",
        quantity: write.units * HOURS_PER_MONTH,
        unit: "WCU-hour",
        classKey: "wcuHour",
        description: detail ? `Write capacity of ${what}` : "",
        withClass: true,
        formula: detail ? write.formula + HOURS_TEXT : "",
        group: "throughput",
      },
      {
        component: "index-read-capacity-units",
        quantity: read.units * HOURS_PER_MONTH,
        unit: "RCU-hour",
        classKey: "rcuHour",
        description: detail ? `Read capacity of GSI ${ix.name}` : "",
        withClass: true,
        formula: detail ? read.formula + HOURS_TEXT : "",
        group: "throughput",
      },
    );
  }
  return lines;
}
