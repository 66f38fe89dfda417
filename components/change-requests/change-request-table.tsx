import Link from "next/link";
import { type CardColumn, CardTable, regionsColumn, usdColumn } from "@/components/ui/card-table";
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

const COLUMNS: CardColumn<ChangeRequestRow>[] = [
  { label: "Key", className: styles.key, cell: (row) => <Link href={`/requests/${row.key}`}>{row.key}</Link> },
  {
    label: "Title",
    cell: (row) => (
      <span>
        {row.title}
        {row.isDemo && <DemoBadge />}
        {row.flags.includes("replacement") && <span className={styles.flag}>replaces table</span>}
        {row.flags.includes("protection") && <span className={styles.flag}>lowers protection</span>}
      </span>
    ),
  },
  { label: "Table", cell: (row) => <TableName name={row.tableName} /> },
  { label: "Team", cell: (row) => row.team.slug },
  {
    label: "Tier",
    cell: (row) => (
      <>
        {row.tier}
        {row.accountId && (
          <span className={styles.account} title="AWS account" data-testid="row-account">
            {row.accountId}
          </span>
        )}
      </>
    ),
  },
  regionsColumn(),
  usdColumn("Monthly cost", (row) => row.monthlyCostUsd),
  { label: "Status", cell: (row) => <StatusBadge status={row.status} /> },
  { label: "Age", cell: (row) => <time dateTime={isoOf(row.createdAt)}>{formatAge(row.createdAt)}</time> },
];

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
      columns={COLUMNS}
      rowKey={(row) => row.key}
      rowTestId="change-request-row"
    />
  );
}
