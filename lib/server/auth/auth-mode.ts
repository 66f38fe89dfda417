import "server-only";
import { type ClaimMapping, DEFAULT_CLAIM_MAPPING } from "@/lib/domain/auth";

export type AuthMode =
  | {
      kind: "oidc";
      issuer: string;
      clientId: string;
      clientSecret?: string;
      scopes: string;
      redirectUri?: string;
      mapping: ClaimMapping;
      allowInsecure: boolean;
    }
  | { kind: "local" }
  | { kind: "refused"; reason: string };

const list = (value: string | undefined, fallback: readonly string[]) =>
  value === undefined
    ? [...fallback]
    : value
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);

/**
 * How people sign in. OIDC when OIDC_ISSUER is set; otherwise the local demo accounts, which are
 * refused under NODE_ENV=production unless TABLEWRIGHT_ALLOW_LOCAL_ACCOUNTS=1 says so explicitly
 * (`npm start` on the embedded database does, because it is the demo mode).
 */
export function authMode(env: NodeJS.ProcessEnv = process.env): AuthMode {
  if (env.OIDC_ISSUER) {
    const issuer = env.OIDC_ISSUER;
    const loopback = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//.test(
      issuer.endsWith("/") ? issuer : `${issuer}/`,
    );
    return {
      kind: "oidc",
      issuer,
      clientId: env.OIDC_CLIENT_ID ?? "",
      clientSecret: env.OIDC_CLIENT_SECRET || undefined,
      scopes: env.OIDC_SCOPES ?? "openid email profile",
      redirectUri: env.OIDC_REDIRECT_URI || undefined,
      allowInsecure: loopback || env.OIDC_ALLOW_INSECURE_ISSUER === "1",
      mapping: {
        groupsClaim: env.OIDC_GROUPS_CLAIM ?? DEFAULT_CLAIM_MAPPING.groupsClaim,
        adminGroups: list(env.OIDC_ADMIN_GROUPS, DEFAULT_CLAIM_MAPPING.adminGroups),
        approverGroups: list(env.OIDC_APPROVER_GROUPS, DEFAULT_CLAIM_MAPPING.approverGroups),
        budgetApproverGroups: list(env.OIDC_BUDGET_APPROVER_GROUPS, DEFAULT_CLAIM_MAPPING.budgetApproverGroups),
        teamGroupPrefix: env.OIDC_TEAM_GROUP_PREFIX ?? DEFAULT_CLAIM_MAPPING.teamGroupPrefix,
      },
    };
  }
  if (env.NODE_ENV === "production" && env.TABLEWRIGHT_ALLOW_LOCAL_ACCOUNTS !== "1") {
    return {
      kind: "refused",
      reason:
        "No identity provider is configured (OIDC_ISSUER) and local demo accounts are disabled in production. " +
        "Configure SSO, or set TABLEWRIGHT_ALLOW_LOCAL_ACCOUNTS=1 for a demo.",
    };
  }
  return { kind: "local" };
}
