import type { ReactNode } from "react";
import { formatUsd } from "@/lib/domain/cost/format";
import styles from "./card-table.module.css";
import { DataTable } from "./data-table";

/**
 * One column of a CardTable: its heading and how a row fills its cell. The heading doubles as the
 * cell's data-label, which is what a phone shows on each card, so the two cannot drift apart.
 */
export interface CardColumn<Row> {
  label: string;
  cell: (row: Row) => ReactNode;
  /** A class for the heading (e.g. right-aligned amounts). */
  headingClassName?: string;
  /** A class for the cells. */
  className?: string;
  testId?: string;
}

/**
 * A list as a table on wide screens and as cards on phones (cells carry data-label), with an explicit
 * empty state instead of a blank table. Callers describe columns; the rows follow from them.
 */
export function CardTable<Row>({
  rows,
  empty,
  caption,
  columns,
  rowKey,
  rowTestId,
}: {
  rows: readonly Row[];
  empty: string;
  caption: string;
  columns: readonly CardColumn<Row>[];
  rowKey: (row: Row) => string;
  rowTestId?: string;
}) {
  return (
    <div className={styles.wrap}>
      {rows.length === 0 ? (
        <p className={styles.empty}>{empty}</p>
      ) : (
        <DataTable
          caption={caption}
          className={styles.table}
          columns={columns.map((column) => ({ label: column.label, className: column.headingClassName }))}
        >
          {rows.map((row) => (
            <tr key={rowKey(row)} data-testid={rowTestId}>
              {columns.map((column) => (
                <td
                  key={column.label}
                  data-label={column.label}
                  className={column.className}
                  data-testid={column.testId}
                >
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}

/** A column of Regions, comma-separated. */
export function regionsColumn<Row extends { regions: readonly string[] }>(): CardColumn<Row> {
  return { label: "Regions", className: styles.regions, cell: (row) => row.regions.join(", ") };
}

/** A column of monthly amounts, right-aligned with its heading. */
export function usdColumn<Row>(label: string, usdOf: (row: Row) => number): CardColumn<Row> {
  return { label, headingClassName: styles.num, className: styles.num, cell: (row) => formatUsd(usdOf(row)) };
}
