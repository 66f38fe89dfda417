import Link from "next/link";
import { type CardColumn, CardTable, regionsColumn, usdColumn } from "@/components/ui/card-table";
import styles from "@/components/ui/card-table.module.css";
import { DemoBadge } from "@/components/ui/status-badge";
import { LiveStatusBadge } from "./live-status-badge";

export interface ManagedTableRow {
  id: string;
  name: string;
  regions: string[];
  tier: string;
  liveStatus: string;
  monthlyCostUsd: number;
  drPattern: string;
  isDemo: boolean;
  definedByRequestKey: string;
  team: { slug: string };
  /** The AWS account ID ("" when not known: the default credentials' account). */
  account: string;
}

function columns(accountNames: Record<string, string>): CardColumn<ManagedTableRow>[] {
  return [
    {
      label: "Table",
      className: styles.key,
      cell: (row) => (
        <span>
          <Link href={`/tables/${row.id}`}>{row.name}</Link>
          {row.isDemo && <DemoBadge />}
        </span>
      ),
    },
    { label: "Team", cell: (row) => row.team.slug },
    { label: "Tier", cell: (row) => row.tier },
    {
      label: "AWS account",
      testId: "table-account",
      cell: (row) =>
        row.account ? (
          <>
            <code>{row.account}</code>
            {accountNames[row.account] ? ` ${accountNames[row.account]}` : ""}
          </>
        ) : (
          "default"
        ),
    },
    regionsColumn(),
    { label: "DR pattern", cell: (row) => row.drPattern.replaceAll("_", " ").toLowerCase() },
    usdColumn("Monthly estimate", (row) => row.monthlyCostUsd),
    { label: "Live status", cell: (row) => <LiveStatusBadge status={row.liveStatus} /> },
    {
      label: "Defined by",
      cell: (row) => <Link href={`/requests/${row.definedByRequestKey}`}>{row.definedByRequestKey}</Link>,
    },
  ];
}

/** The inventory as a table (cards on phones); an explicit empty state instead of a blank table. */
export function ManagedTableList({
  rows,
  empty,
  caption,
  accountNames = {},
}: {
  rows: ManagedTableRow[];
  empty: string;
  caption: string;
  /** Names admins gave account IDs in the account mappings. */
  accountNames?: Record<string, string>;
}) {
  return (
    <CardTable
      rows={rows}
      empty={empty}
      caption={caption}
      columns={columns(accountNames)}
      rowKey={(row) => row.id}
      rowTestId="managed-table-row"
    />
  );
}
