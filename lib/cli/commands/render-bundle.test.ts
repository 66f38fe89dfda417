import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_TIER_POLICY } from "../../domain/policy/default-policy";
import { VALID_EXAMPLES_DIR } from "../../domain/terraform/test-support";
import type { CliIo } from "../command";
import { runCli } from "../main";

let dir: string;
let out: string[];
let err: string[];
const io = (): CliIo => ({
  stdout: (t) => out.push(t),
  stderr: (t) => err.push(t),
  readStdin: async () => "",
  cwd: dir,
});

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "tablewright-cli-"));
  out = [];
  err = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const examples = readdirSync(VALID_EXAMPLES_DIR).filter((f) => f.endsWith(".json"));

describe("tablewright render", () => {
  it.each(examples)("writes the module for %s", async (file) => {
    const code = await runCli(
      ["render", path.join(VALID_EXAMPLES_DIR, file), "--out", "mod", "--change-request", "CR-7"],
      io(),
    );
    expect(err.join("")).toBe("");
    expect(code).toBe(0);
    const files = readdirSync(path.join(dir, "mod"));
    expect(files).toContain("main.tf");
    const readme = readFileSync(path.join(dir, "mod", "README.md"), "utf8");
    expect(readme).toContain("CR-7");
    expect(readme).toMatch(/at prices dated \d{4}-\d{2}-\d{2}/);
    expect(readme).toContain("RPO:");
  });

  it("exits 1 with the issues and writes nothing for an invalid request", async () => {
    writeFileSync(path.join(dir, "bad.json"), JSON.stringify({ tableName: "x" }));
    const code = await runCli(["render", "bad.json", "--out", "mod"], io());
    expect(code).toBe(1);
    expect(JSON.parse(out.join("")).valid).toBe(false);
    expect(readdirSync(dir)).toEqual(["bad.json"]);
  });

  it("exits 2 for an unreadable file or a missing --out", async () => {
    expect(await runCli(["render", "missing.json", "--out", "mod"], io())).toBe(2);
    expect(await runCli(["render", path.join(VALID_EXAMPLES_DIR, examples[0] as string)], io())).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });
});

const example = (name: string) => path.join(VALID_EXAMPLES_DIR, `${name}.json`);
const writePolicy = (patch: Record<string, unknown>) => {
  writeFileSync(path.join(dir, "policy.json"), JSON.stringify({ ...DEFAULT_TIER_POLICY, ...patch }));
  return "policy.json";
};

describe("tablewright render --out keeps the folder equal to the latest render (issue 18, defect 7)", () => {
  it("removes what the previous render wrote and this one does not (autoscaling.tf after moving to on-demand)", async () => {
    const provisioned = JSON.parse(readFileSync(example("provisioned-autoscaling"), "utf8"));
    writeFileSync(path.join(dir, "req.json"), JSON.stringify(provisioned));
    expect(await runCli(["render", "req.json", "--out", "mod"], io())).toBe(0);
    expect(readdirSync(path.join(dir, "mod"))).toContain("autoscaling.tf");
    writeFileSync(path.join(dir, "mod", "notes.txt"), "mine");
    const onDemand = { ...provisioned, billing: { mode: "PAY_PER_REQUEST" } };
    onDemand.globalSecondaryIndexes = provisioned.globalSecondaryIndexes.map(
      ({ capacity: _, ...g }: { capacity: unknown }) => g,
    );
    writeFileSync(path.join(dir, "req.json"), JSON.stringify(onDemand));
    expect(await runCli(["render", "req.json", "--out", "mod"], io())).toBe(0);
    const files = readdirSync(path.join(dir, "mod"));
    expect(files).not.toContain("autoscaling.tf");
    expect(files).toContain("notes.txt"); // not the render's: left alone
    expect(out.join("")).toContain("removed autoscaling.tf");
  });

  it("refuses a non-empty folder no render wrote, unless --force (which leaves foreign files and lists them)", async () => {
    const foreign = path.join(dir, "foreign");
    mkdirSync(foreign);
    writeFileSync(path.join(foreign, "old.tf"), "# someone else's");
    expect(await runCli(["render", example("basic-dev"), "--out", "foreign"], io())).toBe(2);
    expect(err.join("")).toMatch(/not empty.*--force/);
    expect(readdirSync(foreign)).toEqual(["old.tf"]);
    expect(await runCli(["render", example("basic-dev"), "--out", "foreign", "--force"], io())).toBe(0);
    expect(readdirSync(foreign)).toEqual(expect.arrayContaining(["old.tf", "main.tf", ".tablewright-files.json"]));
    expect(out.join("")).toContain("left in place, not written by this render: old.tf");
  });
});

describe("tablewright render and bundle: provider target and policy", () => {
  it("--aws-provider 5 writes 5.x syntax; the default follows the policy (6)", async () => {
    expect(await runCli(["render", example("prod-with-gsis"), "--out", "v6"], io())).toBe(0);
    expect(await runCli(["render", example("prod-with-gsis"), "--out", "v5", "--aws-provider", "5"], io())).toBe(0);
    const v6 = readFileSync(path.join(dir, "v6", "versions.tf"), "utf8");
    const v5 = readFileSync(path.join(dir, "v5", "versions.tf"), "utf8");
    expect(v6).toContain('">= 6.37.0, < 7.0.0"');
    expect(v5).toContain('">= 5.100.0, < 6.0.0"');
    expect(readFileSync(path.join(dir, "v5", "main.tf"), "utf8")).not.toContain("key_schema");
    expect(out.join("")).toContain("(hashicorp/aws 5.x)");
  });

  it("takes the target from --policy, and --aws-provider overrides it", async () => {
    const policy = writePolicy({ awsProviderMajor: 5 });
    expect(await runCli(["render", example("basic-dev"), "--out", "p5", "--policy", policy], io())).toBe(0);
    expect(readFileSync(path.join(dir, "p5", "versions.tf"), "utf8")).toContain("< 6.0.0");
    expect(
      await runCli(["render", example("basic-dev"), "--out", "p6", "--policy", policy, "--aws-provider", "6"], io()),
    ).toBe(0);
    expect(readFileSync(path.join(dir, "p6", "versions.tf"), "utf8")).toContain("< 7.0.0");
  });

  it("refuses MRSC for 5.x with a code that says why, and writes nothing", async () => {
    expect(await runCli(["render", example("mrsc-witness"), "--out", "m", "--aws-provider", "5"], io())).toBe(1);
    const issues = JSON.parse(out.join("")).issues as { code: string; message: string }[];
    expect(issues.map((i) => i.code)).toContain("PROVIDER_TARGET_MRSC_UNSUPPORTED");
    expect(readdirSync(dir)).toEqual([]);
    out = [];
    expect(await runCli(["bundle", example("mrsc-witness"), "--out", "m.zip", "--aws-provider", "5"], io())).toBe(1);
  });

  it("exits 2 for a bad --aws-provider or --policy", async () => {
    expect(await runCli(["render", example("basic-dev"), "--out", "m", "--aws-provider", "4"], io())).toBe(2);
    expect(err.join("")).toContain("--aws-provider must be 5 or 6");
    writeFileSync(path.join(dir, "bad-policy.json"), JSON.stringify({ version: 1 }));
    expect(await runCli(["bundle", example("basic-dev"), "--out", "m.zip", "--policy", "bad-policy.json"], io())).toBe(
      2,
    );
    expect(err.join("")).toContain("is not a valid tier policy");
  });

  it("bundle honours --policy: a policy that refuses PROVISIONED refuses the request", async () => {
    const policy = writePolicy({ onDemandOnly: true });
    expect(await runCli(["bundle", example("provisioned-autoscaling"), "--out", "x.zip"], io())).toBe(0);
    out = [];
    expect(
      await runCli(["bundle", example("provisioned-autoscaling"), "--out", "y.zip", "--policy", policy], io()),
    ).toBe(1);
    expect(JSON.parse(out.join("")).issues.map((i: { code: string }) => i.code)).toContain("POLICY_ON_DEMAND_ONLY");
  });
});

describe("tablewright estimate and dr honour --policy", () => {
  it.each(["estimate", "dr"])("%s validates under the given policy", async (command) => {
    const policy = writePolicy({ onDemandOnly: true });
    expect(await runCli([command, example("provisioned-autoscaling")], io())).toBe(0);
    out = [];
    expect(await runCli([command, example("provisioned-autoscaling"), "--policy", policy], io())).toBe(1);
    expect(JSON.parse(out.join("")).issues.map((i: { code: string }) => i.code)).toContain("POLICY_ON_DEMAND_ONLY");
  });
});

describe("tablewright bundle", () => {
  it("writes the same zip twice, with the module under the table folder and a manifest", async () => {
    const request = path.join(VALID_EXAMPLES_DIR, examples[0] as string);
    expect(await runCli(["bundle", request, "--out", "a/one.zip"], io())).toBe(0);
    expect(await runCli(["bundle", request, "--out", "two.zip"], io())).toBe(0);
    const one = readFileSync(path.join(dir, "a/one.zip"));
    expect(one.equals(readFileSync(path.join(dir, "two.zip")))).toBe(true);
    const entries = unzipSync(new Uint8Array(one));
    const manifestName = Object.keys(entries).find((n) => n.endsWith("/manifest.json")) as string;
    const manifest = JSON.parse(strFromU8(entries[manifestName] as Uint8Array));
    expect(manifest.files.map((f: { path: string }) => f.path)).toContain("main.tf");
  });

  it("exits 1 and writes no zip for an invalid request", async () => {
    writeFileSync(path.join(dir, "bad.json"), "{}");
    expect(await runCli(["bundle", "bad.json", "--out", "x.zip"], io())).toBe(1);
    expect(readdirSync(dir)).toEqual(["bad.json"]);
  });
});

describe("--account-targets", () => {
  const example = () =>
    JSON.parse(readFileSync(path.join(VALID_EXAMPLES_DIR, "backup-cross-region-copy.json"), "utf8"));
  const ROLE = "arn:aws:iam::210987654321:role/tablewright";
  const targets = (team: string, tier: string) => ({
    targets: [
      { id: "a", team: null, tier, accountId: "111122223333", roleArn: "arn:aws:iam::111122223333:role/tier" },
      { id: "b", team, tier, accountId: "210987654321", roleArn: ROLE, externalId: "tw-ext", name: "team-prod" },
    ],
  });

  it("renders the provider of the most specific mapping from a file of the portal's mappings", async () => {
    const request = example();
    writeFileSync(path.join(dir, "req.json"), JSON.stringify(request));
    writeFileSync(path.join(dir, "targets.json"), JSON.stringify(targets(request.owner.team, request.tier)));
    const code = await runCli(["render", "req.json", "--out", "mod", "--account-targets", "targets.json"], io());
    expect(err.join("")).toBe("");
    expect(code).toBe(0);
    const providers = readFileSync(path.join(dir, "mod", "providers.tf"), "utf8");
    expect(providers).toContain(`role_arn    = "${ROLE}"`);
    expect(providers).toContain('external_id = "tw-ext"');
    expect(providers).toContain('allowed_account_ids = ["210987654321"]');
  });

  it("bundles with the same provider; a team without a mapping gets the default account", async () => {
    const request = example();
    writeFileSync(path.join(dir, "req.json"), JSON.stringify(request));
    writeFileSync(path.join(dir, "other.json"), JSON.stringify(targets("someone-else", "dev").targets));
    expect(await runCli(["bundle", "req.json", "--out", "b.zip", "--account-targets", "other.json"], io())).toBe(0);
    const zip = unzipSync(readFileSync(path.join(dir, "b.zip")));
    const providers = Object.entries(zip).find(([name]) => name.endsWith("providers.tf"))?.[1];
    expect(strFromU8(providers as Uint8Array)).not.toContain("assume_role");
  });

  it("exits 2 naming the mapping and field when the file is not valid, and writes nothing", async () => {
    const request = example();
    writeFileSync(path.join(dir, "req.json"), JSON.stringify(request));
    writeFileSync(
      path.join(dir, "bad.json"),
      JSON.stringify({ targets: [{ team: null, tier: "prod", accountId: "12", roleArn: ROLE }] }),
    );
    expect(await runCli(["render", "req.json", "--out", "mod", "--account-targets", "bad.json"], io())).toBe(2);
    expect(err.join("")).toContain("account target 0: accountId must be a 12-digit AWS account ID");
    expect(await runCli(["render", "req.json", "--out", "mod", "--account-targets", "nope.json"], io())).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(["bad.json", "req.json"]);
  });
});

describe("--account-targets server", () => {
  // A stand-in for the portal: answers GET /api/v1/account-targets as the real route does (the
  // e2e suite drives the real one), and refuses any other path or a missing/wrong token.
  const TOKEN = "tw_test_account_targets";
  const ROLE = "arn:aws:iam::210987654321:role/tablewright";
  let portal: Server;
  let base: string;
  let calls: { method?: string; url?: string; authorization?: string }[];
  let answer: { status: number; body: unknown };

  beforeAll(async () => {
    portal = createServer((req, res) => {
      calls.push({ method: req.method, url: req.url, authorization: req.headers.authorization });
      const authorised = req.headers.authorization === `Bearer ${TOKEN}`;
      const found = req.method === "GET" && req.url === "/api/v1/account-targets";
      const { status, body } = !authorised
        ? { status: 401, body: { title: "Unauthorized", status: 401, detail: "a valid API token is required" } }
        : !found
          ? { status: 404, body: { title: "Not Found", status: 404, detail: "no such route" } }
          : answer;
      res.writeHead(status, { "content-type": status < 400 ? "application/json" : "application/problem+json" });
      res.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => portal.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
  });
  afterAll(async () => new Promise<void>((resolve) => portal.close(() => resolve())));
  beforeEach(() => {
    calls = [];
    vi.stubEnv("TABLEWRIGHT_SERVER", "");
    vi.stubEnv("TABLEWRIGHT_TOKEN", "");
  });
  afterEach(() => vi.unstubAllEnvs());

  const request = () =>
    JSON.parse(readFileSync(path.join(VALID_EXAMPLES_DIR, "backup-cross-region-copy.json"), "utf8"));
  const serve = (team: string, tier: string) => {
    answer = {
      status: 200,
      body: {
        targets: [
          { id: "t1", team: null, tier, accountId: "111122223333", roleArn: "arn:aws:iam::111122223333:role/tier" },
          { id: "t2", team, tier, accountId: "210987654321", roleArn: ROLE, externalId: "tw-ext", name: "team-prod" },
        ],
      },
    };
  };

  it("render fetches the portal's mappings with the token and writes the team's assume_role", async () => {
    const r = request();
    serve(r.owner.team, r.tier);
    writeFileSync(path.join(dir, "req.json"), JSON.stringify(r));
    const code = await runCli(
      ["render", "req.json", "--out", "mod", "--account-targets", "server", "--server", `${base}/`, "--token", TOKEN],
      io(),
    );
    expect(err.join("")).toBe("");
    expect(code).toBe(0);
    expect(calls).toEqual([{ method: "GET", url: "/api/v1/account-targets", authorization: `Bearer ${TOKEN}` }]);
    const providers = readFileSync(path.join(dir, "mod", "providers.tf"), "utf8");
    expect(providers).toContain("assume_role {");
    expect(providers).toContain(`role_arn    = "${ROLE}"`);
    expect(providers).toContain('external_id = "tw-ext"');
    expect(providers).toContain('allowed_account_ids = ["210987654321"]');
  });

  it("bundle takes the server and token from TABLEWRIGHT_SERVER and TABLEWRIGHT_TOKEN", async () => {
    const r = request();
    serve(r.owner.team, r.tier);
    vi.stubEnv("TABLEWRIGHT_SERVER", base);
    vi.stubEnv("TABLEWRIGHT_TOKEN", TOKEN);
    writeFileSync(path.join(dir, "req.json"), JSON.stringify(r));
    expect(await runCli(["bundle", "req.json", "--out", "b.zip", "--account-targets", "server"], io())).toBe(0);
    expect(calls).toHaveLength(1);
    const zip = unzipSync(readFileSync(path.join(dir, "b.zip")));
    const providers = Object.entries(zip).find(([name]) => name.endsWith("providers.tf"))?.[1];
    expect(strFromU8(providers as Uint8Array)).toContain(`role_arn    = "${ROLE}"`);
  });

  it("exits 2 with a clear message and writes nothing when no server or token is configured", async () => {
    writeFileSync(path.join(dir, "req.json"), JSON.stringify(request()));
    expect(await runCli(["render", "req.json", "--out", "mod", "--account-targets", "server"], io())).toBe(2);
    expect(err.join("")).toContain("tablewright render: give --server URL and --token T");
    expect(err.join("")).toContain("TABLEWRIGHT_SERVER and TABLEWRIGHT_TOKEN");
    err = [];
    expect(
      await runCli(["bundle", "req.json", "--out", "b.zip", "--account-targets", "server", "--server", base], io()),
    ).toBe(2);
    expect(err.join("")).toContain("tablewright bundle: give --server URL and --token T");
    expect(calls).toEqual([]);
    expect(readdirSync(dir)).toEqual(["req.json"]);
  });

  it("exits 2 naming the portal's answer when it refuses the token, and writes nothing", async () => {
    writeFileSync(path.join(dir, "req.json"), JSON.stringify(request()));
    const code = await runCli(
      ["render", "req.json", "--out", "mod", "--account-targets", "server", "--server", base, "--token", "tw_wrong"],
      io(),
    );
    expect(code).toBe(2);
    expect(err.join("")).toContain("cannot read the portal's account targets: a valid API token is required");
    expect(readdirSync(dir)).toEqual(["req.json"]);
  });
});
