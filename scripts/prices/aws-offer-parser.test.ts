import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildPriceList, parsePriceCsvRows } from "../../lib/domain/cost/price-csv";
import {
  type AwsOfferFile,
  type AwsRegionIndex,
  baseUsageType,
  parseDynamoDbOffer,
  regionOfferUrls,
} from "./aws-offer-parser";

// The fixture is a cut-down eu-west-1 offer file in the Price List API's bulk format (products keyed
// by SKU, terms.OnDemand[sku][offerTerm].priceDimensions), with AWS's tiered free-tier SKUs and two
// products the parser must skip (internet data transfer, reserved capacity).
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));
const offer = fixture("offer-eu-west-1.json") as AwsOfferFile;
const url =
  "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonDynamoDB/20250828153819/eu-west-1/index.json";

describe("parseDynamoDbOffer", () => {
  const rows = parseDynamoDbOffer(offer, "eu-west-1", url);
  const rate = (component: string, tableClass = "STANDARD") =>
    rows.find((r) => r.component === component && r.tableClass === tableClass)?.usd;

  it("maps usage types to the CSV's components and units (per million, per hour, per GB-month, per 100k)", () => {
    expect(rate("ondemand_write_request_unit")).toBe(0.705);
    expect(rate("ondemand_write_request_unit", "STANDARD_INFREQUENT_ACCESS")).toBe(0.885);
    expect(rate("ondemand_read_request_unit")).toBe(0.1415);
    expect(rate("provisioned_rcu_hour")).toBe(0.000147);
    expect(rate("provisioned_replicated_wcu_hour")).toBe(0.000735);
    expect(rate("storage")).toBe(0.283);
    expect(rate("storage", "STANDARD_INFREQUENT_ACCESS")).toBe(0.1132);
    expect(rate("pitr_backup_storage", "ALL")).toBe(0.22);
    expect(rate("ondemand_backup_storage", "ALL")).toBe(0.11);
    expect(rate("restore", "ALL")).toBe(0.17);
    expect(rate("streams_read_request_unit", "ALL")).toBe(0.0226);
  });

  it("takes the paid tier of tiered SKUs and records the free tier separately", () => {
    expect(rate("storage")).toBe(0.283);
    expect(rate("storage_free_tier")).toBe(0);
    expect(rows.find((r) => r.component === "streams_read_request_unit_free_tier")?.unit).toContain("2500000");
  });

  it("skips data transfer and reserved capacity, and records where each rate came from", () => {
    expect(rows.some((r) => r.source.includes("DataTransfer") || r.source.includes("HeavyUsage"))).toBe(false);
    expect(rows.every((r) => r.region === "eu-west-1" && r.effectiveDate.startsWith("2025-08-28"))).toBe(true);
    expect(rows.find((r) => r.component === "storage")?.source).toContain(
      "rateCode=EUSTOR000000006.JRTCKXETXF.8EEUB22XNJ",
    );
  });

  it("agrees with the checked-in CSV for the rates in the fixture", () => {
    const csv = parsePriceCsvRows(readFileSync(new URL("../../prices/dynamodb-prices.csv", import.meta.url), "utf8"));
    for (const row of rows.filter((r) => !r.component.endsWith("_free_tier"))) {
      const published = csv.find(
        (c) => c.region === row.region && c.component === row.component && c.tableClass === row.tableClass,
      );
      expect(published?.usd, `${row.component}/${row.tableClass}`).toBe(row.usd);
    }
  });

  it("builds a price list only when every needed rate is present", () => {
    expect(() => buildPriceList(rows)).toThrow(/eu-west-1 lacks/);
  });
});

describe("Region prefixes and the region index", () => {
  it("strips billing Region prefixes but not the IA- class marker", () => {
    expect(baseUsageType("EU-IA-TimedStorage-ByteHrs")).toBe("IA-TimedStorage-ByteHrs");
    expect(baseUsageType("USW2-WriteCapacityUnit-Hrs")).toBe("WriteCapacityUnit-Hrs");
    expect(baseUsageType("APS1-ReplWriteRequestUnits")).toBe("ReplWriteRequestUnits");
    expect(baseUsageType("IA-ReadRequestUnits")).toBe("IA-ReadRequestUnits");
    expect(baseUsageType("TimedPITRStorage-ByteHrs")).toBe("TimedPITRStorage-ByteHrs");
  });

  it("resolves each Region's offer URL against the index URL", () => {
    const index = fixture("region-index.json") as AwsRegionIndex;
    const urls = regionOfferUrls(
      index,
      "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonDynamoDB/current/region_index.json",
    );
    expect(urls[0]).toEqual({ region: "eu-west-1", url });
    expect(urls).toHaveLength(2);
  });
});
