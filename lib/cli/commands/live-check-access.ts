import { type AwsAccessConfig, getLiveCheckStatus } from "../../aws/config";

/**
 * Null when the CLI may call DynamoDB, otherwise the reason it may not (checks switched off, or
 * no endpoint and no credentials in the default chain). An explicit endpoint needs no credentials.
 */
export async function liveCheckOffMessage(config: AwsAccessConfig): Promise<string | null> {
  if (!config.enabled) return config.disabledReason ?? "live checks are off";
  if (config.endpoint) return null;
  const status = await getLiveCheckStatus();
  return status.enabled ? null : status.message;
}
