import type { LiveReplicaSettings, LiveTableFacts } from "@/lib/domain/import/live-table";
import { describeAwsError } from "./describe-aws-error";
import type { DynamoDbApi } from "./dynamodb-api";

export type LiveReadResult =
  | { status: "found"; facts: LiveTableFacts }
  | { status: "not-found"; region: string }
  | { status: "unavailable"; region: string; call: string; cause: string };

class CallFailed extends Error {
  constructor(
    readonly region: string,
    readonly call: string,
    readonly causeText: string,
  ) {
    super(`${call} in ${region}: ${causeText}`);
  }
}

async function call<T>(region: string, name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new CallFailed(region, name, describeAwsError(error));
  }
}

/**
 * Everything the verification and the import read about one table: DescribeTable,
 * DescribeTimeToLive, DescribeContinuousBackups and ListTagsOfResource in its Region, then
 * DescribeTable and DescribeContinuousBackups in each replica Region (for the replica's own
 * deletion protection and PITR), all in parallel. Any failed call makes the whole read
 * `unavailable` (a partial read would verify a table on guesses). Never throws.
 */
export async function readLiveTable(api: DynamoDbApi, region: string, tableName: string): Promise<LiveReadResult> {
  try {
    const table = await call(region, "DescribeTable", () => api.describeTable(region, tableName));
    if (!table) return { status: "not-found", region };
    const replicaRegions = (table.Replicas ?? [])
      .map((r) => r.RegionName)
      .filter((r): r is string => r !== undefined && r !== region);
    const [timeToLive, backups, tags, replicas] = await Promise.all([
      call(region, "DescribeTimeToLive", () => api.describeTimeToLive(region, tableName)),
      call(region, "DescribeContinuousBackups", () => api.describeContinuousBackups(region, tableName)),
      table.TableArn
        ? call(region, "ListTagsOfResource", () => api.listTagsOfResource(region, table.TableArn as string))
        : Promise.resolve([]),
      Promise.all(
        replicaRegions.map(async (replicaRegion): Promise<LiveReplicaSettings> => {
          const [replicaTable, replicaBackups] = await Promise.all([
            call(replicaRegion, "DescribeTable", () => api.describeTable(replicaRegion, tableName)),
            call(replicaRegion, "DescribeContinuousBackups", () =>
              api.describeContinuousBackups(replicaRegion, tableName),
            ),
          ]);
          const settings: LiveReplicaSettings = { region: replicaRegion, table: replicaTable ?? {} };
          if (replicaBackups) settings.backups = replicaBackups;
          return settings;
        }),
      ),
    ]);
    const facts: LiveTableFacts = { region, table, tags, replicas };
    if (timeToLive) facts.timeToLive = timeToLive;
    if (backups) facts.backups = backups;
    return { status: "found", facts };
  } catch (error) {
    if (error instanceof CallFailed) {
      return { status: "unavailable", region: error.region, call: error.call, cause: error.causeText };
    }
    return { status: "unavailable", region, call: "read", cause: describeAwsError(error) };
  }
}
