import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../command";
import { runCli } from "../main";

// Runs `tablewright estimate` in-process with fake I/O, the way a user would call it.
function fakeIo(stdin = "", cwd = process.cwd()) {
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

const request = {
  owner: { team: "payments", service: "ledger", requester: "dev@example.com", costCenter: "CC-1" },
  tier: "dev",
  tableName: "ledger-entries",
  partitionKey: { name: "pk", type: "S" },
  billing: { mode: "PAY_PER_REQUEST" },
  regions: { primary: "us-east-1" },
  tags: { Team: "payments", CostCenter: "CC-1", Environment: "dev" },
  workload: { readsPerSecond: 100, writesPerSecond: 10, itemSizeBytes: 1024, storageGb: 10 },
};

describe("tablewright estimate", () => {
  it("prints the estimate as JSON and exits 0 (file argument)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tw-estimate-"));
    writeFileSync(path.join(dir, "request.json"), JSON.stringify(request));
    const { io, out } = fakeIo("", dir);
    expect(await runCli(["estimate", "request.json"], io)).toBe(0);
    const estimate = JSON.parse(out.stdout);
    // 16.425 writes + 16.425 reads + 2.744140625 storage (see lib/domain/cost/estimate-cost.test.ts)
    expect(estimate.totalMonthlyUsd).toBeCloseTo(35.594140625, 9);
    expect(estimate.pricesAsOf).toBe("2025-08-28");
  });

  it("reads standard input and applies --transfer-usd-per-gb", async () => {
    // staging allows three Regions (dev allows one) and requires PITR.
    const global = {
      ...request,
      tier: "staging",
      tags: { ...request.tags, Environment: "staging" },
      pointInTimeRecovery: { enabled: true },
      regions: { primary: "us-east-1", replicas: [{ region: "us-west-2" }] },
    };
    const { io, out } = fakeIo(JSON.stringify(global));
    const code = await runCli(["estimate", "-", "--transfer-usd-per-gb", "0.09"], io);
    expect(out.stderr).toBe("");
    expect(code).toBe(0);
    const transfer = JSON.parse(out.stdout).regions[0].lineItems.find(
      (l: { component: string }) => l.component === "replication-data-transfer",
    );
    expect(transfer.unitPriceUsd).toBe(0.09);
  });

  it("prints the 12-month projection and the billable storage", async () => {
    const growing = { ...request, workload: { ...request.workload, monthlyGrowthGb: 10 } };
    const { io, out } = fakeIo(JSON.stringify(growing));
    expect(await runCli(["estimate", "-"], io)).toBe(0);
    const estimate = JSON.parse(out.stdout);
    expect(estimate.projection).toHaveLength(12);
    expect(estimate.projection[0].totalMonthlyUsd).toBeCloseTo(estimate.totalMonthlyUsd, 9);
    // month 12 holds 10 + 11 x 10 = 120 GB of raw data: 120 x 1,124 / 1,024 billable GB
    expect(estimate.projection[11].billableGbPerRegion).toBeCloseTo(120 * (1124 / 1024), 9);
    expect(estimate.storage.entries[0]).toMatchObject({ kind: "TABLE", name: "ledger-entries" });
  });

  it("exits 1 with the validation issues for an invalid request", async () => {
    const { io, out } = fakeIo(JSON.stringify({ ...request, tableName: "x" }));
    expect(await runCli(["estimate", "-"], io)).toBe(1);
    expect(JSON.parse(out.stdout).valid).toBe(false);
  });

  it("exits 2 for unreadable input, non-JSON and bad options", async () => {
    expect(await runCli(["estimate", "does-not-exist.json"], fakeIo().io)).toBe(2);
    expect(await runCli(["estimate", "-"], fakeIo("{not json").io)).toBe(2);
    expect(await runCli(["estimate"], fakeIo().io)).toBe(2);
    expect(await runCli(["estimate", "-", "--transfer-usd-per-gb", "-1"], fakeIo(JSON.stringify(request)).io)).toBe(2);
    expect(await runCli(["estimate", "-", "--scenario", "huge"], fakeIo(JSON.stringify(request)).io)).toBe(2);
  });

  it("shows the tier's low / expected / high range when the request has no workload", async () => {
    const { workload: _omit, ...noWorkload } = request;
    const { io, out } = fakeIo(JSON.stringify(noWorkload));
    expect(await runCli(["estimate", "-", "--scenario", "high"], io)).toBe(0);
    const estimate = JSON.parse(out.stdout);
    expect(estimate.scenario).toBe("high");
    expect(Object.keys(estimate.range)).toEqual(["low", "expected", "high"]);
  });
});
