import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const errorsOf = (env: Record<string, string>) => {
  const result = parseEnv(env);
  return result.ok ? [] : result.errors;
};

describe("parseEnv", () => {
  it("accepts an empty environment (embedded defaults) and a complete production one", () => {
    expect(parseEnv({}).ok).toBe(true);
    const policy = path.join(mkdtempSync(path.join(os.tmpdir(), "tw-env-")), "policy.json");
    writeFileSync(policy, "{}");
    const result = parseEnv({
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://tw:secret@db:5432/tw",
      DATABASE_POOL_SIZE: "20",
      PORT: "8080",
      TABLEWRIGHT_PUBLIC_URL: "https://tablewright.example.com",
      TABLEWRIGHT_TRUSTED_PROXIES: "1",
      TABLEWRIGHT_POLICY_FILE: policy,
      TABLEWRIGHT_METRICS_TOKEN: "a-long-metrics-token",
      OIDC_ISSUER: "https://login.example.com",
      OIDC_CLIENT_ID: "tablewright",
      DYNAMODB_ENDPOINT: "http://dynamodb-local:8000",
      TABLEWRIGHT_AWS_PROFILES: '{"prod":"prod-readonly"}',
    });
    expect(result).toMatchObject({
      ok: true,
      env: { DATABASE_POOL_SIZE: 20, PORT: 8080, TABLEWRIGHT_TRUSTED_PROXIES: 1 },
    });
  });

  it.each([
    [
      "a malformed database URL",
      { DATABASE_URL: "mysql://x" },
      "DATABASE_URL: must start with file: (SQLite) or postgresql://",
    ],
    ["a number that is not a number", { DATABASE_POOL_SIZE: "ten" }, "DATABASE_POOL_SIZE: must be a whole number"],
    ["a number out of range", { PORT: "70000" }, "PORT:"],
    [
      "a proxy count that is not a count",
      { TABLEWRIGHT_TRUSTED_PROXIES: "yes" },
      "TABLEWRIGHT_TRUSTED_PROXIES: must be a whole number",
    ],
    ["too many proxies", { TABLEWRIGHT_TRUSTED_PROXIES: "11" }, "TABLEWRIGHT_TRUSTED_PROXIES:"],
    [
      "a URL that is not a URL",
      { TABLEWRIGHT_PUBLIC_URL: "tablewright.example.com" },
      "TABLEWRIGHT_PUBLIC_URL: must be an absolute URL",
    ],
    [
      "a missing file",
      { TABLEWRIGHT_POLICY_FILE: "/nope/policy.json" },
      "TABLEWRIGHT_POLICY_FILE: file does not exist",
    ],
    [
      "a short secret",
      { TABLEWRIGHT_METRICS_TOKEN: "short" },
      "TABLEWRIGHT_METRICS_TOKEN: must be at least 16 characters",
    ],
    ["an unknown enum value", { TABLEWRIGHT_LOG_LEVEL: "loud" }, "TABLEWRIGHT_LOG_LEVEL:"],
    ["a flag that is not 0 or 1", { TABLEWRIGHT_DEMO_SEED: "yes" }, "TABLEWRIGHT_DEMO_SEED:"],
    [
      "a missing dependent setting",
      { OIDC_ISSUER: "https://login.example.com" },
      "OIDC_CLIENT_ID: is required when OIDC_ISSUER is set",
    ],
    ["malformed JSON", { TABLEWRIGHT_AWS_PROFILES: "prod=x" }, "TABLEWRIGHT_AWS_PROFILES: must be a JSON object"],
    [
      "an allowlist entry that is neither host nor CIDR",
      { TABLEWRIGHT_OUTBOUND_ALLOWLIST: "hooks.example.com, 10.0.0.0/33" },
      'TABLEWRIGHT_OUTBOUND_ALLOWLIST: "10.0.0.0/33": the prefix length must be 0-32',
    ],
    [
      "an allowlist entry with a URL in it",
      { TABLEWRIGHT_OUTBOUND_ALLOWLIST: "https://hooks.example.com" },
      'TABLEWRIGHT_OUTBOUND_ALLOWLIST: "https://hooks.example.com": not a host name',
    ],
    [
      "a drift schedule with an unknown tier",
      { TABLEWRIGHT_DRIFT_SCHEDULE: "prod=1h,qa=1d" },
      'TABLEWRIGHT_DRIFT_SCHEDULE: "qa=1d": unknown tier "qa"',
    ],
    [
      "a drift reads budget that is not a number",
      { TABLEWRIGHT_DRIFT_READS_PER_MINUTE: "fast" },
      "TABLEWRIGHT_DRIFT_READS_PER_MINUTE: must be a whole number",
    ],
    [
      "a drift planner tick that does not divide the hour",
      { TABLEWRIGHT_DRIFT_PLAN_EVERY_MINUTES: "7" },
      "TABLEWRIGHT_DRIFT_PLAN_EVERY_MINUTES: must be a number of minutes that divides the hour",
    ],
    ["a worker switch that is not on/off", { TABLEWRIGHT_WORKER: "yes" }, "TABLEWRIGHT_WORKER: must be"],
    [
      "an SMTP URL of another scheme",
      { TABLEWRIGHT_SMTP_URL: "http://mail" },
      "TABLEWRIGHT_SMTP_URL: must be an SMTP URL",
    ],
    [
      "a sender with a line break",
      { TABLEWRIGHT_MAIL_FROM: "a@b\nBcc: x@y" },
      "TABLEWRIGHT_MAIL_FROM: must be one address",
    ],
  ])("refuses %s, naming the variable", (_name, env, message) => {
    expect(errorsOf(env).join("\n")).toContain(message);
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", OIDC_ISSUER: "" }).ok).toBe(true);
  });
});
