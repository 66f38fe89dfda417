import type { AssumeRoleTarget } from "@/lib/domain/accounts/account-target";
import type { TableRequest } from "@/lib/domain/request/schema";
import type { ValidationIssue } from "@/lib/domain/validation/types";
import { apiForRequest } from "./api-for-request";
import { getLiveCheckStatus, type LiveCheckStatus } from "./config";
import { describeAwsError } from "./describe-aws-error";
import type { DynamoDbApi } from "./dynamodb-api";

/** What one Region said about the name. */
export interface RegionNameCheck {
  region: string;
  state: "free" | "exists" | "unavailable";
  cause?: string;
}

export interface CollisionCheckResult {
  /** Validation-shaped issues (source `aws`) to show next to `tableName`. */
  issues: ValidationIssue[];
  regions: RegionNameCheck[];
  /** The live-check status; when `enabled` is false nothing was called and `issues` is empty. */
  liveChecks: LiveCheckStatus;
}

export interface CollisionCheckOptions {
  /** Importing: the table is expected to exist in every target Region. */
  expectExisting?: boolean;
  api?: DynamoDbApi;
  status?: LiveCheckStatus;
  /** The account the team/tier is mapped to (multi-account): calls assume its role through STS. */
  accountTarget?: AssumeRoleTarget;
}

/** Every Region the table lives in: the primary and each replica. */
function targetRegions(request: Pick<TableRequest, "regions">): string[] {
  return [...new Set([request.regions.primary, ...request.regions.replicas.map((r) => r.region)])];
}

/**
 * DescribeTable for the request's name in every target Region, in parallel, each bounded by the
 * client's timeout and retry limit. A table that already exists is an error (for an import it is
 * the expected state, and a missing one is the error); a Region that cannot be asked gives one
 * `LIVE_CHECK_UNAVAILABLE` warning naming the Region and the cause. Never throws, never hangs.
 */
export async function checkTableNameCollisions(
  request: Pick<TableRequest, "tableName" | "regions" | "tier">,
  options: CollisionCheckOptions = {},
): Promise<CollisionCheckResult> {
  const liveChecks = options.status ?? (await getLiveCheckStatus());
  if (!liveChecks.enabled && !options.api) return { issues: [], regions: [], liveChecks };
  const { api, owned } = apiForRequest(request, options);
  try {
    const regions = await Promise.all(
      targetRegions(request).map(async (region): Promise<RegionNameCheck> => {
        try {
          const table = await api.describeTable(region, request.tableName);
          return { region, state: table ? "exists" : "free" };
        } catch (error) {
          return { region, state: "unavailable", cause: describeAwsError(error) };
        }
      }),
    );
    return {
      issues: regions.flatMap((r) => issueFor(r, request.tableName, options.expectExisting)),
      regions,
      liveChecks,
    };
  } finally {
    owned?.destroy();
  }
}

function issueFor(check: RegionNameCheck, tableName: string, expectExisting = false): ValidationIssue[] {
  if (check.state === "unavailable") {
    return [
      {
        path: "tableName",
        code: "LIVE_CHECK_UNAVAILABLE",
        severity: "warning",
        message: `Could not check whether "${tableName}" already exists in ${check.region}: ${check.cause}.`,
        source: "aws",
      },
    ];
  }
  if (check.state === "exists" && !expectExisting) {
    return [
      {
        path: "tableName",
        code: "TABLE_ALREADY_EXISTS",
        severity: "error",
        message: `A table named "${tableName}" already exists in ${check.region}; pick another name, or import the existing table.`,
        source: "aws",
      },
    ];
  }
  if (check.state === "free" && expectExisting) {
    return [
      {
        path: "tableName",
        code: "TABLE_NOT_FOUND",
        severity: "error",
        message: `No table named "${tableName}" exists in ${check.region}, so there is nothing to import there.`,
        source: "aws",
      },
    ];
  }
  return [];
}
