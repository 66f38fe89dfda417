import { ProjectionChart } from "@/components/cost-panel/projection-chart";
import { DataTable } from "@/components/ui/data-table";
import { formatUsd } from "@/lib/domain/cost/format";
import type { CostEstimate } from "@/lib/domain/cost/types";
import styles from "./request-detail.module.css";

const ROLE_LABEL: Record<string, string> = {
  PRIMARY: "primary",
  REPLICA: "replica",
  WITNESS: "witness",
  BACKUP_COPY: "backup copy",
};
const CLASS_LABEL: Record<string, string> = { STANDARD: "Standard", STANDARD_INFREQUENT_ACCESS: "Standard-IA" };

/** The stored estimate of the current revision: the total, each Region's share, and what to watch. */
export function CostSummary({ estimate }: { estimate: CostEstimate }) {
  return (
    <div data-testid="cost-summary">
      <p className={styles.total}>
        <span className={styles.totalValue}>{formatUsd(estimate.totalMonthlyUsd)}</span> per month
        {estimate.range && (
          <span className={styles.muted}>
            {" "}
            (range {formatUsd(estimate.range.low)} – {formatUsd(estimate.range.high)}, tier default workload)
          </span>
        )}
      </p>
      <p className={styles.small}>
        {estimate.billingMode === "PAY_PER_REQUEST" ? "On-demand" : "Provisioned"},{" "}
        {CLASS_LABEL[estimate.tableClass] ?? estimate.tableClass}; prices as of {estimate.pricesAsOf}.
      </p>
      <div className={styles.tableWrap}>
        <DataTable
          caption="Monthly cost per Region"
          className={styles.table}
          columns={["Region", "Role", { label: "Monthly", className: styles.num }]}
          footer={
            <tr>
              <th scope="row" colSpan={2}>
                Total
              </th>
              <td className={styles.num}>{formatUsd(estimate.totalMonthlyUsd)}</td>
            </tr>
          }
        >
          {estimate.regions.map((region) => (
            <tr key={`${region.region}-${region.role ?? ""}`}>
              <th scope="row">
                <code>{region.region}</code>
              </th>
              <td>{region.role ? ROLE_LABEL[region.role] : "—"}</td>
              <td className={styles.num}>{formatUsd(region.monthlyUsd)}</td>
            </tr>
          ))}
        </DataTable>
      </div>
      {/* Revisions stored before the projection existed have none. */}
      {estimate.projection && estimate.projection.length > 0 && (
        <ProjectionChart projection={estimate.projection} idPrefix="request-projection" />
      )}
      {estimate.warnings.length > 0 && (
        <ul className={styles.issues} aria-label="Cost warnings">
          {estimate.warnings.map((w) => (
            <li key={w} className={styles.issueWarning}>
              <strong>Warning</strong> {w}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
