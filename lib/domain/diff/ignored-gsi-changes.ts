import type { Capacity, GlobalSecondaryIndex, TableRequest } from "../request/schema";
import { createIssueReport } from "../validation/report";
import type { ValidationIssue } from "../validation/types";

/** True when the module for `request` puts `global_secondary_index` in the table's ignore_changes. */
export function ignoresGsiChanges(request: TableRequest): boolean {
  return (
    request.billing.mode === "PROVISIONED" &&
    request.globalSecondaryIndexes.some((g) => g.capacity?.read.autoscaling || g.capacity?.write.autoscaling)
  );
}

/** What of a GSI the module would have to apply: keys, projection, and capacity no autoscaler owns. */
function appliedShape(g: GlobalSecondaryIndex): string {
  const units = (c: Capacity | undefined) => (c && !c.autoscaling ? c.units : null);
  return JSON.stringify({
    pk: g.partitionKey,
    sk: g.sortKey ?? null,
    projection: { type: g.projection.type, nonKeyAttributes: [...(g.projection.nonKeyAttributes ?? [])].sort() },
    read: units(g.capacity?.read),
    write: units(g.capacity?.write),
  });
}

/**
 * A warm throughput the revision names for the index and the previous one did not: the module
 * would write it and the ignored block would never send it. Leaving it out applies as nothing
 * anyway (the provider keeps the live value), so that is not flagged.
 */
function raisesWarmThroughput(previous: GlobalSecondaryIndex, g: GlobalSecondaryIndex): boolean {
  return g.warmThroughput !== undefined && JSON.stringify(g.warmThroughput) !== JSON.stringify(previous.warmThroughput);
}

/**
 * GSI edits a revision makes, against the revision that describes the live table (`before`),
 * that its module would silently never apply. With autoscaled GSIs
 * the table ignores every `global_secondary_index` change (the provider cannot ignore one index's
 * capacity alone; its aws_dynamodb_global_secondary_index resource, 6.28+, is experimental and
 * needs TF_AWS_EXPERIMENT_dynamodb_global_secondary_index), so such a revision is refused with
 * what to do instead. Autoscaling settings and contributor insights are other resources and apply.
 */
export function findIgnoredGsiChanges(before: TableRequest, after: TableRequest): ValidationIssue[] {
  if (!ignoresGsiChanges(after)) return [];
  const report = createIssueReport();
  const remedy =
    "this table's GSIs autoscale, so its module ignores global_secondary_index and would never apply it. Submit one revision without GSI autoscaling that makes the index change, then add autoscaling back in the next.";
  const old = new Map(before.globalSecondaryIndexes.map((g) => [g.name, g]));
  after.globalSecondaryIndexes.forEach((g, i) => {
    const previous = old.get(g.name);
    if (!previous) {
      report.add(
        "GSI_CHANGE_IGNORED_BY_AUTOSCALING",
        ["globalSecondaryIndexes", i],
        `Adding index ${g.name}: ${remedy}`,
      );
    } else if (appliedShape(previous) !== appliedShape(g) || raisesWarmThroughput(previous, g)) {
      report.add(
        "GSI_CHANGE_IGNORED_BY_AUTOSCALING",
        ["globalSecondaryIndexes", i],
        `Changing index ${g.name} (keys, projection, fixed capacity or warm throughput): ${remedy}`,
      );
    }
    old.delete(g.name);
  });
  for (const name of old.keys()) {
    report.add("GSI_CHANGE_IGNORED_BY_AUTOSCALING", ["globalSecondaryIndexes"], `Removing index ${name}: ${remedy}`);
  }
  return report.issues;
}
