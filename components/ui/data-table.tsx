import type { ReactNode } from "react";

/** A column heading; `hidden` keeps it for screen readers only (an actions column). */
export type ColumnHeading = string | { label: string; className?: string; hidden?: boolean };

/**
 * A table with a caption for screen readers and scoped column headings: the head every list
 * shares, so each list writes only its rows.
 */
export function DataTable({
  caption,
  columns,
  className,
  testId,
  children,
  footer,
}: {
  caption: string;
  columns: ColumnHeading[];
  className?: string;
  testId?: string;
  children: ReactNode;
  /** Rows of a total, kept apart from the data rows (a <tfoot>). */
  footer?: ReactNode;
}) {
  return (
    <table className={className} data-testid={testId}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => {
            const {
              label,
              className: headingClass,
              hidden,
            } = typeof column === "string" ? { label: column, className: undefined, hidden: false } : column;
            return (
              <th key={label} scope="col" className={headingClass}>
                {hidden ? <span className="visually-hidden">{label}</span> : label}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>{children}</tbody>
      {footer && <tfoot>{footer}</tfoot>}
    </table>
  );
}

/** The heading of a column of row buttons. */
export const ACTIONS_COLUMN: ColumnHeading = { label: "Actions", hidden: true };
