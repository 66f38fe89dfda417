import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import type { AssumeRoleTarget } from "@/lib/domain/accounts/account-target";
import type { AwsAccessConfig } from "./config";

/** Session credentials last an hour at most for chained roles; 15 minutes is STS's minimum and plenty for checks. */
const SESSION_SECONDS = 900;
/** Refresh this long before STS's expiry, so a call never starts with credentials about to lapse. */
const REFRESH_MARGIN_MS = 60_000;
const SESSION_NAME = "tablewright-live-checks";

/** Temporary credentials as the SDK clients take them. */
export interface AwsCredentialIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
  accountId?: string;
}
type AwsCredentialIdentityProvider = () => Promise<AwsCredentialIdentity>;

/** Why a role could not be assumed, for people; keeps the SDK error's name for describeAwsError. */
export class AssumeRoleError extends Error {
  constructor(roleArn: string, cause: unknown) {
    const detail = (cause as Error | undefined)?.message?.split("\n")[0] ?? String(cause);
    super(`could not assume ${roleArn} through STS (${(cause as Error | undefined)?.name ?? "Error"}: ${detail})`);
    this.name = "AssumeRoleError";
  }
}

export interface AssumeRoleOptions {
  config: AwsAccessConfig;
  now?: () => number;
}

/**
 * A credential provider for the target's role in one Region: it calls STS AssumeRole with the
 * default chain's credentials (through the Region's STS endpoint, or `STS_ENDPOINT`), keeps
 * the session until a minute before it expires, and shares one in-flight call between
 * concurrent callers so a burst of checks makes one AssumeRole.
 */
export function createAssumeRoleProvider(
  target: AssumeRoleTarget,
  region: string,
  options: AssumeRoleOptions,
): AwsCredentialIdentityProvider & { readonly assumeCount: number } {
  const now = options.now ?? Date.now;
  const sts = new STSClient({
    region,
    maxAttempts: options.config.maxAttempts,
    requestHandler: { connectionTimeout: options.config.timeoutMs, requestTimeout: options.config.timeoutMs },
    ...(options.config.stsEndpoint ? { endpoint: options.config.stsEndpoint } : {}),
  });
  let session: AwsCredentialIdentity | undefined;
  let pending: Promise<AwsCredentialIdentity> | undefined;
  let assumeCount = 0;
  const fresh = (s: AwsCredentialIdentity | undefined): s is AwsCredentialIdentity =>
    s !== undefined && (s.expiration === undefined || s.expiration.getTime() - REFRESH_MARGIN_MS > now());
  const assume = async (): Promise<AwsCredentialIdentity> => {
    assumeCount++;
    try {
      const out = await sts.send(
        new AssumeRoleCommand({
          RoleArn: target.roleArn,
          RoleSessionName: SESSION_NAME,
          DurationSeconds: SESSION_SECONDS,
          ...(target.externalId ? { ExternalId: target.externalId } : {}),
        }),
      );
      const c = out.Credentials;
      if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error("STS answered without credentials");
      return {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
        ...(c.Expiration ? { expiration: c.Expiration } : {}),
        accountId: target.accountId,
      };
    } catch (error) {
      throw new AssumeRoleError(target.roleArn, error);
    }
  };
  const provider = async () => {
    if (fresh(session)) return session;
    pending ??= assume()
      .then((credentials) => {
        session = credentials;
        return credentials;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
  return Object.defineProperty(provider, "assumeCount", { get: () => assumeCount }) as AwsCredentialIdentityProvider & {
    readonly assumeCount: number;
  };
}

const providers = new Map<string, ReturnType<typeof createAssumeRoleProvider>>();

/**
 * The shared provider for a target in a Region: one per account, role and Region for the
 * process, so every check against that account reuses the session until it expires.
 */
export function getAssumeRoleProvider(
  target: AssumeRoleTarget,
  region: string,
  config: AwsAccessConfig,
): ReturnType<typeof createAssumeRoleProvider> {
  const key = JSON.stringify([
    target.accountId,
    target.roleArn,
    target.externalId ?? "",
    region,
    config.stsEndpoint ?? "",
  ]);
  let provider = providers.get(key);
  if (!provider) {
    provider = createAssumeRoleProvider(target, region, { config });
    providers.set(key, provider);
  }
  return provider;
}

/** Forgets every cached session (tests; an admin changed a mapping's role). */
export function resetAssumeRoleProviders(): void {
  providers.clear();
}
