import { describe, expect, it } from "vitest";
import type { GlobalSecondaryIndex } from "../request/schema";
import { onDemandTable, provisionedTable } from "./__fixtures__/tables";
import { addDurations, estimateIndexBuild, estimateReplicaCopy, formatSeconds, QUICK } from "./durations";

const index = (projection: GlobalSecondaryIndex["projection"]): GlobalSecondaryIndex => ({
  name: "by-x",
  partitionKey: { name: "x", type: "S" },
  projection,
  contributorInsights: false,
});

describe("estimateIndexBuild (re:Post create-gsi-dynamodb: items x max(size, 1 KB) / write units)", () => {
  it("counts small items as 1 KB each", () => {
    // 1 GB over 4 million items is 0.26 KB each: billed as 1 KB, 4,000,000 units at 4,000 per second.
    const d = estimateIndexBuild(index({ type: "ALL" }), onDemandTable(), { tableSizeGb: 1, itemCount: 4_000_000 });
    expect(d.maxSeconds).toBe(1000);
    expect(d.text).toBe("about 17 min");
  });

  it("gives KEYS_ONLY a range: one unit per item up to the full item", () => {
    const d = estimateIndexBuild(index({ type: "KEYS_ONLY" }), onDemandTable(), {
      tableSizeGb: 8,
      itemCount: 2_000_000,
    });
    expect(d.minSeconds).toBe(500); // 2,000,000 units / 4,000
    expect(d.maxSeconds).toBe(2097); // 2,000,000 x 4.19 KB / 4,000
  });

  it("without an item count gives only a floor (items of at least 1 KB)", () => {
    const d = estimateIndexBuild(index({ type: "ALL" }), onDemandTable(), { tableSizeGb: 1 });
    expect(d.minSeconds).toBe(262); // 1,048,576 KB / 4,000
    expect(d.maxSeconds).toBeUndefined();
    expect(d.text).toBe("at least 4 min");
  });

  it("uses the index's provisioned write units, up to its autoscaling maximum", () => {
    const gsi = {
      ...index({ type: "ALL" }),
      capacity: {
        read: { units: 5 },
        write: { units: 50, autoscaling: { minCapacity: 50, maxCapacity: 500, targetUtilization: 70 } },
      },
    };
    const d = estimateIndexBuild(gsi, provisionedTable(), { tableSizeGb: 1, itemCount: 1_048_576 });
    expect(d.minSeconds).toBe(2097); // 1,048,576 units / 500
    expect(d.maxSeconds).toBe(20972); // / 50
  });

  it("honours the on-demand index's maximum write request units and an assumed rate", () => {
    const gsi = { ...index({ type: "ALL" }), onDemandThroughput: { maxWriteRequestUnits: 1000 } };
    expect(estimateIndexBuild(gsi, onDemandTable(), { tableSizeGb: 1, itemCount: 1_048_576 }).maxSeconds).toBe(1049);
    expect(
      estimateIndexBuild(index({ type: "ALL" }), onDemandTable(), {
        tableSizeGb: 1,
        itemCount: 1_048_576,
        onDemandBackfillWriteUnitsPerSecond: 10_000,
      }).maxSeconds,
    ).toBe(105);
  });

  it("is unknown without a size, and minutes on an empty table", () => {
    expect(estimateIndexBuild(index({ type: "ALL" }), onDemandTable(), {}).maxSeconds).toBeUndefined();
    expect(estimateIndexBuild(index({ type: "ALL" }), onDemandTable(), { itemCount: 0 }).text).toBe(
      "minutes (empty table)",
    );
  });
});

describe("estimateReplicaCopy ([DG] 10 TB per day into one Region)", () => {
  it("floors the copy at the documented rate and gives no upper bound", () => {
    const d = estimateReplicaCopy({ tableSizeGb: 10 * 1024 });
    expect(d.minSeconds).toBe(86_400);
    expect(d.maxSeconds).toBeUndefined();
    expect(d.text).toBe("at least 24 h");
  });
  it("is a few minutes for an empty table", () => {
    expect(estimateReplicaCopy({ tableSizeGb: 0 })).toMatchObject({ minSeconds: 60, maxSeconds: 900 });
  });
});

describe("formatSeconds and addDurations", () => {
  it.each([
    [30, "under a minute"],
    [90, "2 min"],
    [3600, "1 h"],
    [3660, "1 h 1 min"],
    [49 * 3600, "2 days 1 h"],
  ])("%i s is %s", (s, text) => {
    expect(formatSeconds(s)).toBe(text);
  });

  it("adds bounds, and an unknown bound stays unknown", () => {
    const sum = addDurations([QUICK.updateTable, QUICK.updateTable]);
    expect(sum).toMatchObject({ minSeconds: 0, maxSeconds: 1800 });
    expect(addDurations([QUICK.updateTable, QUICK.tableClass]).maxSeconds).toBeUndefined();
    expect(addDurations([QUICK.none, QUICK.seconds])).toEqual(QUICK.seconds);
  });
});
