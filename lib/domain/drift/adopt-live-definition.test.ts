import { describe, expect, it } from "vitest";
import { type TableRequest, TableRequestSchema } from "../request/schema";
import { adoptLiveDefinition } from "./adopt-live-definition";

const approved = (): TableRequest =>
  TableRequestSchema.parse({
    owner: { team: "orders", service: "order-api", requester: "li@example.com", costCenter: "CC-1" },
    tier: "prod",
    tableName: "orders",
    partitionKey: { name: "PK", type: "S" },
    billing: { mode: "PAY_PER_REQUEST" },
    stream: { enabled: true, viewType: "NEW_IMAGE", hasConsumer: true },
    pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 35 },
    contributorInsights: true,
    tags: { Team: "orders" },
    regions: { primary: "us-east-1" },
    workload: { readsPerSecond: 100, writesPerSecond: 10, itemSizeBytes: 1000 },
  });

/** What the import path makes of the live table: owner and non-AWS fields are its own guesses. */
const live = (overrides: Record<string, unknown> = {}): TableRequest =>
  TableRequestSchema.parse({
    owner: { team: "orders", service: "orders", requester: "tablewright-import", costCenter: "unknown" },
    tier: "prod",
    tableName: "orders",
    partitionKey: { name: "PK", type: "S" },
    billing: { mode: "PAY_PER_REQUEST" },
    stream: { enabled: true, viewType: "NEW_IMAGE" },
    pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 35 },
    tags: { Team: "orders" },
    regions: { primary: "us-east-1" },
    ...overrides,
  });

describe("adoptLiveDefinition", () => {
  it.each([
    [
      "PITR turned off",
      { pointInTimeRecovery: { enabled: false } },
      "pointInTimeRecovery",
      { enabled: false, recoveryPeriodInDays: 35 },
    ],
    ["a tag added", { tags: { Team: "orders", Cost: "x" } }, "tags", { Team: "orders", Cost: "x" }],
    [
      "billing switched",
      { billing: { mode: "PROVISIONED", read: { units: 5 }, write: { units: 5 } } },
      "billing",
      undefined,
    ],
    ["deletion protection on", { deletionProtection: true }, "deletionProtection", true],
  ])("takes %s from the live table", (_, overrides, field, expected) => {
    const adopted = adoptLiveDefinition(approved(), live(overrides));
    const want = expected ?? (live(overrides) as Record<string, unknown>)[field];
    expect((adopted as Record<string, unknown>)[field]).toEqual(want);
  });

  it("keeps what AWS does not describe: owner, workload, Contributor Insights, the stream's consumer", () => {
    const adopted = adoptLiveDefinition(approved(), live());
    expect(adopted.owner).toEqual(approved().owner);
    expect(adopted.workload).toEqual(approved().workload);
    expect(adopted.contributorInsights).toBe(true);
    expect(adopted.stream).toEqual({ enabled: true, viewType: "NEW_IMAGE", hasConsumer: true });
  });

  it("drops an optional part the live table no longer has (stream turned off) and still parses", () => {
    const noStream = live();
    delete noStream.stream;
    const adopted = adoptLiveDefinition(approved(), noStream);
    expect(adopted.stream).toBeUndefined();
    expect(TableRequestSchema.safeParse(adopted).success).toBe(true);
  });
});
