import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AWS_REGIONS } from "../regions";
import { parsePriceCsv } from "./price-csv";
import { DEFAULT_PRICE_LIST } from "./price-list";

// The engine imports price-list.json (browser-safe); the CSV is the reviewable source. They must agree.
const csv = readFileSync(new URL("../../../prices/dynamodb-prices.csv", import.meta.url), "utf8");

describe("price data", () => {
  it("price-list.json is exactly what the CSV generates (run `npm run prices:update -- --from-csv`)", () => {
    expect(DEFAULT_PRICE_LIST).toEqual(parsePriceCsv(csv));
  });

  it("covers every Region the request schema accepts, with a source and a publication date", () => {
    expect(Object.keys(DEFAULT_PRICE_LIST.regions).sort()).toEqual([...AWS_REGIONS].sort());
    expect(DEFAULT_PRICE_LIST.publicationDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(DEFAULT_PRICE_LIST.source).toContain("hawkFilePublicationDate");
  });

  it("keeps AWS's published figures (us-east-1 spot check) and the known gap (no Streams price in il-central-1)", () => {
    const use1 = DEFAULT_PRICE_LIST.regions["us-east-1"];
    expect(use1?.STANDARD).toMatchObject({
      writeRequestPerMillion: 0.625,
      readRequestPerMillion: 0.125,
      wcuHour: 0.00065,
      rcuHour: 0.00013,
      storageGbMonth: 0.25,
    });
    expect(use1?.STANDARD_INFREQUENT_ACCESS.storageGbMonth).toBe(0.1);
    expect(use1?.streamsReadPer100k).toBe(0.02);
    expect(DEFAULT_PRICE_LIST.regions["il-central-1"]?.streamsReadPer100k).toBeNull();
  });
});
