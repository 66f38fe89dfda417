import type { Capacity } from "../../request/schema";
import type { RuleContext } from "./context";

/** Default per-table and per-GSI maximum, RCU or WCU ([DG] ServiceQuotas). */
export const MAX_CAPACITY_UNITS = 40_000;
/** Default per-account maximum, RCU or WCU. */
export const MAX_ACCOUNT_CAPACITY_UNITS = 80_000;
/** Default per-table on-demand maximum, RRU or WRU. */
export const MAX_ON_DEMAND_REQUEST_UNITS = 40_000;
export const MIN_TARGET_UTILIZATION = 20;
export const MAX_TARGET_UTILIZATION = 90;

type Path = (string | number)[];

/** Billing mode, provisioned capacity, auto scaling, on-demand maximums and replica overrides. */
export function checkBilling(context: RuleContext): void {
  const { request, report } = context;
  const { billing } = request;
  const gsis = request.globalSecondaryIndexes;

  if (billing.mode === "PROVISIONED") {
    checkCapacity(context, billing.read, ["billing", "read"], "read");
    checkCapacity(context, billing.write, ["billing", "write"], "write");
    let readTotal = billing.read.units;
    let writeTotal = billing.write.units;
    gsis.forEach((gsi, i) => {
      const base = ["globalSecondaryIndexes", i];
      if (!gsi.capacity) {
        report.add(
          "GSI_CAPACITY_REQUIRED",
          [...base, "capacity"],
          "The table is PROVISIONED, so this GSI needs read and write capacity (ideally with auto scaling).",
        );
      } else {
        checkCapacity(context, gsi.capacity.read, [...base, "capacity", "read"], "read");
        checkCapacity(context, gsi.capacity.write, [...base, "capacity", "write"], "write");
        readTotal += gsi.capacity.read.units;
        writeTotal += gsi.capacity.write.units;
      }
      if (gsi.onDemandThroughput) {
        report.add(
          "ON_DEMAND_THROUGHPUT_WITH_PROVISIONED",
          [...base, "onDemandThroughput"],
          "On-demand maximums only apply to PAY_PER_REQUEST tables.",
        );
      }
    });
    if (readTotal > MAX_ACCOUNT_CAPACITY_UNITS || writeTotal > MAX_ACCOUNT_CAPACITY_UNITS) {
      report.add(
        "ACCOUNT_CAPACITY_QUOTA",
        ["billing"],
        `Table and GSIs provision ${readTotal} RCU and ${writeTotal} WCU; the default account quota is ${MAX_ACCOUNT_CAPACITY_UNITS} each.`,
      );
    }
    if (context.isMrec || context.isMrsc) checkGlobalWriteAutoscaling(context);
  } else {
    if (billing.onDemandThroughput)
      checkOnDemand(context, billing.onDemandThroughput, ["billing", "onDemandThroughput"]);
    gsis.forEach((gsi, i) => {
      if (gsi.capacity) {
        report.add(
          "GSI_CAPACITY_NOT_ALLOWED",
          ["globalSecondaryIndexes", i, "capacity"],
          "The table is PAY_PER_REQUEST, so GSIs cannot have provisioned capacity; use onDemandThroughput to cap them.",
        );
      }
      if (gsi.onDemandThroughput) {
        checkOnDemand(context, gsi.onDemandThroughput, ["globalSecondaryIndexes", i, "onDemandThroughput"]);
      }
    });
  }

  request.regions.replicas.forEach((replica, i) => {
    const base = ["regions", "replicas", i];
    if (replica.readCapacityOverride !== undefined) {
      if (billing.mode !== "PROVISIONED") {
        report.add(
          "REPLICA_READ_CAPACITY_OVERRIDE_NOT_PROVISIONED",
          [...base, "readCapacityOverride"],
          "A read capacity override needs PROVISIONED billing (and no replica read override can be rendered; see PROVIDER_REPLICA_READ_CAPACITY_OVERRIDE_UNSUPPORTED).",
        );
      } else {
        checkUnits(context, replica.readCapacityOverride, [...base, "readCapacityOverride"], "read");
      }
    }
    if (replica.maxReadRequestUnitsOverride !== undefined) {
      if (billing.mode !== "PAY_PER_REQUEST") {
        report.add(
          "REPLICA_MAX_READ_OVERRIDE_NOT_ON_DEMAND",
          [...base, "maxReadRequestUnitsOverride"],
          "An on-demand read maximum needs PAY_PER_REQUEST billing (and no replica read override can be rendered; see PROVIDER_REPLICA_MAX_READ_OVERRIDE_UNSUPPORTED).",
        );
      } else {
        checkRequestUnits(context, replica.maxReadRequestUnitsOverride, [...base, "maxReadRequestUnitsOverride"]);
      }
    }
  });
}

function checkUnits({ report }: RuleContext, units: number, path: Path, kind: "read" | "write"): void {
  const unit = kind === "read" ? "RCU" : "WCU";
  if (units < 1) report.add("CAPACITY_UNITS_MIN", path, `Provisioned ${kind} capacity must be at least 1 ${unit}.`);
  if (units > MAX_CAPACITY_UNITS) {
    report.add(
      "CAPACITY_UNITS_MAX",
      path,
      `${units} ${unit} is above the default quota of ${MAX_CAPACITY_UNITS} per table or GSI; ask AWS to raise it first.`,
    );
  }
}

function checkCapacity(context: RuleContext, capacity: Capacity, path: Path, kind: "read" | "write"): void {
  const { report } = context;
  checkUnits(context, capacity.units, [...path, "units"], kind);
  const scaling = capacity.autoscaling;
  if (!scaling) {
    // A global table's missing write scaling is an error of its own; do not also warn about it.
    if (kind === "write" && (context.isMrec || context.isMrsc)) return;
    report.add(
      "PROVISIONED_WITHOUT_AUTOSCALING",
      [...path, "autoscaling"],
      `Fixed ${kind} capacity throttles under load and overpays when idle; add auto scaling.`,
    );
    return;
  }
  const scalingPath = [...path, "autoscaling"];
  if (scaling.minCapacity < 1) {
    report.add("AUTOSCALING_MIN_TOO_LOW", [...scalingPath, "minCapacity"], "Auto scaling minimum must be at least 1.");
  }
  if (scaling.maxCapacity > MAX_CAPACITY_UNITS) {
    report.add(
      "CAPACITY_UNITS_MAX",
      [...scalingPath, "maxCapacity"],
      `Auto scaling maximum ${scaling.maxCapacity} is above the default quota of ${MAX_CAPACITY_UNITS}.`,
    );
  }
  if (scaling.minCapacity > scaling.maxCapacity) {
    report.add(
      "AUTOSCALING_MIN_ABOVE_MAX",
      [...scalingPath, "minCapacity"],
      `Auto scaling minimum ${scaling.minCapacity} is above the maximum ${scaling.maxCapacity}.`,
    );
  } else if (capacity.units < scaling.minCapacity || capacity.units > scaling.maxCapacity) {
    report.add(
      "AUTOSCALING_UNITS_OUTSIDE_RANGE",
      [...path, "units"],
      `Initial ${capacity.units} is outside the auto scaling range ${scaling.minCapacity}-${scaling.maxCapacity}.`,
    );
  }
  if (scaling.targetUtilization < MIN_TARGET_UTILIZATION || scaling.targetUtilization > MAX_TARGET_UTILIZATION) {
    report.add(
      "AUTOSCALING_TARGET_OUT_OF_RANGE",
      [...scalingPath, "targetUtilization"],
      `Target utilisation must be ${MIN_TARGET_UTILIZATION}-${MAX_TARGET_UTILIZATION} percent; it is ${scaling.targetUtilization}.`,
    );
  }
}

function checkRequestUnits({ report }: RuleContext, value: number, path: Path): void {
  if (value === 0 || value < -1) {
    report.add("ON_DEMAND_THROUGHPUT_INVALID", path, "An on-demand maximum must be at least 1, or -1 for no cap.");
  } else if (value > MAX_ON_DEMAND_REQUEST_UNITS) {
    report.add(
      "ON_DEMAND_THROUGHPUT_ABOVE_QUOTA",
      path,
      `${value} request units is above the default table quota of ${MAX_ON_DEMAND_REQUEST_UNITS}.`,
    );
  }
}

function checkOnDemand(
  context: RuleContext,
  throughput: { maxReadRequestUnits?: number; maxWriteRequestUnits?: number },
  path: Path,
): void {
  if (throughput.maxReadRequestUnits !== undefined) {
    checkRequestUnits(context, throughput.maxReadRequestUnits, [...path, "maxReadRequestUnits"]);
  }
  if (throughput.maxWriteRequestUnits !== undefined) {
    checkRequestUnits(context, throughput.maxWriteRequestUnits, [...path, "maxWriteRequestUnits"]);
  }
}

// Global tables synchronise write capacity, so AWS insists it is auto scaled ([TF#13097]).
function checkGlobalWriteAutoscaling({ request, report }: RuleContext): void {
  if (request.billing.mode !== "PROVISIONED") return;
  const message = "A PROVISIONED global table needs write auto scaling here (or use PAY_PER_REQUEST).";
  if (!request.billing.write.autoscaling) {
    report.add("GLOBAL_TABLE_WRITE_AUTOSCALING_REQUIRED", ["billing", "write", "autoscaling"], message);
  }
  request.globalSecondaryIndexes.forEach((gsi, i) => {
    if (gsi.capacity && !gsi.capacity.write.autoscaling) {
      report.add(
        "GLOBAL_TABLE_WRITE_AUTOSCALING_REQUIRED",
        ["globalSecondaryIndexes", i, "capacity", "write", "autoscaling"],
        message,
      );
    }
  });
}
