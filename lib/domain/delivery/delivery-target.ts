import * as z from "zod";
import { resolveAccountTarget } from "../accounts/account-target";
import { refuseUnscoped, TARGET_SCOPE_FIELDS } from "../accounts/target-scope";

/**
 * Delivery targets: where an approved module is published. An admin maps a team, a tier, or a
 * team in one tier to a git repository, its base branch, the folder modules go in and a
 * reference to the credential (never the secret itself). Pure: the server stores the targets,
 * reads the credentials and talks to git and the provider's API.
 */

export const DELIVERY_PROVIDERS = ["github", "gitlab", "git"] as const;
export type DeliveryProvider = (typeof DELIVERY_PROVIDERS)[number];

export const PUBLISH_MODES = ["automatic", "manual"] as const;
export type PublishMode = (typeof PUBLISH_MODES)[number];

/** Where each provider's REST API lives unless the target says otherwise (GitHub Enterprise, self-managed GitLab). */
export const DEFAULT_API_BASE_URLS: Record<Exclude<DeliveryProvider, "git">, string> = {
  github: "https://api.github.com",
  gitlab: "https://gitlab.com/api/v4",
};

/** `env:NAME` (an environment variable) or `file:/absolute/path` (a mounted secret file). */
export const CREDENTIAL_REF_PATTERN = /^(env:[A-Za-z_][A-Za-z0-9_]{0,127}|file:\/[^\0\n]{1,1023})$/;

/** The placeholders a module path template may use. */
export const PATH_PLACEHOLDERS = ["{table}", "{team}", "{tier}"] as const;

/** Any character below U+0021 or DEL: control characters and spaces. */
function hasControlOrSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * A git branch name as `git check-ref-format --branch` accepts it (the common subset): no
 * spaces, control characters, `..`, `~^:?*[\`, no leading `-` or `/`, no `.lock` or `/` at the end.
 */
export function isValidBranchName(name: string): boolean {
  if (name.length === 0 || name.length > 200) return false;
  if (
    hasControlOrSpace(name) ||
    /[~^:?*[\\]/.test(name) ||
    name.includes("..") ||
    name.includes("@{") ||
    name.includes("//")
  ) {
    return false;
  }
  if (name.startsWith("-") || name.startsWith("/") || name.endsWith("/") || name.endsWith(".")) return false;
  return !name.split("/").some((part) => part.startsWith(".") || part.endsWith(".lock"));
}

const httpUrl = (what: string) =>
  z
    .string()
    .max(2048)
    .refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password;
      } catch {
        return false;
      }
    }, `must be an http(s) URL without credentials in it, e.g. ${what}`);

const credentialRef = z
  .string()
  .regex(CREDENTIAL_REF_PATTERN, "must be a reference, env:NAME or file:/absolute/path, never the secret itself");

export const DeliveryTargetInputSchema = z
  .strictObject({
    ...TARGET_SCOPE_FIELDS,
    provider: z.enum(DELIVERY_PROVIDERS).meta({
      description: "github or gitlab: push a branch and open a pull (merge) request; git: push the branch only.",
    }),
    repoUrl: httpUrl("https://github.com/acme/infra.git").meta({
      description: "The repository's HTTPS clone URL.",
    }),
    baseBranch: z
      .string()
      .refine(isValidBranchName, "must be a git branch name, e.g. main")
      .default("main")
      .meta({ description: "The branch pull requests target." }),
    pathTemplate: z
      .string()
      .max(300)
      .refine((value) => value.includes("{table}"), "must contain {table}, e.g. dynamodb/{table}/")
      .refine(
        (value) =>
          !value.startsWith("/") &&
          value.split("/").every((part) => part !== ".." && part !== ".") &&
          !hasControlOrSpace(value.replaceAll(" ", "")) &&
          !value.includes("\\"),
        "must be a relative path inside the repository (no leading /, no . or .. segments)",
      )
      .default("dynamodb/{table}/")
      .meta({ description: "The folder the module goes in; {table}, {team} and {tier} are replaced." }),
    apiBaseUrl: httpUrl("https://api.github.com")
      .optional()
      .meta({ description: "The provider's REST API; default https://api.github.com or https://gitlab.com/api/v4." }),
    mode: z.enum(PUBLISH_MODES).default("manual").meta({
      description: "automatic: publish when the request is approved; manual: a Publish button (or the API).",
    }),
    credentialRef: credentialRef.meta({
      description: "Where the token is: env:NAME or file:/path. For plain git, the value may be user:password.",
    }),
    webhookSecretRef: credentialRef
      .optional()
      .meta({ description: "Where the webhook secret is (env:NAME or file:/path); no webhook without it." }),
  })
  .superRefine((value, ctx) => {
    refuseUnscoped(value, ctx);
    if (value.provider !== "git" && !repositoryPathOf(value.repoUrl)) {
      ctx.addIssue({
        code: "custom",
        path: ["repoUrl"],
        message: "must name the repository, e.g. https://github.com/acme/infra.git",
      });
    }
  })
  .meta({ id: "DeliveryTargetInput" });

export type DeliveryTargetInput = z.infer<typeof DeliveryTargetInputSchema>;

export interface DeliveryTarget extends DeliveryTargetInput {
  id: string;
}

/** The most specific target for a team's request in a tier (same ranking as account targets). */
export function resolveDeliveryTarget(
  targets: readonly DeliveryTarget[],
  scope: { team: string; tier: string },
): DeliveryTarget | undefined {
  return resolveAccountTarget(targets, scope);
}

/** "acme/infra" from https://github.com/acme/infra.git; "group/sub/project" on GitLab. */
export function repositoryPathOf(repoUrl: string): string | undefined {
  try {
    const path = new URL(repoUrl).pathname.replace(/^\/+|\/+$/g, "").replace(/\.git$/, "");
    return path.includes("/") ? path : undefined;
  } catch {
    return undefined;
  }
}

/** The provider's REST API base, without a trailing slash. */
export function apiBaseUrlOf(target: Pick<DeliveryTargetInput, "provider" | "apiBaseUrl">): string | undefined {
  if (target.provider === "git") return undefined;
  return (target.apiBaseUrl ?? DEFAULT_API_BASE_URLS[target.provider]).replace(/\/+$/, "");
}

/** The module's folder in the repository, always ending in `/`: `dynamodb/carts-dev/`. */
export function resolveModulePath(template: string, facts: { table: string; team: string; tier: string }): string {
  const path = template
    .replaceAll("{table}", facts.table)
    .replaceAll("{team}", facts.team)
    .replaceAll("{tier}", facts.tier);
  return path.endsWith("/") ? path : `${path}/`;
}

/** One branch per approved revision, so a later revision never overwrites a branch under review. */
export function publicationBranchName(key: string, revision: number): string {
  return `tablewright/${key}-r${revision}`;
}

export const PUBLICATION_STATUSES = ["pending", "published", "failed"] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];
export const PULL_REQUEST_STATES = ["open", "merged", "closed"] as const;
export type PullRequestState = (typeof PULL_REQUEST_STATES)[number];

/** What the request records about its publication. */
export interface Publication {
  status: PublicationStatus;
  revision: number;
  branch: string;
  commitSha?: string;
  prUrl?: string;
  prNumber?: number;
  prState?: PullRequestState;
  /** "publish failed: why", for people. */
  error?: string;
  attempts: number;
  updatedAt: string;
}

/** "team checkout in prod", "every team in prod". */
export function describeDeliveryScope(target: Pick<DeliveryTarget, "team" | "tier">): string {
  const team = target.team === null ? "every team" : `team ${target.team}`;
  const tier = target.tier === null ? "every tier" : target.tier;
  return `${team} in ${tier}`;
}
