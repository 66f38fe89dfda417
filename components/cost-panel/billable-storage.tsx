import { DataTable } from "@/components/ui/data-table";
import { formatNumber } from "@/lib/domain/cost/format";
import type { BillableStorage as Storage } from "@/lib/domain/cost/types";
import styles from "./cost-panel.module.css";
import { formatGb } from "./format-gb";

const SOURCE: Record<Storage["source"], string> = {
  itemCount: "from the item count",
  storageGb: "from the raw data size (storageGb)",
  none: "no data size given",
};

/** What AWS bills as storage: the table and each index, bytes per item plus AWS's per-item overhead. */
export function BillableStorage({ storage }: { storage: Storage }) {
  return (
    <section aria-labelledby="billable-storage-heading">
      <h3 id="billable-storage-heading" className={styles.heading}>
        Billable storage
      </h3>
      <p className={styles.meta}>
        {formatNumber(Math.round(storage.itemCount))} items of {formatNumber(storage.itemSizeBytes)} bytes ={" "}
        {formatGb(storage.rawDataGb)} GB of item data ({SOURCE[storage.source]}). AWS bills each item plus its overhead,
        and each index its own copy, in every one of the {storage.regionCount} Region
        {storage.regionCount === 1 ? "" : "s"} holding the table.
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to be scrolled by keyboard */}
      <section className={styles.tableScroll} tabIndex={0} aria-label="Billable storage per table and index">
        <DataTable
          caption="Billable storage per table and index"
          className={styles.lineItems}
          testId="billable-storage"
          columns={[
            "Table or index",
            { label: "Bytes per item", className: styles.num },
            { label: "GB per Region", className: styles.num },
          ]}
          footer={
            <tr>
              <th scope="row" colSpan={2}>
                Per Region
              </th>
              <td className={styles.num}>{formatGb(storage.billableGbPerRegion)}</td>
            </tr>
          }
        >
          {storage.entries.map((entry) => (
            <tr key={`${entry.kind}-${entry.name}`}>
              <td>
                {entry.kind === "TABLE" ? "Table" : entry.kind} <code>{entry.name}</code>
                {entry.projection ? <span className={styles.muted}> ({entry.projection})</span> : null}
                <code className={styles.formula}>{entry.formula}</code>
              </td>
              <td className={styles.num}>
                {formatNumber(entry.bytesPerItem)} + {entry.overheadBytesPerItem}
              </td>
              <td className={styles.num}>{formatGb(entry.billableGb)}</td>
            </tr>
          ))}
        </DataTable>
      </section>
    </section>
  );
}
