import type { AssumeRoleTarget } from "@/lib/domain/accounts/account-target";
import type { TableRequest } from "@/lib/domain/request/schema";
import { resolveAwsAccessConfig } from "./config";
import { createSdkDynamoDbApi, type DynamoDbApi } from "./dynamodb-api";

/**
 * The DynamoDB API a live check of `request` talks to: the caller's own (tests, a shared client),
 * or an SDK client for the request's tier profile and mapped account. `owned` is set only when
 * one was created here: the caller destroys it when done.
 */
export function apiForRequest(
  request: Pick<TableRequest, "tier">,
  options: { api?: DynamoDbApi; accountTarget?: AssumeRoleTarget },
): { api: DynamoDbApi; owned?: DynamoDbApi & { destroy(): void } } {
  if (options.api) return { api: options.api };
  const config = resolveAwsAccessConfig();
  const owned = createSdkDynamoDbApi({
    config,
    profile: config.profilesByTier[request.tier],
    accountTarget: options.accountTarget,
  });
  return { api: owned, owned };
}
