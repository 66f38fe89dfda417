import { sizeCapacity } from "../provisioned-capacity";
import { HOURS_PER_MONTH, writeUnitsPerItem, writeUnitsPerWrite } from "../units";
import { HOURS_TEXT, type LineTemplate, type PricingInput } from "./line-template";

/**
 * Table writes, paid in full in every Region that holds the table. On-demand: write request units
 * (replicated units on a global table, in every Region including the one that took the write).
 * Provisioned: write capacity, which LSI writes also consume (AWS: LSIs share the table's capacity).
 */
export function buildTableWriteLines(input: PricingInput): LineTemplate[] {
  const { profile, billing, isGlobal, detail, f, indexes } = input;
  const wuPerWrite = writeUnitsPerWrite(profile.workload);
  if (!billing) {
    const wru = (input.monthlyWrites * wuPerWrite) / 1e6;
    const formula = detail ? `${input.writesText} x ${wuPerWrite} WRU/write / 1,000,000 = ${f(wru)} million` : "";
    return [
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
    ];
  }
  let lsiWriteUnits = 0;
  for (const ix of indexes) if (ix.kind === "LSI") lsiWriteUnits += writeUnitsPerItem(ix.projectedBytes);
  const demand = profile.workload.writesPerSecond * (wuPerWrite + lsiWriteUnits);
  const write = sizeCapacity(billing.write, demand, "WCU", detail);
  const quantity = write.units * HOURS_PER_MONTH;
  const formula = detail ? write.formula + HOURS_TEXT : "";
  return [
    isGlobal
      ? {
          component: "replicated-write-capacity-units",
          quantity,
          unit: "rWCU-hour",
          classKey: "replicatedWcuHour",
          description: "Write capacity of the global table in this Region (rWCU, synchronised across replicas)",
          withClass: true,
          formula,
          group: "throughput",
        }
      : {
          component: "write-capacity-units",
          quantity,
          unit: "WCU-hour",
          classKey: "wcuHour",
          description: "Table write capacity",
          withClass: true,
          formula,
          group: "throughput",
        },
  ];
}
