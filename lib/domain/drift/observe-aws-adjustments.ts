import type { LiveTableFacts, LiveWarmThroughput } from "../import/live-table";
import type { Capacity, TableRequest, WarmThroughput } from "../request/schema";
import type { DriftFinding } from "./classify-differences";

/**
 * The warm throughput DynamoDB gives a new on-demand table or index: 12,000 reads and 4,000 writes
 * per second (the provider's warm_throughput minimums say the same). Values above it, or above what
 * the request asks for, were raised by AWS (or through UpdateTable); AWS never lowers them.
 */
export const DEFAULT_WARM_THROUGHPUT = { read: 12_000, write: 4_000 } as const;

interface ScaledDimension {
  /** Where the live value is, request-style. */
  path: string;
  what: string;
  configured: number;
  autoscaling: NonNullable<Capacity["autoscaling"]>;
  live: number | undefined;
}

function scaledDimensions(request: TableRequest, facts: LiveTableFacts): ScaledDimension[] {
  if (request.billing.mode !== "PROVISIONED") return [];
  const out: ScaledDimension[] = [];
  const table = facts.table.ProvisionedThroughput;
  for (const [dimension, capacity] of [
    ["read", request.billing.read],
    ["write", request.billing.write],
  ] as const) {
    if (!capacity.autoscaling) continue;
    out.push({
      path: `${dimension}Capacity`,
      what: `${dimension} capacity of the table`,
      configured: capacity.units,
      autoscaling: capacity.autoscaling,
      live: dimension === "read" ? table?.ReadCapacityUnits : table?.WriteCapacityUnits,
    });
  }
  for (const gsi of request.globalSecondaryIndexes) {
    const live = facts.table.GlobalSecondaryIndexes?.find((g) => g.IndexName === gsi.name)?.ProvisionedThroughput;
    for (const dimension of ["read", "write"] as const) {
      const capacity = gsi.capacity?.[dimension];
      if (!capacity?.autoscaling) continue;
      out.push({
        path: `globalSecondaryIndexes[${JSON.stringify(gsi.name)}].${dimension}Capacity`,
        what: `${dimension} capacity of index ${gsi.name}`,
        configured: capacity.units,
        autoscaling: capacity.autoscaling,
        live: dimension === "read" ? live?.ReadCapacityUnits : live?.WriteCapacityUnits,
      });
    }
  }
  return out;
}

const fmt = (n: number) => n.toLocaleString("en-US");

/**
 * Live warm throughput against what the request asks for (or DynamoDB's starting values when it
 * asks for nothing). Above it is AWS-managed, never drift: [DG] warm-throughput says DynamoDB
 * raises it with use. A requested value below the live one is still reported, because the next
 * apply of that request would ask for a decrease ([TF] table.go: a plan-time error, or a table
 * replacement before hashicorp/terraform-provider-aws#49032). Below the request means the raise
 * is not in effect yet: in progress while AWS says UPDATING, otherwise not applied.
 */
function warmFinding(
  path: string,
  what: string,
  warm: LiveWarmThroughput | undefined,
  requested: WarmThroughput | undefined,
  onDemand: boolean,
): DriftFinding | null {
  const read = warm?.ReadUnitsPerSecond ?? 0;
  const write = warm?.WriteUnitsPerSecond ?? 0;
  const wantRead = requested?.readUnitsPerSecond;
  const wantWrite = requested?.writeUnitsPerSecond;
  const actual = { readUnitsPerSecond: read, writeUnitsPerSecond: write };
  const expected = requested ? { ...requested } : null;
  const short = [
    wantRead !== undefined && read < wantRead ? `${fmt(read)} reads (requested ${fmt(wantRead)})` : null,
    wantWrite !== undefined && write < wantWrite ? `${fmt(write)} writes (requested ${fmt(wantWrite)})` : null,
  ].filter((x): x is string => x !== null);
  if (warm && short.length > 0) {
    const updating = warm.Status === "UPDATING";
    return {
      path,
      class: updating ? "harmless" : "shape",
      expected,
      actual,
      message: updating
        ? `warm throughput of ${what} is still being raised (UPDATING): ${short.join(", ")}`
        : `warm throughput of ${what} is below the request: ${short.join(", ")}; the raise has not been applied`,
    };
  }
  const baseRead = wantRead ?? DEFAULT_WARM_THROUGHPUT.read;
  const baseWrite = wantWrite ?? DEFAULT_WARM_THROUGHPUT.write;
  if (read <= baseRead && write <= baseWrite) return null;
  const cause = onDemand ? "on-demand adaptive capacity" : "AWS";
  const overRequest = [
    wantRead !== undefined && read > wantRead ? `${fmt(wantRead)} reads` : null,
    wantWrite !== undefined && write > wantWrite ? `${fmt(wantWrite)} writes` : null,
  ].filter((x): x is string => x !== null);
  const above =
    overRequest.length > 0
      ? `above the requested ${overRequest.join(" / ")}; AWS never lowers it, so raise the request to the live value before its next apply, which would otherwise ask for a decrease DynamoDB refuses`
      : requested
        ? "above the request's and DynamoDB's starting values"
        : "above DynamoDB's starting 12,000 / 4,000";
  return {
    path,
    class: "aws_managed",
    expected,
    actual,
    message: `warm throughput of ${what} was raised by ${cause} to ${fmt(read)} reads / ${fmt(write)} writes per second (${above})`,
  };
}

/**
 * What DynamoDB adjusted by itself, which the live comparison deliberately leaves out: capacity
 * the autoscaler moved (or that left the autoscaling range: then someone changed it), warm
 * throughput AWS raised, tags AWS set (`aws:`). Moves inside the approved ranges are recorded as
 * AWS-managed; capacity outside them needs a decision.
 */
export function observeAwsAdjustments(request: TableRequest, facts: LiveTableFacts): DriftFinding[] {
  const out: DriftFinding[] = [];
  for (const d of scaledDimensions(request, facts)) {
    if (d.live === undefined || d.live === d.configured) continue;
    const { minCapacity: min, maxCapacity: max } = d.autoscaling;
    const inRange = d.live >= min && d.live <= max;
    out.push({
      path: d.path,
      class: inRange ? "aws_managed" : "shape",
      expected: { units: d.configured, minCapacity: min, maxCapacity: max },
      actual: d.live,
      message: inRange
        ? `autoscaling moved the ${d.what} from ${d.configured} to ${d.live} (range ${min}-${max})`
        : `the ${d.what} is ${d.live}, outside the approved autoscaling range ${min}-${max}: changed outside Terraform`,
    });
  }
  const onDemand = (facts.table.BillingModeSummary?.BillingMode ?? "PROVISIONED") === "PAY_PER_REQUEST";
  const tableWarm = warmFinding(
    "warmThroughput",
    "the table",
    facts.table.WarmThroughput,
    request.warmThroughput,
    onDemand,
  );
  if (tableWarm) out.push(tableWarm);
  for (const gsi of facts.table.GlobalSecondaryIndexes ?? []) {
    const name = gsi.IndexName ?? "";
    const finding = warmFinding(
      `globalSecondaryIndexes[${JSON.stringify(name)}].warmThroughput`,
      `index ${name}`,
      gsi.WarmThroughput,
      request.globalSecondaryIndexes.find((g) => g.name === name)?.warmThroughput,
      onDemand,
    );
    if (finding) out.push(finding);
  }
  for (const tag of facts.tags) {
    if (!tag.Key?.toLowerCase().startsWith("aws:")) continue;
    out.push({
      path: `tags[${JSON.stringify(tag.Key)}]`,
      class: "aws_managed",
      expected: null,
      actual: tag.Value ?? "",
      message: `AWS set the reserved tag ${tag.Key}`,
    });
  }
  return out;
}
