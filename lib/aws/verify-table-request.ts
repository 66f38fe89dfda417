import type { AssumeRoleTarget } from "@/lib/domain/accounts/account-target";
import { compareLiveTable, type TableDifference } from "@/lib/domain/import";
import type { TableRequest } from "@/lib/domain/request/schema";
import { apiForRequest } from "./api-for-request";
import { getLiveCheckStatus, type LiveCheckStatus } from "./config";
import type { DynamoDbApi } from "./dynamodb-api";
import { readLiveTable } from "./read-live-table";

export interface VerificationResult {
  tableName: string;
  region: string;
  /** True only when the table was read and every compared field matched. */
  verified: boolean;
  differences: TableDifference[];
  checkedAt: string;
  /** The table does not exist in its primary Region (not applied yet, or deleted). */
  tableMissing?: boolean;
  /** Set when nothing could be compared: live checks off, or an endpoint/credential failure. */
  unavailable?: { reason: string };
}

export interface VerifyOptions {
  api?: DynamoDbApi;
  status?: LiveCheckStatus;
  now?: () => Date;
  /** The account the team/tier is mapped to (multi-account): calls assume its role through STS. */
  accountTarget?: AssumeRoleTarget;
}

/**
 * Reads the live table (primary and replica Regions) and compares it field by field with the
 * request. Never throws for AWS trouble: live checks off, an unreachable endpoint or refused
 * credentials give `unavailable` with the reason.
 */
export async function verifyTableRequest(
  request: TableRequest,
  options: VerifyOptions = {},
): Promise<VerificationResult> {
  const checkedAt = (options.now?.() ?? new Date()).toISOString();
  const base = { tableName: request.tableName, region: request.regions.primary, checkedAt };
  const status = options.status ?? (await getLiveCheckStatus());
  if (!status.enabled && !options.api) {
    return { ...base, verified: false, differences: [], unavailable: { reason: status.message } };
  }
  const { api, owned } = apiForRequest(request, options);
  try {
    const read = await readLiveTable(api, request.regions.primary, request.tableName);
    if (read.status === "unavailable") {
      return {
        ...base,
        verified: false,
        differences: [],
        unavailable: { reason: `${read.call} in ${read.region} failed: ${read.cause}` },
      };
    }
    if (read.status === "not-found") {
      return {
        ...base,
        verified: false,
        tableMissing: true,
        differences: [{ path: "tableName", expected: request.tableName, actual: null }],
      };
    }
    const differences = compareLiveTable(request, read.facts);
    return { ...base, verified: differences.length === 0, differences };
  } finally {
    owned?.destroy();
  }
}
