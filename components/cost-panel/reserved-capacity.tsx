import { DataTable } from "@/components/ui/data-table";
import { formatNumber, formatUsd } from "@/lib/domain/cost/format";
import type { ReservedCapacityEstimate } from "@/lib/domain/cost/types";
import styles from "./cost-panel.module.css";

const numeric = (label: string) => ({ label, className: styles.num });

/** Reserved capacity for a provisioned table: each term's price against standard provisioned capacity. */
export function ReservedCapacity({ reserved }: { reserved: ReservedCapacityEstimate }) {
  return (
    <section aria-labelledby="reserved-heading" data-testid="cost-reserved">
      <h3 id="reserved-heading" className={styles.heading}>
        Reserved capacity
      </h3>
      <p className={styles.meta}>{reserved.reason}</p>
      {reserved.terms.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to be scrolled by keyboard
        <section className={styles.tableScroll} tabIndex={0} aria-label="Reserved capacity terms">
          <DataTable
            caption="Reserved capacity terms against standard provisioned capacity"
            className={styles.lineItems}
            columns={["Term", ...["Upfront", "Monthly", "Effective", "Saving / month", "Break-even"].map(numeric)]}
          >
            {reserved.terms.map((t) => (
              <tr key={t.term}>
                <th scope="row">
                  {t.term}
                  <span className={styles.formula}>
                    {t.lines
                      .filter((l) => l.reservedUnits > 0)
                      .map((l) => `${formatNumber(l.reservedUnits)} ${l.unit} in ${l.region}`)
                      .join(", ") || "no whole block"}
                    {t.unpricedRegions.length > 0 ? `; no ${t.term} price in ${t.unpricedRegions.join(", ")}` : ""}
                  </span>
                </th>
                <td className={styles.num}>{formatUsd(t.upfrontUsd)}</td>
                <td className={styles.num}>{formatUsd(t.monthlyUsd)}</td>
                <td className={styles.num}>{formatUsd(t.effectiveMonthlyUsd)}</td>
                <td className={styles.num}>{formatUsd(t.savingPerMonthUsd)}</td>
                <td className={styles.num}>
                  {t.breakEvenMonths === null ? "never" : `${t.breakEvenMonths.toFixed(1)} months`}
                </td>
              </tr>
            ))}
          </DataTable>
        </section>
      )}
      {reserved.breakEvenUtilization.length > 0 && (
        <p className={styles.muted}>
          A reserved block pays off when that capacity is provisioned more than{" "}
          {[...new Set(reserved.breakEvenUtilization.map((b) => b.term))]
            .map((term) => {
              const values = reserved.breakEvenUtilization.filter((b) => b.term === term).map((b) => b.percent);
              const lo = Math.min(...values);
              const hi = Math.max(...values);
              return `${lo.toFixed(0)}${hi - lo >= 0.5 ? `-${hi.toFixed(0)}` : ""}% of the time (${term})`;
            })
            .join(" or ")}
          .
        </p>
      )}
      <ul className={styles.notes}>
        {reserved.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
        <li>Prices: {reserved.source}</li>
      </ul>
    </section>
  );
}
