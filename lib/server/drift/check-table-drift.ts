import "server-only";
import { apiForRequest, type DynamoDbApi, getLiveCheckStatus, type LiveCheckStatus, readLiveTable } from "@/lib/aws";
import type { AssumeRoleTarget } from "@/lib/domain/accounts/account-target";
import { classifyDrift, classifyMissingTable, type DriftReport } from "@/lib/domain/drift";
import type { TableRequest } from "@/lib/domain/request/schema";
import { findAccountTarget } from "../accounts";
import type { Db } from "../db";

export interface DriftCheckResult {
  tableName: string;
  /** Where the table was read (the definition's primary Region). */
  region: string;
  /** Every Region whose answers went into the check: the primary and each live replica. */
  regionsRead: string[];
  checkedAt: string;
  /**
   * in_sync: nothing to act on (AWS-managed adjustments and harmless changes are still listed);
   * drifted: protection lost or shape changed; missing: no table in the primary Region;
   * unavailable: the check could not run (live checks off, endpoint or credentials failed).
   */
  status: "in_sync" | "drifted" | "missing" | "unavailable";
  /** The classified findings; null when the check could not run. */
  report: DriftReport | null;
  unavailable?: { reason: string };
}

export interface DriftCheckOptions {
  api?: DynamoDbApi;
  status?: LiveCheckStatus;
  now?: () => Date;
  /**
   * The account to read in. Absent: the team/tier mapping as it is now (findAccountTarget), the
   * same rule verify and drift resolution follow, so a scheduled check and a manual verify of one
   * table read the same account. Present (even undefined): that one, no lookup.
   */
  accountTarget?: AssumeRoleTarget;
  db?: Db;
}

/**
 * One drift check of one approved definition: reads the live table in the definition's primary
 * Region and, through it, each replica Region (DescribeTable, DescribeContinuousBackups,
 * DescribeTimeToLive, ListTagsOfResource; read-only), then classifies every difference the
 * DynamoDB way (lib/domain/drift). Never throws for AWS trouble: the result says "unavailable" with
 * the reason. The scheduler calls this per managed table; it does not record or notify anything.
 */
export async function checkTableDrift(
  definition: TableRequest,
  options: DriftCheckOptions = {},
): Promise<DriftCheckResult> {
  const region = definition.regions.primary;
  const base = {
    tableName: definition.tableName,
    region,
    checkedAt: (options.now?.() ?? new Date()).toISOString(),
  };
  const status = options.status ?? (await getLiveCheckStatus());
  if (!status.enabled && !options.api) {
    return { ...base, regionsRead: [], status: "unavailable", report: null, unavailable: { reason: status.message } };
  }
  const accountTarget = options.api
    ? undefined
    : "accountTarget" in options
      ? options.accountTarget
      : await findAccountTarget({ team: definition.owner.team, tier: definition.tier }, options.db);
  const { api, owned } = apiForRequest(definition, { api: options.api, accountTarget });
  try {
    const read = await readLiveTable(api, region, definition.tableName);
    if (read.status === "unavailable") {
      return {
        ...base,
        regionsRead: [],
        status: "unavailable",
        report: null,
        unavailable: { reason: `${read.call} in ${read.region} failed: ${read.cause}` },
      };
    }
    if (read.status === "not-found") {
      return { ...base, regionsRead: [region], status: "missing", report: classifyMissingTable(definition) };
    }
    const report = classifyDrift(definition, read.facts);
    return {
      ...base,
      regionsRead: [region, ...read.facts.replicas.map((r) => r.region)],
      status: report.inSync ? "in_sync" : "drifted",
      report,
    };
  } finally {
    owned?.destroy();
  }
}
