import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { estimateCost } from "../cost/estimate-cost";
import { DEFAULT_PRICE_LIST } from "../cost/price-list";
import { buildCostTestRequest as build } from "../cost/test-requests";
import { renderModule } from "../terraform/render-module";
import { loadValidExamples, parseModule } from "../terraform/test-support";
import { buildInfracostUsage } from "./infracost-usage";

// Infracost's usage keys, as its resources declare them (infracost/infracost
// internal/resources/aws/dynamodb_table.go UsageSchema; app_autoscaling_target.go), all Int64.
const TABLE_KEYS = [
  "monthly_write_request_units",
  "monthly_read_request_units",
  "storage_gb",
  "pitr_backup_storage_gb",
  "on_demand_backup_storage_gb",
  "monthly_data_restored_gb",
  "monthly_streams_read_request_units",
];
const TARGET_KEYS = ["capacity"];

type Usage = { version: string | number; resource_usage: Record<string, Record<string, number>> };
const usageOf = (text: string) => parseYaml(text) as Usage;

describe.each(loadValidExamples())("infracost-usage.yml ($name)", ({ request }) => {
  const estimate = estimateCost(request);
  const text = buildInfracostUsage(request, estimate);
  const usage = usageOf(text);

  it("is Infracost's usage-file format: version 0.1, known keys only, whole numbers >= 0", () => {
    expect(String(usage.version)).toBe("0.1");
    for (const [address, values] of Object.entries(usage.resource_usage)) {
      const allowed = address.startsWith("aws_dynamodb_table.") ? TABLE_KEYS : TARGET_KEYS;
      for (const [key, value] of Object.entries(values)) {
        expect(allowed, `${address}.${key}`).toContain(key);
        expect(Number.isInteger(value) && value >= 0, `${address}.${key} = ${value}`).toBe(true);
      }
    }
  });

  it("names only resources the rendered module declares", async () => {
    const parsed = await parseModule(renderModule(request));
    const declared = new Set<string>();
    for (const file of Object.values(parsed)) {
      for (const [type, byName] of Object.entries(file.resource ?? {})) {
        for (const name of Object.keys(byName as object)) declared.add(`${type}.${name}`);
      }
    }
    for (const address of Object.keys(usage.resource_usage)) expect(declared).toContain(address);
  });

  it("is deterministic", () => {
    expect(buildInfracostUsage(structuredClone(request), estimateCost(structuredClone(request)))).toBe(text);
  });
});

describe("infracost-usage.yml: the estimate's workload in Infracost's units", () => {
  it("on-demand, one Region: the same request units, and Infracost's price for them is the estimate's", () => {
    const request = build({
      pointInTimeRecovery: { enabled: true },
      stream: { enabled: true, viewType: "NEW_IMAGE" },
      workload: {
        readsPerSecond: 100,
        writesPerSecond: 10,
        itemSizeBytes: 1024,
        storageGb: 10,
        streamReadsPerSecond: 2,
      },
    });
    const estimate = estimateCost(request);
    const table = usageOf(buildInfracostUsage(request, estimate)).resource_usage["aws_dynamodb_table.this"];
    // 10 writes/s x 2,628,000 s x 1 WRU; 100 reads/s x 2,628,000 s x 0.5 RRU (eventual, 1 KB)
    expect(table?.monthly_write_request_units).toBe(26_280_000);
    expect(table?.monthly_read_request_units).toBe(131_400_000);
    // 10 GB x (1,024 + 100) / 1,024 = 10.9765625 billable GB, rounded up for Infracost's Int64
    expect(table?.storage_gb).toBe(11);
    expect(table?.pitr_backup_storage_gb).toBe(11);
    expect(table?.on_demand_backup_storage_gb).toBe(0);
    // 2 GetRecords/s x 2,628,000 s
    expect(table?.monthly_streams_read_request_units).toBe(5_256_000);
    // Infracost prices WRU and RRU per unit at AWS's rate: the same dollars as the estimate's lines.
    const use1 = DEFAULT_PRICE_LIST.regions["us-east-1"]?.STANDARD;
    const line = (c: string) => estimate.regions[0]?.lineItems.find((i) => i.component === c)?.monthlyUsd;
    expect(((table?.monthly_write_request_units ?? 0) * (use1?.writeRequestPerMillion ?? 0)) / 1e6).toBeCloseTo(
      line("write-request-units") ?? -1,
      9,
    );
    expect(((table?.monthly_read_request_units ?? 0) * (use1?.readRequestPerMillion ?? 0)) / 1e6).toBeCloseTo(
      line("read-request-units") ?? -1,
      9,
    );
  });

  it("provisioned with auto scaling: the capacity the estimate prices, on the module's scaling targets", () => {
    const request = build({
      billing: {
        mode: "PROVISIONED",
        read: { units: 5, autoscaling: { minCapacity: 5, maxCapacity: 1000, targetUtilization: 50 } },
        write: { units: 5, autoscaling: { minCapacity: 5, maxCapacity: 1000, targetUtilization: 70 } },
      },
      workload: { readsPerSecond: 400, writesPerSecond: 100, itemSizeBytes: 500, itemCount: 1_000_000 },
    });
    const usage = usageOf(buildInfracostUsage(request, estimateCost(request))).resource_usage;
    // reads: 400 x 0.5 RCU = 200 / 50% = 400 RCU; writes: 100 x 1 WCU / 70% = ceil(142.86) = 143 WCU
    expect(usage["aws_appautoscaling_target.table_read"]?.capacity).toBe(400);
    expect(usage["aws_appautoscaling_target.table_write"]?.capacity).toBe(143);
    // Provisioned: Infracost prices capacity, not request units, so those keys are left out.
    expect(usage["aws_dynamodb_table.this"]?.monthly_write_request_units).toBeUndefined();
    // 1,000,000 items x (500 + 100) bytes / 2^30 = 0.5588 GB -> 1
    expect(usage["aws_dynamodb_table.this"]?.storage_gb).toBe(1);
  });

  it("says which workload it states and what Infracost leaves out", () => {
    const request = build({});
    const text = buildInfracostUsage(request, estimateCost(request));
    expect(text).toContain("the expected default workload of the dev tier");
    expect(text).toContain("Infracost does not price");
    expect(text).toContain("GSI and LSI writes");
  });
});
