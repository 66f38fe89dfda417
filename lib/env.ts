import { existsSync } from "node:fs";
import * as z from "zod";
import { DRIFT_PLAN_EVERY_MINUTES_ALLOWED, parseDriftSchedule } from "./domain/drift/drift-schedule";
import { parseOutboundAllowlist } from "./domain/notifications/outbound-allowlist";

/**
 * Every setting the portal reads from the environment, in one schema checked at start-up (by
 * `npm start` and by the server itself): a missing or malformed value stops the process with a
 * message that names the variable. `.env.example` documents each one with its default.
 */
const flag = z.enum(["0", "1", ""]).optional();
const positiveInt = (max: number) =>
  z
    .string()
    .regex(/^\d+$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().int().min(1).max(max))
    .optional();

export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).optional(),
    DATABASE_URL: z
      .string()
      .refine(
        (v) => v === "" || /^(file:|postgres(ql)?:\/\/)/.test(v),
        "must start with file: (SQLite) or postgresql://",
      )
      .optional(),
    DATABASE_POOL_SIZE: positiveInt(200),
    PORT: positiveInt(65_535),
    TABLEWRIGHT_PUBLIC_URL: z.url("must be an absolute URL such as https://tablewright.example.com").optional(),
    TABLEWRIGHT_TRUSTED_PROXIES: z
      .string()
      .regex(/^\d+$/, "must be a whole number (how many reverse proxies stand in front of the portal)")
      .transform(Number)
      .pipe(z.number().int().min(0).max(10))
      .optional(),
    TABLEWRIGHT_DEMO_SEED: flag,
    TABLEWRIGHT_ALLOW_LOCAL_ACCOUNTS: flag,
    TABLEWRIGHT_POLICY_FILE: z
      .string()
      .refine((p) => existsSync(p), "file does not exist")
      .optional(),
    TABLEWRIGHT_RATE_LIMIT_PER_MINUTE: positiveInt(100_000_000),
    TABLEWRIGHT_METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
    TABLEWRIGHT_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
    TABLEWRIGHT_SHUTDOWN_GRACE_MS: positiveInt(600_000),
    SESSION_TTL_HOURS: positiveInt(24 * 30),
    OIDC_ISSUER: z.url("must be the issuer URL, e.g. https://login.example.com/realms/corp").optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().optional(),
    OIDC_REDIRECT_URI: z.url().optional(),
    OIDC_SCOPES: z.string().optional(),
    OIDC_GROUPS_CLAIM: z.string().min(1).optional(),
    OIDC_ADMIN_GROUPS: z.string().optional(),
    OIDC_APPROVER_GROUPS: z.string().optional(),
    OIDC_BUDGET_APPROVER_GROUPS: z.string().optional(),
    OIDC_TEAM_GROUP_PREFIX: z.string().optional(),
    OIDC_ALLOW_INSECURE_ISSUER: flag,
    TABLEWRIGHT_AWS_CHECKS: z.enum(["on", "off", "true", "false", "0", "1", ""]).optional(),
    DYNAMODB_ENDPOINT: z.url("must be a URL such as http://dynamodb-local:8000").optional(),
    STS_ENDPOINT: z.url("must be a URL such as https://sts.us-east-1.amazonaws.com").optional(),
    TABLEWRIGHT_AWS_PROFILES: z
      .string()
      .refine((v) => {
        try {
          const parsed: unknown = JSON.parse(v);
          return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed);
        } catch {
          return false;
        }
      }, 'must be a JSON object mapping tiers to profiles, e.g. {"prod":"prod-readonly"}')
      .optional(),
    TABLEWRIGHT_AWS_TIMEOUT_MS: positiveInt(60_000),
    TABLEWRIGHT_WORKER: z
      .enum(["on", "off"], 'must be "on" (run background jobs here) or "off" (only enqueue)')
      .optional(),
    TABLEWRIGHT_DRIFT_SCHEDULE: z
      .string()
      .superRefine((value, ctx) => {
        const parsed = parseDriftSchedule(value);
        if (!parsed.ok) for (const message of parsed.errors) ctx.addIssue({ code: "custom", message });
      })
      .optional(),
    TABLEWRIGHT_DRIFT_READS_PER_MINUTE: positiveInt(6_000),
    TABLEWRIGHT_DRIFT_PLAN_EVERY_MINUTES: z
      .string()
      .refine(
        (v) => (DRIFT_PLAN_EVERY_MINUTES_ALLOWED as readonly number[]).includes(Number(v)) && /^\d+$/.test(v),
        `must be a number of minutes that divides the hour: ${DRIFT_PLAN_EVERY_MINUTES_ALLOWED.join(", ")}`,
      )
      .optional(),
    TABLEWRIGHT_OUTBOUND_ALLOWLIST: z
      .string()
      .superRefine((value, ctx) => {
        const parsed = parseOutboundAllowlist(value);
        if (!parsed.ok) for (const message of parsed.errors) ctx.addIssue({ code: "custom", message });
      })
      .optional(),
    TABLEWRIGHT_OUTBOUND_PUBLIC: z
      .enum(["on", "off"], 'must be "on" (public addresses allowed) or "off" (only the allowlist)')
      .optional(),
    TABLEWRIGHT_WEBHOOK_TIMEOUT_MS: positiveInt(60_000),
    TABLEWRIGHT_SMTP_URL: z
      .string()
      .refine((v) => {
        try {
          const url = new URL(v);
          return (url.protocol === "smtp:" || url.protocol === "smtps:") && url.hostname !== "";
        } catch {
          return false;
        }
      }, "must be an SMTP URL such as smtps://user:password@smtp.example.com:465 or smtp://relay:25")
      .optional(),
    TABLEWRIGHT_MAIL_FROM: z
      .string()
      .max(200)
      .refine(
        (v) => !/[\r\n]/.test(v) && /@/.test(v),
        'must be one address line such as "Tablewright <tw@example.com>"',
      )
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.OIDC_ISSUER && !env.OIDC_CLIENT_ID) {
      ctx.addIssue({ code: "custom", path: ["OIDC_CLIENT_ID"], message: "is required when OIDC_ISSUER is set" });
    }
  });

export type Env = z.output<typeof EnvSchema>;

/** Empty strings count as "not set", as shells and compose files often leave them. */
function withoutEmpty(source: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  );
}

export type EnvResult = { ok: true; env: Env } | { ok: false; errors: string[] };

/** Checks the environment; never throws. Each error names the variable and the rule. */
export function parseEnv(source: Record<string, string | undefined> = process.env): EnvResult {
  const parsed = EnvSchema.safeParse(withoutEmpty(source));
  if (parsed.success) return { ok: true, env: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`),
  };
}

/** Stops the process with a readable list of what is wrong (used at start-up). */
export function assertValidEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = parseEnv(source);
  if (result.ok) return result.env;
  console.error(
    `Tablewright cannot start: the configuration is invalid.\n${result.errors.map((e) => `  - ${e}`).join("\n")}\n` +
      "See .env.example and docs/operations.md for every setting.",
  );
  process.exit(78); // EX_CONFIG
}
