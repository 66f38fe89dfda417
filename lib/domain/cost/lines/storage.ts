import type { LineTemplate, PricingInput } from "./line-template";

/**
 * Table and index storage, held in full in every Region, at that Region's table class. The GB come
 * from the billable storage (item size plus AWS's per-item overhead, each index's projected copy).
 */
export function buildStorageLines(input: PricingInput): LineTemplate[] {
  const { storage, detail } = input;
  return storage.entries.map(
    (entry): LineTemplate =>
      entry.kind === "TABLE"
        ? {
            component: "table-storage",
            quantity: entry.billableGb,
            unit: "GB-month",
            classKey: "storageGbMonth",
            description: "Table data",
            withClass: true,
            formula: entry.formula,
            group: "storage",
          }
        : {
            component: "index-storage",
            quantity: entry.billableGb,
            unit: "GB-month",
            classKey: "storageGbMonth",
            description: detail ? `${entry.kind} ${entry.name} data (${entry.projection})` : "",
            withClass: true,
            formula: entry.formula,
            group: "storage",
          },
  );
}

/** Point-in-time recovery storage of a Region where PITR is on: the table and LSI data (not GSIs). */
export function buildPitrLine(input: PricingInput): LineTemplate {
  const { storage, detail, f } = input;
  return {
    component: "pitr-storage",
    quantity: storage.backedUpGbPerRegion,
    unit: "GB-month",
    regionKey: "pitrGbMonth",
    description: "Point-in-time recovery (table and LSI data)",
    formula: detail ? `table and LSI data = ${f(storage.backedUpGbPerRegion)} GB` : "",
    group: "other",
  };
}
