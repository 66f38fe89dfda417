import { DynamoDBClient } from "@aws-sdk/client-dynamodb";

/**
 * How Tablewright reaches DynamoDB for live checks. Credentials always come from the SDK's
 * default provider chain (environment, shared config/SSO profile, web identity, container or
 * instance role), so no secret is ever stored by Tablewright. Each check names its Region; the
 * account is whichever the chain's credentials belong to, optionally chosen per tier with a
 * named profile.
 *
 * Environment:
 * - `TABLEWRIGHT_AWS_CHECKS=off` disables every live check (the UI says so).
 * - `DYNAMODB_ENDPOINT` sends every call to one endpoint (DynamoDB Local, dynalite, tests).
 * - `STS_ENDPOINT` sends AssumeRole calls (multi-account targets) to one endpoint (tests, VPC endpoints).
 * - `TABLEWRIGHT_AWS_PROFILES` maps tiers to profiles, e.g. `{"prod":"prod-readonly"}`.
 * - `TABLEWRIGHT_AWS_TIMEOUT_MS` overrides the per-call timeout (default 2500).
 */
export interface AwsAccessConfig {
  enabled: boolean;
  /** Why checks are off, in words a user can act on. */
  disabledReason?: string;
  endpoint?: string;
  /** Where AssumeRole goes for teams/tiers mapped to another account; default: the Region's STS. */
  stsEndpoint?: string;
  profilesByTier: Record<string, string>;
  timeoutMs: number;
  /** Attempts per call including the first (bounded retries). */
  maxAttempts: number;
}

export const DEFAULT_TIMEOUT_MS = 2_500;
export const DEFAULT_MAX_ATTEMPTS = 2;

function parseProfiles(raw: string | undefined): Record<string, string> {
  if (!raw) return {};
  try {
    const value: unknown = JSON.parse(raw);
    if (value === null || typeof value !== "object" || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
  } catch {
    return {};
  }
}

/** Reads the live-check settings from the environment. Never throws. */
export function resolveAwsAccessConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): AwsAccessConfig {
  const timeout = Number(env.TABLEWRIGHT_AWS_TIMEOUT_MS);
  const config: AwsAccessConfig = {
    enabled: true,
    profilesByTier: parseProfiles(env.TABLEWRIGHT_AWS_PROFILES),
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS,
    maxAttempts: DEFAULT_MAX_ATTEMPTS,
  };
  const endpoint = env.DYNAMODB_ENDPOINT?.trim();
  if (endpoint) config.endpoint = endpoint;
  const stsEndpoint = env.STS_ENDPOINT?.trim();
  if (stsEndpoint) config.stsEndpoint = stsEndpoint;
  const switchValue = env.TABLEWRIGHT_AWS_CHECKS?.trim().toLowerCase();
  if (switchValue === "off" || switchValue === "false" || switchValue === "0") {
    config.enabled = false;
    config.disabledReason = "Live checks are off: TABLEWRIGHT_AWS_CHECKS=off is set.";
  }
  return config;
}

/** What the UI and the API show about live checks. */
export interface LiveCheckStatus {
  enabled: boolean;
  /** `off`: disabled or nothing configured; `endpoint`: a fixed endpoint; `aws`: real AWS. */
  mode: "off" | "endpoint" | "aws";
  /** One sentence for people, e.g. "Live checks are off: no AWS credentials were found ...". */
  message: string;
  endpoint?: string;
}

const STATUS_TTL_MS = 60_000;
let cachedStatus: { at: number; key: string; status: Promise<LiveCheckStatus> } | undefined;

/**
 * Whether live checks can run, cached for a minute (resolving credentials can mean a metadata
 * call). With nothing configured it says "off" plainly; it never throws.
 */
export function getLiveCheckStatus(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<LiveCheckStatus> {
  const config = resolveAwsAccessConfig(env);
  const key = JSON.stringify([config.enabled, config.endpoint, env.AWS_PROFILE, env.AWS_ACCESS_KEY_ID]);
  const now = Date.now();
  if (cachedStatus && cachedStatus.key === key && now - cachedStatus.at < STATUS_TTL_MS) return cachedStatus.status;
  const status = computeStatus(config);
  cachedStatus = { at: now, key, status };
  return status;
}

/** Forgets the cached status (tests, or after an operator changed the environment). */
export function resetLiveCheckStatus(): void {
  cachedStatus = undefined;
}

async function computeStatus(config: AwsAccessConfig): Promise<LiveCheckStatus> {
  if (!config.enabled) return { enabled: false, mode: "off", message: config.disabledReason ?? "Live checks are off." };
  if (config.endpoint) {
    return {
      enabled: true,
      mode: "endpoint",
      endpoint: config.endpoint,
      message: `Live checks use the DynamoDB endpoint ${config.endpoint} (DYNAMODB_ENDPOINT).`,
    };
  }
  const found = await resolveCredentials(config);
  if (!found.ok) {
    return {
      enabled: false,
      mode: "off",
      message: `Live checks are off: no AWS credentials were found through the default credential chain (${found.cause}). See docs/aws-live-checks.md.`,
    };
  }
  return { enabled: true, mode: "aws", message: "Live checks call AWS with the credentials of the default chain." };
}

async function resolveCredentials(config: AwsAccessConfig): Promise<{ ok: true } | { ok: false; cause: string }> {
  // The client's own resolved provider is the SDK default chain; asking it once shows whether
  // any source (env, profile, SSO, role) yields credentials, with a bound on the wait.
  const client = new DynamoDBClient({ region: "us-east-1", maxAttempts: 1 });
  try {
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error("timed out looking for credentials")), config.timeoutMs * 2).unref(),
    );
    await Promise.race([client.config.credentials(), timeout]);
    return { ok: true };
  } catch (error) {
    return { ok: false, cause: (error as Error).message.split("\n")[0] ?? "unknown" };
  } finally {
    client.destroy();
  }
}
