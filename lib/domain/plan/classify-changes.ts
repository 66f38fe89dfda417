import { classifyBilling, keptIndexNames } from "./classify-capacity";
import { classifyIndexes, rebuiltIndexNames } from "./classify-indexes";
import type { ClassifyInput } from "./classify-input";
import { classifyKeys } from "./classify-keys";
import { classifyRegions } from "./classify-regions";
import { classifySettings } from "./classify-settings";
import { classifyWarmThroughput } from "./classify-warm-throughput";
import { covers } from "./definition-diff";
import { QUICK } from "./durations";
import { makeOp, type Op } from "./ops";

/**
 * Every difference between the live and the requested definition, classified by the rule that
 * governs it. A difference no rule claims becomes an UNCLASSIFIED change (high risk, reviewed by
 * hand) rather than being dropped: a plan never omits a difference.
 */
export function classifyChanges(input: ClassifyInput): Op[] {
  const rebuilt = rebuiltIndexNames(input);
  const ops = [
    ...classifyKeys(input),
    ...classifyRegions(input),
    ...classifyIndexes(input, rebuilt),
    ...classifyBilling(input, keptIndexNames(input.live, input.target, rebuilt)),
    ...classifySettings(input),
    ...classifyWarmThroughput(input, rebuilt),
  ];
  const claimed = ops.filter((op) => op.change.origin === "requested").flatMap((op) => op.paths);
  const unclaimed = input.leaves.filter((leaf) => !claimed.some((p) => covers(p, leaf.segments)));
  if (unclaimed.length > 0) {
    input.warnings.push(
      `The planner has no rule for ${unclaimed.map((l) => l.path).join(", ")}: review what Terraform does with it by hand.`,
    );
    ops.push(
      makeOp({
        kind: "UNCLASSIFIED",
        categories: ["immediate"],
        paths: unclaimed.map((l) => l.segments),
        summary: "A difference the planner has no rule for.",
        terraform: "Unknown: read the terraform plan output for these fields.",
        risk: "high",
        sources: [],
        stage: "base",
        title: "Update in place",
        duration: QUICK.updateTable,
      }),
    );
  }
  return ops;
}
