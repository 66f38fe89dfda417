import type { ReactNode } from "react";
import styles from "./card-table.module.css";
import { type ColumnHeading, DataTable } from "./data-table";

/**
 * A list as a table on wide screens and as cards on phones (cells carry data-label), with an explicit
 * empty state instead of a blank table. The rows are the caller's.
 */
export function CardTable({
  isEmpty,
  empty,
  caption,
  columns,
  children,
}: {
  isEmpty: boolean;
  empty: string;
  caption: string;
  columns: ColumnHeading[];
  children: ReactNode;
}) {
  return (
    <div className={styles.wrap}>
      {isEmpty ? (
        <p className={styles.empty}>{empty}</p>
      ) : (
        <DataTable caption={caption} className={styles.table} columns={columns}>
          {children}
        </DataTable>
      )}
    </div>
  );
}
