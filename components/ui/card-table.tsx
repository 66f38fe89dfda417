import type { ReactNode } from "react";
import { formatUsd } from "@/lib/domain/cost/format";
import styles from "./card-table.module.css";
import { type ColumnHeading, DataTable } from "./data-table";

/**
 * A list as a table on wide screens and as cards on phones (cells carry data-label), with an explicit
 * empty state instead of a blank table. The caller renders each row.
 */
export function CardTable<Row>({
  rows,
  empty,
  caption,
  columns,
  children,
}: {
  rows: readonly Row[];
  empty: string;
  caption: string;
  columns: ColumnHeading[];
  children: (row: Row) => ReactNode;
}) {
  return (
    <div className={styles.wrap}>
      {rows.length === 0 ? (
        <p className={styles.empty}>{empty}</p>
      ) : (
        <DataTable caption={caption} className={styles.table} columns={columns}>
          {rows.map(children)}
        </DataTable>
      )}
    </div>
  );
}

/** A card cell of Regions, comma-separated. */
export function RegionsCell({ regions }: { regions: readonly string[] }) {
  return (
    <td data-label="Regions" className={styles.regions}>
      {regions.join(", ")}
    </td>
  );
}

/** A card cell of a monthly amount, right-aligned like its heading. */
export function UsdCell({ label, usd }: { label: string; usd: number }) {
  return (
    <td data-label={label} className={styles.num}>
      {formatUsd(usd)}
    </td>
  );
}
