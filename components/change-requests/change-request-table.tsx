import { DemoBadge, StatusBadge } from "@/components/ui/status-badge";
import styles from "./change-request-table.module.css";

export interface ChangeRequestRow {
  key: string;
  title: string;
  tableName: string;
  tier: string;
  status: string;
  isDemo: boolean;
  createdAt: Date;
}

const DATE_FORMAT = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** The list of change requests; an explicit empty state instead of a blank table. */
export function ChangeRequestTable({ rows }: { rows: ChangeRequestRow[] }) {
  if (rows.length === 0) {
    return (
      <div className={styles.wrap}>
        <p className={styles.empty}>No change requests yet.</p>
      </div>
    );
  }
  return (
    <div className={styles.wrap}>
      <table className={styles.table}>
        <caption className="visually-hidden">Change requests, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Title</th>
            <th scope="col">Table</th>
            <th scope="col">Tier</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-testid="change-request-row">
              <td className={styles.key}>{row.key}</td>
              <td>
                {row.title}
                {row.isDemo && <DemoBadge />}
              </td>
              <td>
                <code>{row.tableName}</code>
              </td>
              <td>{row.tier}</td>
              <td>
                <StatusBadge status={row.status} />
              </td>
              <td>{DATE_FORMAT.format(row.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
