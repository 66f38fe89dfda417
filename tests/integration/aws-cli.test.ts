import { writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { CreateTableCommand, DynamoDBClient, TagResourceCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../lib/cli/command";
import { runCli } from "../../lib/cli/main";
import {
  closedPortEndpoint,
  fixture,
  startDynalite,
  startRecordedDynamoDb,
  type TestEndpoint,
} from "../support/dynamodb-servers";

// `tablewright verify` and `tablewright import` run in-process with fake I/O against dynalite,
// through the real SDK. dynalite has no DescribeContinuousBackups, so the endpoint the CLI is
// given is a loopback proxy that answers that one call with a recorded real-format response and
// passes everything else to dynalite.

function fakeIo(cwd: string) {
  const out = { stdout: "", stderr: "" };
  const io: CliIo = {
    stdout: (t) => {
      out.stdout += t;
    },
    stderr: (t) => {
      out.stderr += t;
    },
    readStdin: async () => "",
    cwd,
  };
  return { io, out };
}

const request = {
  owner: { team: "search", service: "indexer", requester: "kim@example.com", costCenter: "CC-3" },
  tier: "dev",
  tableName: "search-docs",
  partitionKey: { name: "docId", type: "S" },
  globalSecondaryIndexes: [
    {
      name: "by-owner",
      partitionKey: { name: "ownerId", type: "S" },
      sortKey: { name: "updatedAt", type: "N" },
      projection: { type: "ALL" },
    },
  ],
  billing: { mode: "PAY_PER_REQUEST" },
  tags: { Team: "search", CostCenter: "CC-3", Environment: "dev" },
  regions: { primary: "us-west-2" },
};

describe("tablewright verify and import against dynalite", () => {
  let dynalite: TestEndpoint;
  let proxy: TestEndpoint;
  let dir: string;

  beforeAll(async () => {
    dynalite = await startDynalite();
    proxy = await startRecordedDynamoDb(
      { "*": { DescribeContinuousBackups: fixture("describe-continuous-backups-disabled.json") } },
      { fallback: dynalite.endpoint },
    );
    const admin = new DynamoDBClient({
      endpoint: dynalite.endpoint,
      region: "us-west-2",
      credentials: { accessKeyId: "x", secretAccessKey: "x" },
    });
    const created = await admin.send(
      new CreateTableCommand({
        TableName: "search-docs",
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: [
          { AttributeName: "docId", AttributeType: "S" },
          { AttributeName: "ownerId", AttributeType: "S" },
          { AttributeName: "updatedAt", AttributeType: "N" },
        ],
        KeySchema: [{ AttributeName: "docId", KeyType: "HASH" }],
        GlobalSecondaryIndexes: [
          {
            IndexName: "by-owner",
            KeySchema: [
              { AttributeName: "ownerId", KeyType: "HASH" },
              { AttributeName: "updatedAt", KeyType: "RANGE" },
            ],
            Projection: { ProjectionType: "ALL" },
          },
        ],
      }),
    );
    await admin.send(
      new TagResourceCommand({
        ResourceArn: created.TableDescription?.TableArn,
        Tags: Object.entries(request.tags).map(([Key, Value]) => ({ Key, Value })),
      }),
    );
    admin.destroy();
    dir = await mkdtemp(path.join(os.tmpdir(), "tw-cli-aws-"));
    writeFileSync(path.join(dir, "match.json"), JSON.stringify(request));
    writeFileSync(
      path.join(dir, "drift.json"),
      JSON.stringify({ ...request, pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 7 } }),
    );
  });
  afterAll(async () => {
    await proxy?.close();
    await dynalite?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("verify: exit 0 and verified true when the live table matches the file", async () => {
    const { io, out } = fakeIo(dir);
    expect(await runCli(["verify", "match.json", "--endpoint", proxy.endpoint], io)).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ verified: true, differences: [], region: "us-west-2" });
  });

  it("verify: exit 1 with the differences as JSON when the table drifted", async () => {
    const { io, out } = fakeIo(dir);
    expect(await runCli(["verify", "drift.json", "--endpoint", proxy.endpoint], io)).toBe(1);
    expect(JSON.parse(out.stdout).differences).toEqual([
      { path: "pointInTimeRecovery.enabled", expected: true, actual: false },
      { path: "pointInTimeRecovery.recoveryPeriodInDays", expected: 7, actual: null },
    ]);
    expect(out.stderr).toMatch(/2 difference\(s\)/);
  });

  it("verify: --table-region reads another Region; a missing table is exit 1", async () => {
    const { io, out } = fakeIo(dir);
    const proxied = await startRecordedDynamoDb({ "eu-west-1": { DescribeTable: "not-found" } });
    try {
      expect(
        await runCli(["verify", "match.json", "--table-region", "eu-west-1", "--endpoint", proxied.endpoint], io),
      ).toBe(1);
      expect(JSON.parse(out.stdout)).toMatchObject({ tableMissing: true, region: "eu-west-1" });
    } finally {
      await proxied.close();
    }
  });

  it("verify: exit 2 with the cause when the endpoint is unreachable, and for bad input", async () => {
    const unreachable = fakeIo(dir);
    const endpoint = await closedPortEndpoint();
    expect(await runCli(["verify", "match.json", "--endpoint", endpoint], unreachable.io)).toBe(2);
    expect(unreachable.out.stderr).toMatch(
      /DescribeTable in us-west-2 failed: cannot reach the endpoint \(ECONNREFUSED\)/,
    );

    const missingFile = fakeIo(dir);
    expect(await runCli(["verify", "nope.json", "--endpoint", proxy.endpoint], missingFile.io)).toBe(2);
    const noFile = fakeIo(dir);
    expect(await runCli(["verify", "--endpoint", proxy.endpoint], noFile.io)).toBe(2);
  });

  it("import: prints the request the table implies; it validates and verifies against the same table", async () => {
    const { io, out } = fakeIo(dir);
    const code = await runCli(
      ["import", "--region", "us-west-2", "--table", "search-docs", "--team", "search", "--endpoint", proxy.endpoint],
      io,
    );
    expect(out.stderr).toMatch(/note: Not read from DynamoDB/);
    expect(code).toBe(0);
    const implied = JSON.parse(out.stdout);
    expect(implied).toMatchObject({
      tableName: "search-docs",
      tier: "dev",
      partitionKey: { name: "docId", type: "S" },
      globalSecondaryIndexes: [{ name: "by-owner", sortKey: { name: "updatedAt", type: "N" } }],
      tags: request.tags,
      regions: { primary: "us-west-2" },
    });
    writeFileSync(path.join(dir, "imported.json"), out.stdout);
    const again = fakeIo(dir);
    expect(await runCli(["verify", "imported.json", "--endpoint", proxy.endpoint], again.io)).toBe(0);
  });

  it("import: exit 2 for a missing table or missing flags", async () => {
    const missing = fakeIo(dir);
    expect(
      await runCli(
        ["import", "--region", "us-west-2", "--table", "nope-docs", "--endpoint", proxy.endpoint],
        missing.io,
      ),
    ).toBe(2);
    expect(missing.out.stderr).toMatch(/no table named "nope-docs" in us-west-2/);
    const usage = fakeIo(dir);
    expect(await runCli(["import", "--table", "search-docs"], usage.io)).toBe(2);
    expect(usage.out.stderr).toMatch(/--region and --table are required/);
  });
});
