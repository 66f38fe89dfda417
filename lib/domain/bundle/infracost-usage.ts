import type { CostEstimate, CostLineItem } from "../cost/types";
import { HOURS_PER_MONTH } from "../cost/units";
import type { TableRequest } from "../request/schema";

/**
 * `infracost-usage.yml`: the workload the estimate priced, in Infracost's usage-file format
 * (version 0.1), so a team that runs `infracost breakdown --usage-file` in CI prices the module
 * from the same numbers. Keys are Infracost's for `aws_dynamodb_table` and
 * `aws_appautoscaling_target` (infracost/infracost `internal/resources/aws/dynamodb_table.go`,
 * `app_autoscaling_target.go`); Infracost reads them as whole numbers, so values are rounded up.
 * What Infracost prices differently is listed at the top of the file and in docs/cost-estimate.md.
 */

export const INFRACOST_USAGE_FILE = "infracost-usage.yml";

/** The module's resource addresses: the table is `this`; table auto scaling targets are `table_read` / `table_write`. */
const TABLE = "aws_dynamodb_table.this";
const READ_TARGET = "aws_appautoscaling_target.table_read";
const WRITE_TARGET = "aws_appautoscaling_target.table_write";

function sumQuantity(items: readonly CostLineItem[], components: readonly CostLineItem["component"][]): number {
  let total = 0;
  for (const item of items) if (components.includes(item.component)) total += item.quantity;
  return total;
}

/** Infracost reads Int64 usage values: round up, so a usage file never understates the workload. */
function whole(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.ceil(value - 1e-9) : 0;
}

/** The usage file's text for `request` as `estimate` priced it. Deterministic: same inputs, same bytes. */
export function buildInfracostUsage(request: TableRequest, estimate: CostEstimate): string {
  const primary = estimate.regions.find((r) => r.role === "PRIMARY");
  const primaryItems = primary?.lineItems ?? [];
  const allItems = estimate.regions.flatMap((r) => r.lineItems);
  const isOnDemand = request.billing.mode === "PAY_PER_REQUEST";
  const workloadNote =
    estimate.workloadSource === "request"
      ? "the workload stated in the request"
      : `the ${estimate.scenario} default workload of the ${request.tier} tier (the request states none)`;

  const table: [string, number, string][] = [];
  if (isOnDemand) {
    table.push(
      [
        "monthly_write_request_units",
        whole(sumQuantity(primaryItems, ["write-request-units", "replicated-write-request-units"]) * 1e6),
        "table writes a month in one Region (Infracost adds one rWRU per write per replica)",
      ],
      [
        "monthly_read_request_units",
        whole(sumQuantity(allItems, ["read-request-units"]) * 1e6),
        "table reads a month, all Regions together (Infracost prices them in the primary)",
      ],
    );
  }
  table.push(
    [
      "storage_gb",
      whole(estimate.storage.billableGbPerRegion),
      "billable table and index GB in the primary Region (item sizes + AWS's per-item overhead)",
    ],
    [
      "pitr_backup_storage_gb",
      whole(sumQuantity(primaryItems, ["pitr-storage"])),
      "PITR GB in the primary Region (table and LSIs)",
    ],
    [
      "on_demand_backup_storage_gb",
      whole(sumQuantity(primaryItems, ["backup-storage"])),
      "AWS Backup GB retained in the primary Region (full backups)",
    ],
    ["monthly_data_restored_gb", 0, "restores are one-off; none assumed"],
    [
      "monthly_streams_read_request_units",
      whole(sumQuantity(primaryItems, ["stream-read-request-units"]) * 1e5),
      "DynamoDB Streams GetRecords calls a month (Lambda and replication reads are free)",
    ],
  );

  const targets: [string, number, string][] = [];
  if (request.billing.mode === "PROVISIONED") {
    if (request.billing.read.autoscaling) {
      targets.push([
        READ_TARGET,
        whole(sumQuantity(primaryItems, ["read-capacity-units"]) / HOURS_PER_MONTH),
        "RCU the scaler holds for the average reads in the primary Region",
      ]);
    }
    if (request.billing.write.autoscaling) {
      targets.push([
        WRITE_TARGET,
        whole(sumQuantity(primaryItems, ["write-capacity-units", "replicated-write-capacity-units"]) / HOURS_PER_MONTH),
        "WCU the scaler holds for the average writes (LSI writes included)",
      ]);
    }
  }

  const lines = [
    `# Infracost usage file for the DynamoDB table ${request.tableName}, written by Tablewright from`,
    `# ${workloadNote}; AWS prices as of ${estimate.pricesAsOf}.`,
    "#   infracost breakdown --path . --usage-file infracost-usage.yml",
    "# Infracost takes whole numbers, so values are rounded up. Calling this module from another",
    "# configuration? Prefix each address below with module.<name>.",
    "# Infracost does not price what Tablewright's estimate includes here: GSI and LSI writes and GSI",
    "# capacity, replica storage and PITR, Standard-IA prices (every table is priced as Standard),",
    "# cross-Region transfer, and AWS Backup copies in another Region. It prices replica writes at the",
    "# replica Region's rWRU/rWCU rate and every read at the primary Region's rate.",
    "version: 0.1",
    "resource_usage:",
    `  ${TABLE}:`,
    ...table.map(([key, value, note]) => `    ${key}: ${value} # ${note}`),
  ];
  for (const [address, value, note] of targets) lines.push(`  ${address}:`, `    capacity: ${value} # ${note}`);
  return `${lines.join("\n")}\n`;
}

/** The module's files plus the Infracost usage file: what a bundle and a revision hold. */
export function withInfracostUsage(
  files: Record<string, string>,
  request: TableRequest,
  estimate: CostEstimate,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const path of [...Object.keys(files), INFRACOST_USAGE_FILE].sort()) {
    out[path] = path === INFRACOST_USAGE_FILE ? buildInfracostUsage(request, estimate) : (files[path] as string);
  }
  return out;
}
