import Link from "next/link";
import { ManagedTableList } from "@/components/tables/managed-table-list";
import { TableFilters } from "@/components/tables/table-filters";
import styles from "@/components/ui/page.module.css";
import { TableListQuerySchema } from "@/lib/api/schemas";
import { can } from "@/lib/domain/auth";
import { listAccountNames } from "@/lib/server/accounts";
import { requirePageSession } from "@/lib/server/auth/page-session";
import { getDb } from "@/lib/server/db";
import { listManagedTables } from "@/lib/server/inventory";

export const metadata = { title: "Tables" };

type Search = Record<string, string | undefined>;

/**
 * The inventory: the signed-in person's teams' tables, or (platform team) every team's, with
 * filters on team, tier, Region, live status and cost, newest first or by cost.
 */
export default async function TablesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const { actor } = await requirePageSession("/tables");
  const seesAll = can(actor, "requests.read_all");
  const given = Object.fromEntries(Object.entries(params).filter(([, v]) => v));
  const parsed = TableListQuerySchema.safeParse(given);
  const filters = parsed.success ? parsed.data : {};
  const db = await getDb();
  const [page, teams, accountNames] = await Promise.all([
    listManagedTables(actor, { ...filters, limit: 50 }),
    db.team.findMany({
      where: seesAll ? {} : { id: { in: [...actor.teamIds] } },
      select: { slug: true },
      orderBy: { slug: "asc" },
    }),
    listAccountNames(db),
  ]);
  const next = page.nextCursor
    ? `?${new URLSearchParams({ ...(given as Record<string, string>), cursor: page.nextCursor })}`
    : undefined;
  return (
    <>
      <div className={styles.pageHeader}>
        <h1>{seesAll ? "All tables" : "Your teams' tables"}</h1>
        <span className={styles.headerActions}>
          <Link className={`${styles.button} ${styles.secondary}`} href="/requests/import">
            Import an existing table
          </Link>
          <Link className={styles.button} href="/requests/new">
            New table
          </Link>
        </span>
      </div>
      <p className={styles.muted}>
        Every table the portal manages: added when a create request is approved or an existing table is imported,
        redefined by each approved change. Open one to change it.
      </p>
      {!parsed.success && (
        <p className={styles.error} role="alert">
          Some filters were not understood and were ignored:{" "}
          {parsed.error.issues.map((i) => i.path.join(".")).join(", ")}.
        </p>
      )}
      <TableFilters values={params} teams={teams.map((t) => t.slug)} />
      <ManagedTableList
        rows={page.items}
        accountNames={accountNames}
        caption={filters.sort === "cost" ? "Managed tables, most expensive first" : "Managed tables, newest first"}
        empty={
          Object.keys(given).length
            ? "No tables match these filters."
            : "No managed tables yet. A table appears here once its create request is approved or it is imported."
        }
      />
      {next && (
        <p>
          <Link href={next}>More tables</Link>
        </p>
      )}
    </>
  );
}
