import type { KeyAttribute, TableRequest } from "../../request/schema";
import type { RuleContext } from "./context";

export const TTL_NAME_MAX_LENGTH = 255;

/** Stream view type, TTL attribute, and the stream rules of global tables (MREC and MRSC). */
export function checkStreamsAndTtl(context: RuleContext): void {
  const { request, report, isMrec, isMrsc } = context;
  const { stream, ttl } = request;

  if (stream?.enabled && !stream.viewType) {
    report.add("STREAM_VIEW_TYPE_REQUIRED", ["stream", "viewType"], "An enabled stream needs a view type.");
  }
  if (stream && !stream.enabled && stream.viewType) {
    report.add(
      "STREAM_VIEW_TYPE_WITHOUT_STREAM",
      ["stream", "viewType"],
      "The stream is disabled; remove viewType or enable the stream.",
    );
  }

  if (ttl) {
    const name = ttl.attributeName;
    if ((ttl.enabled && name.length < 1) || name.length > TTL_NAME_MAX_LENGTH) {
      report.add(
        "TTL_ATTRIBUTE_NAME_LENGTH",
        ["ttl", "attributeName"],
        `The TTL attribute name must be 1-${TTL_NAME_MAX_LENGTH} characters; it has ${name.length}.`,
      );
    }
    if (ttl.enabled) {
      const keyUse = findKeyAttribute(request, name);
      if (keyUse && keyUse.type !== "N") {
        report.add(
          "TTL_ATTRIBUTE_NOT_NUMBER",
          ["ttl", "attributeName"],
          `"${name}" is a key attribute of type ${keyUse.type}; TTL only expires items whose attribute is a Number (epoch seconds).`,
        );
      }
    }
    // A global table's stream exists for replication, so a missing consumer is expected there.
    if (ttl.enabled && stream?.enabled && !stream.hasConsumer && !isMrec) {
      report.add(
        "TTL_STREAM_WITHOUT_CONSUMER",
        ["stream", "hasConsumer"],
        "TTL deletions are written to the stream, but no consumer is declared; set hasConsumer or disable the stream.",
      );
    }
  }

  if (isMrec && stream) {
    if (!stream.enabled) {
      report.add(
        "GLOBAL_TABLE_STREAM_DISABLED",
        ["stream", "enabled"],
        "A global table replicates through its stream, which cannot be disabled; enable it with NEW_AND_OLD_IMAGES.",
      );
    } else if (stream.viewType && stream.viewType !== "NEW_AND_OLD_IMAGES") {
      report.add(
        "GLOBAL_TABLE_STREAM_VIEW_TYPE",
        ["stream", "viewType"],
        `A global table's stream must be NEW_AND_OLD_IMAGES, not ${stream.viewType}.`,
      );
    }
  }
  if (isMrsc) {
    if (stream?.enabled) {
      report.add(
        "MRSC_STREAM_NOT_PROPAGATED",
        ["stream", "enabled"],
        "MRSC does not need streams, and the Terraform provider does not propagate them to MRSC replicas (TF#48213).",
      );
    }
    if (ttl?.enabled) {
      report.add("MRSC_TTL_UNSUPPORTED", ["ttl", "enabled"], "Multi-Region strong consistency does not support TTL.");
    }
  }
}

/** The key attribute called `name` on the table or any index, if there is one. */
function findKeyAttribute(request: TableRequest, name: string): KeyAttribute | undefined {
  if (request.partitionKey.name === name) return request.partitionKey;
  if (request.sortKey?.name === name) return request.sortKey;
  for (const gsi of request.globalSecondaryIndexes) {
    if (gsi.partitionKey.name === name) return gsi.partitionKey;
    if (gsi.sortKey?.name === name) return gsi.sortKey;
  }
  return request.localSecondaryIndexes.find((lsi) => lsi.sortKey.name === name)?.sortKey;
}
