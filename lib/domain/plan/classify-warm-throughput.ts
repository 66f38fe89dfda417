import type { WarmThroughput } from "../request/schema";
import { type ClassifyInput, gsiPath, hasChangeUnder } from "./classify-input";
import type { Segments } from "./definition-diff";
import { duration, QUICK } from "./durations";
import { makeOp, type Op } from "./ops";

/**
 * [DG] warm-throughput: "the time to complete pre-warming depends on the values you set and the
 * size of the table or index"; AWS gives no figure, so neither do we beyond the provider's wait.
 */
const WARM_RAISE_DURATION = duration(
  "UpdateTable WarmThroughput runs asynchronously (UPDATING, then ACTIVE); AWS says the time depends on the values and the size of the table or index and documents no figure. The provider waits for it under its update timeout (60 min by default).",
  60,
  undefined,
  "minutes to hours (AWS gives no figure)",
);

const SIDES = [
  ["readUnitsPerSecond", "read"],
  ["writeUnitsPerSecond", "write"],
] as const;

/** The sides the request lowers, compared with the live definition's requested values. */
function lowered(before: WarmThroughput | undefined, after: WarmThroughput | undefined): string[] {
  if (!before || !after) return [];
  return SIDES.filter(([field]) => {
    const b = before[field];
    const a = after[field];
    return b !== undefined && a !== undefined && a < b;
  }).map(
    ([field, side]) => `${side} ${before[field]?.toLocaleString("en-US")} -> ${after[field]?.toLocaleString("en-US")}`,
  );
}

/** The sides the request raises or names for the first time. */
function raised(before: WarmThroughput | undefined, after: WarmThroughput): string[] {
  return SIDES.filter(([field]) => {
    const a = after[field];
    const b = before?.[field];
    return a !== undefined && (b === undefined || a > b);
  }).map(([field, side]) => `${side} ${after[field]?.toLocaleString("en-US")} units per second`);
}

const KEEP_LIVE =
  "DynamoDB cannot lower warm throughput: keep the live value in the request (the drift check shows it), or leave warmThroughput out to let AWS manage it.";

function classifyOne(
  input: ClassifyInput,
  path: Segments,
  what: string,
  before: WarmThroughput | undefined,
  after: WarmThroughput | undefined,
  index?: string,
): Op[] {
  if (!hasChangeUnder(input, path)) return [];
  const down = lowered(before, after);
  if (down.length > 0) {
    // [DG] warm-throughput: it can only be increased (UpdateTable: ValidationException
    // "decreasing WarmThroughput is not supported"). [TF] table.go: a lower table value is
    // ForceNewIfChange (replace) until hashicorp/terraform-provider-aws#49032 made it a plan-time
    // error; a lower GSI value deletes and re-creates the index (updateDiffGSI).
    return [
      makeOp({
        kind: "WARM_THROUGHPUT_DECREASED",
        categories: index ? ["long-running", "sequenced"] : ["destructive"],
        paths: [path],
        summary: `Warm throughput of ${what} would be lowered (${down.join(", ")}): DynamoDB refuses a decrease, so this change is not possible as requested.`,
        terraform: index
          ? `The provider deletes index ${index} and creates it again with the lower value (updateDiffGSI); DynamoDB itself cannot lower it.`
          : "Depends on the provider release: before hashicorp/terraform-provider-aws#49032 Terraform plans -/+ (replace: a new, empty table); from that fix on, terraform plan fails. DynamoDB itself refuses the decrease.",
        risk: index ? "high" : "destructive",
        available: !!index,
        impact: index
          ? `Queries on ${index} fail until the re-created index is backfilled; the table serves as usual.`
          : "If Terraform replaces the table, every item is lost unless migrated.",
        sources: ["warmThroughputNoDecrease", "providerWarmThroughputDecrease"],
        stage: index ? "index" : "replace",
        title: index
          ? `Refused: lower the warm throughput of index ${index}`
          : "Refused: lower the table's warm throughput",
        duration: QUICK.updateTable,
        instruction: KEEP_LIVE,
        touchesIndexes: !!index,
      }),
    ];
  }
  if (!after) {
    // [TF] warm_throughput is Optional + Computed: a removed block keeps the live value.
    return [
      makeOp({
        kind: "METADATA_CHANGED",
        categories: ["record-only"],
        paths: [path],
        summary: `The request stops naming a warm throughput for ${what}: the live value stays, and AWS manages it from now on.`,
        terraform: "No AWS change: the provider keeps the warm throughput it reads when the block is left out.",
        risk: "low",
        sources: ["providerWarmThroughputDecrease"],
        stage: "base",
        title: "Update in place",
        duration: QUICK.none,
      }),
    ];
  }
  const up = raised(before, after);
  return [
    makeOp({
      kind: "WARM_THROUGHPUT_INCREASED",
      categories: ["long-running"],
      paths: [path],
      summary: `Warm throughput of ${what} is raised (pre-warmed) to ${up.length > 0 ? up.join(" and ") : "the requested values"}.`,
      terraform: index
        ? `UpdateTable with a GlobalSecondaryIndexUpdates Update of index ${index}'s WarmThroughput; the provider waits until it is ACTIVE.`
        : "UpdateTable WarmThroughput; the provider waits until the warm throughput is ACTIVE.",
      risk: "medium",
      impact: `None for clients: ${what} keeps serving while it warms.${before ? "" : " The live value was not requested before: if AWS has already raised it above the request, DynamoDB refuses this as a decrease (compare with the drift check)."} Pre-warming has a one-time price, not included in the estimate.`,
      sources: ["warmThroughputRaise", "warmThroughputNoDecrease", "warmThroughputPrice"],
      stage: "base",
      title: "Update in place",
      duration: WARM_RAISE_DURATION,
      touchesIndexes: !!index,
    }),
  ];
}

/**
 * Warm throughput of the table and of each index kept as it is: raising it is in place and
 * long-running with the table available; lowering it is refused (DynamoDB cannot), with the
 * provider's own behaviour spelled out. New and rebuilt indexes carry theirs with the create.
 */
export function classifyWarmThroughput(input: ClassifyInput, rebuilt: ReadonlySet<string>): Op[] {
  const { live, target } = input;
  const ops = classifyOne(input, ["warmThroughput"], "the table", live.warmThroughput, target.warmThroughput);
  const liveByName = new Map(live.globalSecondaryIndexes.map((g) => [g.name, g]));
  for (const gsi of target.globalSecondaryIndexes) {
    const before = liveByName.get(gsi.name);
    if (!before || rebuilt.has(gsi.name)) continue;
    ops.push(
      ...classifyOne(
        input,
        [...gsiPath(gsi.name), "warmThroughput"],
        `index ${gsi.name}`,
        before.warmThroughput,
        gsi.warmThroughput,
        gsi.name,
      ),
    );
  }
  return ops;
}
