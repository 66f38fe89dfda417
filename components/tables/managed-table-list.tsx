import Link from "next/link";
import { CardTable, RegionsCell, UsdCell } from "@/components/ui/card-table";
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
      columns={[
        "Table",
        "Team",
        "Tier",
        "AWS account",
        "Regions",
        "DR pattern",
        { label: "Monthly estimate", className: styles.num },
        "Live status",
        "Defined by",
      ]}
    >
      {(row) => (
        <tr key={row.id} data-testid="managed-table-row">
          <td data-label="Table" className={styles.key}>
            <span>
              <Link href={`/tables/${row.id}`}>{row.name}</Link>
              {row.isDemo && <DemoBadge />}
            </span>
          </td>
          <td data-label="Team">{row.team.slug}</td>
          <td data-label="Tier">{row.tier}</td>
          <td data-label="AWS account" data-testid="table-account">
            {row.account ? (
              <>
                <code>{row.account}</code>
                {accountNames[row.account] ? ` ${accountNames[row.account]}` : ""}
              </>
            ) : (
              "default"
            )}
          </td>
          <RegionsCell regions={row.regions} />
          <td data-label="DR pattern">{row.drPattern.replaceAll("_", " ").toLowerCase()}</td>
          <UsdCell label="Monthly estimate" usd={row.monthlyCostUsd} />
          <td data-label="Live status">
            <LiveStatusBadge status={row.liveStatus} />
          </td>
          <td data-label="Defined by">
            <Link href={`/requests/${row.definedByRequestKey}`}>{row.definedByRequestKey}</Link>
          </td>
        </tr>
      )}
    </CardTable>
  );
}
