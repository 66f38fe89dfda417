import type { AssumeRoleTarget } from "@/lib/domain/accounts/account-target";
import { describeToTableRequest, type ImportOwner } from "@/lib/domain/import";
import type { LiveTableFacts } from "@/lib/domain/import/live-table";
import { DEFAULT_TIER_POLICY } from "@/lib/domain/policy/default-policy";
import type { TierPolicy } from "@/lib/domain/policy/schema";
import type { TableRequestInput } from "@/lib/domain/request/schema";
import { validateTableRequest } from "@/lib/domain/validation";
import type { ValidationResult } from "@/lib/domain/validation/types";
import { getLiveCheckStatus, type LiveCheckStatus, resolveAwsAccessConfig } from "./config";
import { createSdkDynamoDbApi, type DynamoDbApi } from "./dynamodb-api";
import { readLiveTable } from "./read-live-table";

export interface ImportExistingTableInput extends ImportOwner {
  region: string;
  tableName: string;
  title?: string;
  submit?: boolean;
}

export interface ImportOptions {
  api?: DynamoDbApi;
  status?: LiveCheckStatus;
  policy?: TierPolicy;
  /** The account the team/tier is mapped to (multi-account): calls assume its role through STS. */
  accountTarget?: AssumeRoleTarget;
}

export type ImpliedRequestResult =
  | {
      ok: true;
      request: TableRequestInput;
      validation: ValidationResult;
      notes: string[];
      facts: LiveTableFacts;
    }
  | { ok: false; reason: "off" | "unavailable" | "not-found"; message: string };

/**
 * Reads an existing table and builds the request it implies, validated under the tier policy.
 * Does not store anything; `importExistingTable` does. Never throws for AWS trouble.
 */
export async function readImpliedTableRequest(
  input: ImportExistingTableInput,
  options: ImportOptions = {},
): Promise<ImpliedRequestResult> {
  const status = options.status ?? (await getLiveCheckStatus());
  if (!status.enabled && !options.api) return { ok: false, reason: "off", message: status.message };
  const config = resolveAwsAccessConfig();
  const owned = options.api
    ? undefined
    : createSdkDynamoDbApi({
        config,
        profile: config.profilesByTier[input.tier],
        accountTarget: options.accountTarget,
      });
  try {
    const read = await readLiveTable(options.api ?? (owned as DynamoDbApi), input.region, input.tableName);
    if (read.status === "unavailable") {
      return { ok: false, reason: "unavailable", message: `${read.call} in ${read.region} failed: ${read.cause}` };
    }
    if (read.status === "not-found") {
      return { ok: false, reason: "not-found", message: `no table named "${input.tableName}" in ${input.region}` };
    }
    const { facts } = read;
    const imported = describeToTableRequest(facts.table, facts.timeToLive, facts.backups, facts.tags, input, {
      region: input.region,
      replicas: facts.replicas.map((r) => ({
        region: r.region,
        deletionProtection: r.table.DeletionProtectionEnabled ?? false,
        pointInTimeRecovery: r.backups?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus === "ENABLED",
      })),
    });
    const validation = validateTableRequest(imported.request, options.policy ?? DEFAULT_TIER_POLICY);
    return { ok: true, request: imported.request, validation, notes: imported.notes, facts };
  } finally {
    owned?.destroy();
  }
}
