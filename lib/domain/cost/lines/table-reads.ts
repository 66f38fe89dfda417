import { formatPercent } from "../format";
import { sizeCapacity } from "../provisioned-capacity";
import { HOURS_PER_MONTH, SECONDS_PER_MONTH } from "../units";
import type { DataRegion } from "../workload-profile";
import { HOURS_TEXT, type LineTemplate, type PricingInput } from "./line-template";

/**
 * Table reads of one Region: the reads it serves (per `readsPerSecondByRegion`, else an even share
 * of the ACTIVE Regions). On-demand: read request units at the consistency mix. Provisioned: the
 * read capacity held for those reads, or the replica's read capacity override as given.
 */
export function buildReadLines(input: PricingInput, region: DataRegion): LineTemplate[] {
  const { profile, billing, detail, f } = input;
  const ruPerRead = profile.readUnitsPerRead;
  const reads = region.readsPerSecond;
  const shareText = detail ? `${f(reads)} reads/s (${formatPercent(region.readShare * 100)} of reads served here)` : "";
  if (!billing) {
    if (!(reads > 0)) return [];
    const rru = (reads * SECONDS_PER_MONTH * ruPerRead) / 1e6;
    return [
      {
        component: "read-request-units",
        quantity: rru,
        unit: "million RRU",
        classKey: "readRequestPerMillion",
        description: detail ? `Table reads (${shareText}, ${profile.consistencyLabel})` : "",
        withClass: true,
        formula: detail
          ? `${f(reads)} reads/s x ${f(SECONDS_PER_MONTH)} s x ${f(ruPerRead)} RRU/read / 1,000,000 = ${f(rru)} million`
          : "",
        group: "throughput",
      },
    ];
  }
  const override = region.readCapacityOverride;
  const read =
    override !== undefined
      ? { units: override, formula: detail ? `${f(override)} RCU (replica read override)` : "" }
      : sizeCapacity(billing.read, reads * ruPerRead, "RCU", detail);
  return [
    {
      component: "read-capacity-units",
      quantity: read.units * HOURS_PER_MONTH,
      unit: "RCU-hour",
      classKey: "rcuHour",
      description: detail ? `Table read capacity (${shareText}, ${profile.consistencyLabel})` : "",
      withClass: true,
      formula: detail ? read.formula + HOURS_TEXT : "",
      group: "throughput",
    },
  ];
}
