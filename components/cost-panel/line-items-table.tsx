import { DataTable } from "@/components/ui/data-table";
import { formatNumber, formatPrice, formatUsd } from "@/lib/domain/cost/format";
import type { RegionCost } from "@/lib/domain/cost/types";
import styles from "./cost-panel.module.css";

/** One Region's line items: quantity × unit price = monthly, with the formula behind the quantity. */
export function LineItemsTable({ region }: { region: RegionCost }) {
  return (
    <details className={styles.regionDetails} open={region.role === "PRIMARY"}>
      <summary>
        <span>
          <strong>{region.region}</strong>{" "}
          {region.role ? <span className={styles.muted}>({region.role.toLowerCase().replace("_", " ")})</span> : null}
        </span>
        <span className={styles.amount}>{formatUsd(region.monthlyUsd)}</span>
      </summary>
      <div className={styles.tableScroll}>
        <DataTable
          caption={`Line items for ${region.region}`}
          className={styles.lineItems}
          columns={["Item", "Quantity × unit price", { label: "Monthly", className: styles.num }]}
        >
          {region.lineItems.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a Region can list one component twice (one per index)
            <tr key={`${item.component}-${i}`}>
              <td>
                {item.description}
                {item.isAssumption && <span className={styles.badge}>assumed price</span>}
                <code className={styles.formula}>{item.formula}</code>
              </td>
              <td className={styles.working}>
                {formatNumber(item.quantity)} {item.unit} × {formatPrice(item.unitPriceUsd)}
              </td>
              <td className={styles.num}>{formatUsd(item.monthlyUsd)}</td>
            </tr>
          ))}
        </DataTable>
      </div>
      {region.notes.length > 0 && (
        <ul className={styles.notes}>
          {region.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </details>
  );
}
