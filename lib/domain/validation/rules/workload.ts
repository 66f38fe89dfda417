import { describeShortfall, findCapacityShortfalls } from "../../cost/capacity-check";
import { formatNumber } from "../../cost/format";
import type { RuleContext } from "./context";

/** Relative tolerance for sums of rates given as decimals (0.1 + 0.2 is not 0.3). */
const SUM_TOLERANCE = 1e-9;

/**
 * The workload means one thing: one data size (itemCount or storageGb), reads per Region that
 * agree with the total, a consistency mix that adds up to 100, and capacity that can serve the
 * stated peak (a warning, or an error where the tier policy says `requireCapacityForPeak`).
 */
export function checkWorkload(context: RuleContext): void {
  const { request, report } = context;
  const workload = request.workload;
  if (!workload) return;

  if (workload.itemCount === undefined && workload.storageGb === undefined) {
    report.add(
      "WORKLOAD_STORAGE_REQUIRED",
      ["workload", "storageGb"],
      "Give the data size: the item count (items in the table, with the item size) or the storage (raw item data in GB).",
    );
  } else if (workload.itemCount !== undefined && workload.storageGb !== undefined) {
    report.add(
      "WORKLOAD_STORAGE_AMBIGUOUS",
      ["workload", "storageGb"],
      "Give either the item count or the storage, not both: they would be two answers to one question.",
    );
  }

  const mix = workload.readConsistencyMix;
  if (mix) {
    const total = mix.eventual + mix.strong + mix.transactional;
    if (Math.abs(total - 100) > 100 * SUM_TOLERANCE) {
      report.add(
        "WORKLOAD_CONSISTENCY_MIX_SUM",
        ["workload", "readConsistencyMix"],
        `The read consistency shares add up to ${formatNumber(total)}%, not 100%.`,
      );
    }
  }

  const byRegion = workload.readsPerSecondByRegion;
  if (byRegion) checkReadsByRegion(context, byRegion);
  checkCapacityForPeak(context);
}

function checkReadsByRegion(context: RuleContext, byRegion: Partial<Record<string, number>>): void {
  const { request, report } = context;
  const workload = request.workload;
  if (!workload) return;
  const roles = new Map<string, "ACTIVE" | "STANDBY">([[request.regions.primary, "ACTIVE"]]);
  for (const r of request.regions.replicas) roles.set(r.region, r.role);
  let named = 0;
  for (const [region, reads] of Object.entries(byRegion)) {
    if (reads === undefined) continue;
    const role = roles.get(region);
    if (!role) {
      report.add(
        "WORKLOAD_READS_REGION_NOT_IN_TABLE",
        ["workload", "readsPerSecondByRegion", region],
        `${region} holds no copy of this table (neither the primary nor a replica), so it serves no reads.`,
      );
      continue;
    }
    named += reads;
    if (role === "STANDBY" && reads > 0) {
      report.add(
        "WORKLOAD_READS_ON_STANDBY",
        ["workload", "readsPerSecondByRegion", region],
        `${region} is a STANDBY replica, which by its role takes no traffic; its ${formatNumber(reads)} reads/s are priced as given.`,
      );
    }
  }
  const total = workload.readsPerSecond;
  const tolerance = Math.max(total, named) * SUM_TOLERANCE;
  const openActive = [...roles].filter(([region, role]) => role === "ACTIVE" && byRegion[region] === undefined);
  if (named > total + tolerance) {
    report.add(
      "WORKLOAD_READS_BY_REGION_SUM",
      ["workload", "readsPerSecondByRegion"],
      `Reads per Region add up to ${formatNumber(named)}/s, more than readsPerSecond (${formatNumber(total)}/s).`,
    );
  } else if (openActive.length === 0 && named < total - tolerance) {
    report.add(
      "WORKLOAD_READS_BY_REGION_SUM",
      ["workload", "readsPerSecondByRegion"],
      `Every ACTIVE Region is named and they add up to ${formatNumber(named)}/s, less than readsPerSecond (${formatNumber(total)}/s): the other ${formatNumber(total - named)}/s would be served nowhere.`,
    );
  }
}

/** Peak demand above capacity: a warning, or the tier policy's error. */
function checkCapacityForPeak({ request, policy, report }: RuleContext): void {
  const workload = request.workload;
  if (!workload) return;
  const refuse = policy.tiers[request.tier].requireCapacityForPeak;
  for (const shortfall of findCapacityShortfalls(request, workload, "peak")) {
    const message = describeShortfall(shortfall, formatNumber);
    if (refuse) {
      report.add(
        "POLICY_CAPACITY_BELOW_PEAK_DEMAND",
        shortfall.path,
        `${message} The ${request.tier} tier requires capacity for the stated peak.`,
      );
    } else {
      report.add("CAPACITY_BELOW_PEAK_DEMAND", shortfall.path, message);
    }
  }
}
