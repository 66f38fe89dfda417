import type { TableRequest } from "../request/schema";

/**
 * The parts of a request that DynamoDB describes (DescribeTable, DescribeTimeToLive,
 * DescribeContinuousBackups, ListTagsOfResource): adopting a drifted table takes these from the
 * live table. Everything else (owner, tier, name, workload, alarms, backup plans, Contributor
 * Insights, DR pattern) is not read from AWS and stays as approved.
 */
export const LIVE_DESCRIBED_FIELDS = [
  "partitionKey",
  "sortKey",
  "globalSecondaryIndexes",
  "localSecondaryIndexes",
  "billing",
  "tableClass",
  "ttl",
  "stream",
  "pointInTimeRecovery",
  "encryption",
  "deletionProtection",
  "tags",
  "regions",
] as const satisfies readonly (keyof TableRequest)[];

/**
 * "Adopt live": the approved definition with every AWS-described field replaced by what the live
 * table has (an optional field the live table lacks, such as a stream turned off, is dropped), so
 * that approving it makes the approved definition match reality. The stream's `hasConsumer` is
 * not visible in AWS and is kept from the approved definition.
 */
export function adoptLiveDefinition(approved: TableRequest, live: TableRequest): TableRequest {
  const adopted: Record<string, unknown> = { ...approved };
  for (const field of LIVE_DESCRIBED_FIELDS) {
    if (live[field] === undefined) delete adopted[field];
    else adopted[field] = structuredClone(live[field]);
  }
  const result = adopted as TableRequest;
  if (result.stream && approved.stream) result.stream = { ...result.stream, hasConsumer: approved.stream.hasConsumer };
  return result;
}
