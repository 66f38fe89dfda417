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
        <table className={styles.lineItems}>
          <caption className="visually-hidden">Line items for {region.region}</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Quantity × unit price</th>
              <th scope="col" className={styles.num}>
                Monthly
              </th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
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
