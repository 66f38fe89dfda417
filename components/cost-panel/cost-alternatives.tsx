import { DataTable } from "@/components/ui/data-table";
import { formatUsd } from "@/lib/domain/cost/format";
import type { CostAlternatives as Alternatives } from "@/lib/domain/cost/types";
import styles from "./cost-panel.module.css";

const MODE_LABEL = { PAY_PER_REQUEST: "On-demand", PROVISIONED: "Provisioned" } as const;
const CLASS_LABEL = { STANDARD: "Standard", STANDARD_INFREQUENT_ACCESS: "Standard-IA" } as const;

/** The same workload priced four ways, with the break-even points that decide between them. */
export function CostAlternatives({ alternatives }: { alternatives: Alternatives }) {
  const { options, recommended, billingModeBreakEven, tableClassBreakEven } = alternatives;
  return (
    <section aria-labelledby="cost-alternatives-heading">
      <h3 id="cost-alternatives-heading" className={styles.heading}>
        On-demand vs provisioned, Standard vs Standard-IA
      </h3>
      <DataTable
        caption="The same workload priced with each billing mode and table class"
        className={styles.lineItems}
        testId="cost-alternatives"
        columns={[
          "Billing",
          "Class",
          { label: "Monthly", className: styles.num },
          { label: "Difference", className: styles.num },
        ]}
      >
        {options.map((option) => {
          const isRecommended =
            option.billingMode === recommended.billingMode && option.tableClass === recommended.tableClass;
          return (
            <tr
              key={`${option.billingMode}-${option.tableClass}`}
              className={option.isCurrent ? styles.currentRow : undefined}
            >
              <td>
                {MODE_LABEL[option.billingMode]}
                {option.isCurrent && <span className={styles.badge}>your choice</span>}
                {isRecommended && <span className={`${styles.badge} ${styles.badgeGood}`}>cheapest</span>}
                {option.note && <span className={styles.formula}>{option.note}</span>}
              </td>
              <td>{CLASS_LABEL[option.tableClass]}</td>
              <td className={styles.num}>{formatUsd(option.totalMonthlyUsd)}</td>
              <td className={styles.num}>
                {option.isCurrent ? "—" : `${option.differenceUsd > 0 ? "+" : ""}${formatUsd(option.differenceUsd)}`}
              </td>
            </tr>
          );
        })}
      </DataTable>
      <p className={styles.recommendation}>
        <strong>Recommendation:</strong> {MODE_LABEL[recommended.billingMode]}, {CLASS_LABEL[recommended.tableClass]}.{" "}
        {recommended.reason}
      </p>
      <dl className={styles.breakEven}>
        <dt>Billing-mode break-even</dt>
        <dd>
          Provisioned is cheaper above {billingModeBreakEven.writeUtilizationPercent.toFixed(0)}% write and{" "}
          {billingModeBreakEven.readUtilizationPercent.toFixed(0)}% read utilisation ({billingModeBreakEven.region}).{" "}
          <span className={styles.muted}>{billingModeBreakEven.explanation}</span>
        </dd>
        <dt>Table-class break-even</dt>
        <dd>
          {tableClassBreakEven.storageGb === null
            ? "Standard-IA is never cheaper for this workload."
            : `Standard-IA is cheaper above ${tableClassBreakEven.storageGb.toFixed(1)} GB of table data.`}{" "}
          <span className={styles.muted}>{tableClassBreakEven.explanation}</span>
        </dd>
      </dl>
    </section>
  );
}
