import { listKeyAttributeUsages } from "../../request/attributes";
import type { RuleContext } from "./context";

export const KEY_NAME_MAX_LENGTH = 255;

/**
 * Key attributes: name length, partition and sort key not the same attribute, one type per name.
 * Attribute definitions are derived from the keys, so "unused definition" cannot happen.
 */
export function checkKeys({ request, report }: RuleContext): void {
  const usages = listKeyAttributeUsages(request);
  const firstType = new Map<string, { type: string; path: (string | number)[] }>();
  for (const usage of usages) {
    if (usage.name.length < 1 || usage.name.length > KEY_NAME_MAX_LENGTH) {
      report.add(
        "KEY_ATTRIBUTE_NAME_LENGTH",
        [...usage.path, "name"],
        `Key attribute names must be 1-${KEY_NAME_MAX_LENGTH} characters; this one has ${usage.name.length}.`,
      );
    }
    const first = firstType.get(usage.name);
    if (!first) {
      firstType.set(usage.name, { type: usage.type, path: usage.path });
    } else if (first.type !== usage.type) {
      report.add(
        "ATTRIBUTE_TYPE_CONFLICT",
        [...usage.path, "type"],
        `Attribute "${usage.name}" is ${usage.type} here but ${first.type} at ${first.path.join(".")}; one name has one type.`,
      );
    }
  }

  if (request.sortKey && request.sortKey.name === request.partitionKey.name) {
    report.add("KEY_ATTRIBUTE_DUPLICATE", ["sortKey", "name"], "The sort key must differ from the partition key.");
  }
  request.globalSecondaryIndexes.forEach((gsi, i) => {
    if (gsi.sortKey && gsi.sortKey.name === gsi.partitionKey.name) {
      report.add(
        "KEY_ATTRIBUTE_DUPLICATE",
        ["globalSecondaryIndexes", i, "sortKey", "name"],
        "The index sort key must differ from its partition key.",
      );
    }
  });
  request.localSecondaryIndexes.forEach((lsi, i) => {
    if (lsi.sortKey.name === request.partitionKey.name) {
      report.add(
        "KEY_ATTRIBUTE_DUPLICATE",
        ["localSecondaryIndexes", i, "sortKey", "name"],
        "An LSI shares the table's partition key, so its sort key must be a different attribute.",
      );
    }
  });
}
