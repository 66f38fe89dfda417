import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OperationPlanSchema } from "../../domain/plan";
import type { CliIo } from "../command";
import { runCli } from "../main";

// Runs `tablewright plan-change` in-process with fake I/O, on files in a scratch folder.
function fakeIo(cwd: string, stdin = "") {
  const out = { stdout: "", stderr: "" };
  const io: CliIo = {
    stdout: (t) => {
      out.stdout += t;
    },
    stderr: (t) => {
      out.stderr += t;
    },
    readStdin: async () => stdin,
    cwd,
  };
  return { io, out };
}

const EXAMPLES = path.resolve(__dirname, "../../../examples/requests/valid");
const example = (name: string) => JSON.parse(readFileSync(path.join(EXAMPLES, name), "utf8"));

function scratch(files: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "plan-change-"));
  for (const [name, value] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), typeof value === "string" ? value : JSON.stringify(value));
  }
  return dir;
}

/** The provisioned example switched to on-demand with two new indexes (the issue's scenario). */
function requestedFrom(live: ReturnType<typeof example>) {
  const requested = structuredClone(live);
  requested.billing = { mode: "PAY_PER_REQUEST" };
  for (const g of requested.globalSecondaryIndexes) delete g.capacity;
  requested.globalSecondaryIndexes.push(
    { name: "by-brand", partitionKey: { name: "brand", type: "S" }, projection: { type: "KEYS_ONLY" } },
    { name: "by-sku", partitionKey: { name: "sku", type: "S" }, projection: { type: "ALL" } },
  );
  return requested;
}

describe("tablewright plan-change", () => {
  it("prints the plan as JSON with risk and ordered steps, exit 0", async () => {
    const live = example("provisioned-autoscaling.json");
    const dir = scratch({ "live.json": live, "requested.json": requestedFrom(live) });
    const { io, out } = fakeIo(dir);
    const code = await runCli(
      ["plan-change", "live.json", "requested.json", "--table-size-gb", "12", "--item-count", "4000000"],
      io,
    );
    expect(out.stderr).toBe("");
    expect(code).toBe(0);
    const plan = JSON.parse(out.stdout);
    expect(OperationPlanSchema.safeParse(plan).success).toBe(true);
    expect(plan.risk).toBe("medium");
    expect(plan.steps.map((s: { order: number }) => s.order)).toEqual([1, 2, 3]);
    for (const step of plan.steps) {
      expect(Object.keys(step)).toEqual(
        expect.arrayContaining(["order", "changes", "terraform", "duration", "available", "separateApply"]),
      );
    }
    expect(plan.steps[0].changes[0].kind).toBe("BILLING_TO_ON_DEMAND");
    expect(plan.steps[1].duration.maxSeconds).toBeGreaterThan(0);
  });

  it("reads recent changes from --context and judges the window at --now", async () => {
    const live = example("provisioned-autoscaling.json");
    const context = {
      recentChanges: {
        switchesToOnDemand: [
          "2026-12-04T12:00:00Z",
          "2026-12-05T01:00:00Z",
          "2026-12-05T02:00:00Z",
          "2026-12-05T03:00:00Z",
        ].map((at) => ({ at })),
      },
    };
    const dir = scratch({ "live.json": live, "requested.json": requestedFrom(live), "context.json": context });
    const { io, out } = fakeIo(dir);
    const args = [
      "plan-change",
      "live.json",
      "requested.json",
      "--context",
      "context.json",
      "--now",
      "2026-12-05T10:00:00Z",
    ];
    expect(await runCli(args, io)).toBe(0);
    const plan = JSON.parse(out.stdout);
    expect(plan.steps[0].notBefore).toBe("2026-12-05T12:00:00.000Z");
  });

  it("plans a create when the live file holds null, reading the request from standard input", async () => {
    const dir = scratch({ "live.json": "null" });
    const { io, out } = fakeIo(dir, JSON.stringify(example("basic-dev.json")));
    expect(await runCli(["plan-change", "live.json", "-"], io)).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ kind: "create", risk: "low" });
  });

  it("marks a key change destructive", async () => {
    const live = example("basic-dev.json");
    const requested = { ...live, partitionKey: { name: "userId", type: "S" } };
    const dir = scratch({ "live.json": live, "requested.json": requested });
    const { io, out } = fakeIo(dir);
    expect(await runCli(["plan-change", "live.json", "requested.json"], io)).toBe(0);
    const plan = JSON.parse(out.stdout);
    expect(plan.risk).toBe("destructive");
    expect(plan.requiresAcknowledgement).toBe(true);
  });

  it.each([
    [["plan-change", "missing.json", "requested.json"], /cannot read missing.json/],
    [["plan-change", "broken.json", "requested.json"], /broken.json is not valid JSON/],
    [["plan-change", "live.json"], /give the live and the requested definition files/],
    [["plan-change", "-", "-"], /only one of the two files can be standard input/],
    [["plan-change", "live.json", "requested.json", "--bogus"], /unknown option --bogus/],
    [["plan-change", "live.json", "requested.json", "--table-size-gb", "lots"], /--table-size-gb needs a number/],
  ])("exits 2 on unreadable input or bad usage: %j", async (args, message) => {
    const live = example("basic-dev.json");
    const dir = scratch({ "live.json": live, "requested.json": live, "broken.json": "{ nope" });
    const { io, out } = fakeIo(dir);
    expect(await runCli(args, io)).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stdout).toBe("");
  });

  it("exits 1 with the issues of an invalid definition or context, naming the file", async () => {
    const live = example("basic-dev.json");
    const dir = scratch({
      "live.json": live,
      "bad-live.json": { ...live, tableName: 7 },
      "bad-requested.json": { ...live, billing: { mode: "PROVISIONED" } },
      "context.json": { tableSizeGb: -1 },
    });
    for (const [args, file] of [
      [["bad-live.json", "live.json"], "live"],
      [["live.json", "bad-requested.json"], "requested"],
      [["live.json", "live.json", "--context", "context.json"], "context"],
    ] as const) {
      const { io, out } = fakeIo(dir);
      expect(await runCli(["plan-change", ...args], io)).toBe(1);
      const report = JSON.parse(out.stdout);
      expect(report).toMatchObject({ valid: false, file });
      expect(report.issues.length).toBeGreaterThan(0);
    }
  });

  it("shows its usage with --help", async () => {
    const { io, out } = fakeIo(process.cwd());
    expect(await runCli(["plan-change", "--help"], io)).toBe(0);
    expect(out.stdout).toMatch(/Usage: tablewright plan-change <live.json> <requested.json>/);
  });
});
