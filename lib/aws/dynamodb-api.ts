import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTagsOfResourceCommand,
} from "@aws-sdk/client-dynamodb";
import type { AssumeRoleTarget } from "@/lib/domain/accounts/account-target";
import type {
  LiveContinuousBackups,
  LiveTableDescription,
  LiveTag,
  LiveTimeToLive,
} from "@/lib/domain/import/live-table";
import { getAssumeRoleProvider } from "./assume-role";
import { type AwsAccessConfig, resolveAwsAccessConfig } from "./config";

/**
 * The four read-only DynamoDB calls the live checks make, per Region. Tests swap in recorded
 * responses for what the local server (dynalite) lacks; production uses `createSdkDynamoDbApi`.
 * `describeTable` returns null when the table does not exist; every other failure throws.
 */
export interface DynamoDbApi {
  describeTable(region: string, tableName: string): Promise<LiveTableDescription | null>;
  describeContinuousBackups(region: string, tableName: string): Promise<LiveContinuousBackups | undefined>;
  describeTimeToLive(region: string, tableName: string): Promise<LiveTimeToLive | undefined>;
  listTagsOfResource(region: string, resourceArn: string): Promise<LiveTag[]>;
}

export interface SdkApiOptions {
  config?: AwsAccessConfig;
  /** Named profile from the shared config (per-account access), e.g. from TABLEWRIGHT_AWS_PROFILES. */
  profile?: string;
  /**
   * The account the team/tier is mapped to: every call uses that role's credentials, assumed
   * through STS with the default chain's credentials (a tier profile is not used then).
   */
  accountTarget?: AssumeRoleTarget;
}

/** Local endpoints (DynamoDB Local, dynalite) accept any signature; real AWS never sees these. */
const LOCAL_CREDENTIALS = { accessKeyId: "local", secretAccessKey: "local" };

function isNotFound(error: unknown): boolean {
  return (error as { name?: string } | null)?.name === "ResourceNotFoundException";
}

/**
 * DynamoDbApi over the AWS SDK: one client per Region, SDK retries bounded to `maxAttempts`,
 * and every call cut off after `timeoutMs` (connection and response), so a dead endpoint costs
 * seconds, not minutes.
 */
export function createSdkDynamoDbApi(options: SdkApiOptions = {}): DynamoDbApi & { destroy(): void } {
  const config = options.config ?? resolveAwsAccessConfig();
  const clients = new Map<string, DynamoDBClient>();
  const clientFor = (region: string) => {
    let client = clients.get(region);
    if (!client) {
      client = new DynamoDBClient({
        region,
        maxAttempts: config.maxAttempts,
        requestHandler: { connectionTimeout: config.timeoutMs, requestTimeout: config.timeoutMs },
        ...(config.endpoint ? { endpoint: config.endpoint } : {}),
        ...(config.endpoint && !options.profile && !options.accountTarget && !process.env.AWS_ACCESS_KEY_ID
          ? { credentials: LOCAL_CREDENTIALS }
          : {}),
        ...(options.profile && !options.accountTarget ? { profile: options.profile } : {}),
        ...(options.accountTarget ? { credentials: getAssumeRoleProvider(options.accountTarget, region, config) } : {}),
      });
      clients.set(region, client);
    }
    return client;
  };
  // An outer deadline as well: the handler timeouts bound each attempt, this bounds retries too.
  const deadline = config.timeoutMs * config.maxAttempts + 500;
  const send = async <T>(region: string, run: (client: DynamoDBClient, signal: AbortSignal) => Promise<T>) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), deadline);
    try {
      return await run(clientFor(region), controller.signal);
    } catch (error) {
      if (controller.signal.aborted) {
        const timeout = new Error(`no answer within ${deadline} ms`);
        timeout.name = "TimeoutError";
        throw timeout;
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    async describeTable(region, tableName) {
      try {
        const out = await send(region, (c, abortSignal) =>
          c.send(new DescribeTableCommand({ TableName: tableName }), { abortSignal }),
        );
        return out.Table ?? null;
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    async describeContinuousBackups(region, tableName) {
      const out = await send(region, (c, abortSignal) =>
        c.send(new DescribeContinuousBackupsCommand({ TableName: tableName }), { abortSignal }),
      );
      return out.ContinuousBackupsDescription;
    },
    async describeTimeToLive(region, tableName) {
      const out = await send(region, (c, abortSignal) =>
        c.send(new DescribeTimeToLiveCommand({ TableName: tableName }), { abortSignal }),
      );
      return out.TimeToLiveDescription;
    },
    async listTagsOfResource(region, resourceArn) {
      const tags: LiveTag[] = [];
      let nextToken: string | undefined;
      // ListTagsOfResource pages; 50 user tags fit in one page, the loop is for safety.
      for (let page = 0; page < 10; page++) {
        const out = await send(region, (c, abortSignal) =>
          c.send(new ListTagsOfResourceCommand({ ResourceArn: resourceArn, NextToken: nextToken }), { abortSignal }),
        );
        tags.push(...(out.Tags ?? []));
        nextToken = out.NextToken;
        if (!nextToken) break;
      }
      return tags;
    },
    destroy() {
      for (const client of clients.values()) client.destroy();
      clients.clear();
    },
  };
}
