import Link from "next/link";
import { CardTable, RegionsCell, UsdCell } from "@/components/ui/card-table";
import styles from "@/components/ui/card-table.module.css";
import { formatAge, isoOf } from "@/components/ui/format-date";
import { DemoBadge, StatusBadge } from "@/components/ui/status-badge";
import type { ChangeRequestSummary } from "@/lib/api/schemas/change-requests";
import { TableName } from "./table-name";

export type ChangeRequestRow = Pick<
  ChangeRequestSummary,
  "key" | "title" | "tableName" | "tier" | "status" | "isDemo" | "createdAt" | "regions" | "monthlyCostUsd" | "flags"
> & {
  team: { slug: string };
  requester: { name: string };
  /** The AWS account the team/tier is mapped to, when it is not the default one. */
  accountId?: string;
};

/** The list of change requests; an explicit empty state instead of a blank table. */
export function ChangeRequestTable({
  rows,
  empty,
  caption,
}: {
  rows: ChangeRequestRow[];
  empty: string;
  caption: string;
}) {
  return (
    <CardTable
      rows={rows}
      empty={empty}
      caption={caption}
      columns={[
        "Key",
        "Title",
        "Table",
        "Team",
        "Tier",
        "Regions",
        { label: "Monthly cost", className: styles.num },
        "Status",
        "Age",
      ]}
    >
      {(row) => (
        <tr key={row.key} data-testid="change-request-row">
          <td data-label="Key" className={styles.key}>
            <Link href={`/requests/${row.key}`}>{row.key}</Link>
          </td>
          <td data-label="Title">
            <span>
              {row.title}
              {row.isDemo && <DemoBadge />}
              {row.flags.includes("replacement") && <span className={styles.flag}>replaces table</span>}
              {row.flags.includes("protection") && <span className={styles.flag}>lowers protection</span>}
            </span>
          </td>
          <td data-label="Table">
            <TableName name={row.tableName} />
          </td>
          <td data-label="Team">{row.team.slug}</td>
          <td data-label="Tier">
            {row.tier}
            {row.accountId && (
              <span className={styles.account} title="AWS account" data-testid="row-account">
                {row.accountId}
              </span>
            )}
          </td>
          <RegionsCell regions={row.regions} />
          <UsdCell label="Monthly cost" usd={row.monthlyCostUsd} />
          <td data-label="Status">
            <StatusBadge status={row.status} />
          </td>
          <td data-label="Age">
            <time dateTime={isoOf(row.createdAt)}>{formatAge(row.createdAt)}</time>
          </td>
        </tr>
      )}
    </CardTable>
  );
}
