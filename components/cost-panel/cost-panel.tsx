import { formatUsd } from "@/lib/domain/cost/format";
import type { CostEstimate } from "@/lib/domain/cost/types";
import { BillableStorage } from "./billable-storage";
import { CostAlternatives } from "./cost-alternatives";
import styles from "./cost-panel.module.css";
import { LineItemsTable } from "./line-items-table";
import { ProjectionChart } from "./projection-chart";
import { RegionCostChart } from "./region-cost-chart";
import { ReservedCapacity } from "./reserved-capacity";
import { WhatIfList } from "./what-if-list";

/**
 * The estimate in full: per-Region chart, line items with their working, the 12-month projection,
 * billable storage, comparisons (billing mode and class, what-ifs, reserved capacity), assumptions.
 */
export function CostPanel({ estimate }: { estimate: CostEstimate }) {
  return (
    <div className={styles.panel}>
      <p className={styles.meta}>
        Prices as of <time dateTime={estimate.pricesAsOf}>{estimate.pricesAsOf}</time> ·{" "}
        {estimate.billingMode === "PROVISIONED" ? "Provisioned" : "On-demand"} ·{" "}
        {estimate.tableClass === "STANDARD" ? "Standard" : "Standard-IA"}
      </p>
      {estimate.range ? (
        <p className={styles.rangeNote} data-testid="cost-range">
          No workload given, so this is the tier&apos;s <strong>{estimate.scenario}</strong> workload. Range:{" "}
          <strong>{formatUsd(estimate.range.low)}</strong> (low) · <strong>{formatUsd(estimate.range.expected)}</strong>{" "}
          (expected) · <strong>{formatUsd(estimate.range.high)}</strong> (high) per month. Describe the workload for a
          firmer number.
        </p>
      ) : (
        <p className={styles.meta}>Priced from the workload you described.</p>
      )}
      {estimate.warnings.length > 0 && (
        <ul className={styles.warnings}>
          {estimate.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <h3 className={styles.heading}>Per Region</h3>
      <RegionCostChart regions={estimate.regions} />
      {estimate.regions.map((region) => (
        <LineItemsTable key={`${region.region}-${region.role ?? ""}`} region={region} />
      ))}
      <p className={styles.total}>
        <span>Total per month</span>
        <strong>{formatUsd(estimate.totalMonthlyUsd)}</strong>
      </p>
      {estimate.projection && <ProjectionChart projection={estimate.projection} idPrefix="live-projection" />}
      {estimate.storage && <BillableStorage storage={estimate.storage} />}
      <CostAlternatives alternatives={estimate.alternatives} />
      {estimate.whatIf && <WhatIfList whatIf={estimate.whatIf} />}
      {estimate.reservedCapacity && <ReservedCapacity reserved={estimate.reservedCapacity} />}
      <details className={styles.assumptions}>
        <summary>Assumptions ({estimate.assumptions.length})</summary>
        <ul>
          {estimate.assumptions.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
