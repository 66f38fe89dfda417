import Link from "next/link";
import { ChangeRequestTable } from "@/components/change-requests/change-request-table";
import { ListFilters } from "@/components/change-requests/list-filters";
import { buttonClassName } from "@/components/ui/button";
import styles from "@/components/ui/page.module.css";
import { resolveAccountTarget } from "@/lib/domain/accounts/account-target";
import { can } from "@/lib/domain/auth";
import { listAccountTargets } from "@/lib/server/accounts";
import { requirePageSession } from "@/lib/server/auth/page-session";
import { listChangeRequests } from "@/lib/server/change-requests";
import { listTeamsForActor } from "@/lib/server/teams/list-teams";

export const metadata = { title: "My requests" };

type Search = Record<string, string | undefined>;

/** My requests: the change requests of the signed-in person's teams (everyone's for the platform team). */
export default async function MyRequestsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const { actor } = await requirePageSession("/");
  const seesAll = can(actor, "requests.read_all");
  const [page, teams, accountTargets] = await Promise.all([
    listChangeRequests(actor, {
      q: params.q,
      status: params.status ? [params.status] : undefined,
      tier: params.tier,
      team: params.team,
      cursor: params.cursor,
      limit: 50,
    }),
    listTeamsForActor(actor),
    listAccountTargets(),
  ]);
  const rows = page.items.map((row) => {
    const target = resolveAccountTarget(accountTargets, { team: row.team.slug, tier: row.tier });
    return target ? { ...row, accountId: target.accountId } : row;
  });
  const next = page.nextCursor
    ? `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(params).filter(([, v]) => v)), cursor: page.nextCursor } as Record<string, string>)}`
    : undefined;
  return (
    <>
      <div className={styles.pageHeader}>
        <h1>{seesAll ? "All change requests" : "My requests"}</h1>
        <span className={styles.headerActions}>
          <Link className={buttonClassName({ variant: "secondary" })} href="/requests/import">
            Import an existing table
          </Link>
          <Link className={buttonClassName({})} href="/requests/new">
            New request
          </Link>
        </span>
      </div>
      <ListFilters values={params} teams={teams} />
      <ChangeRequestTable
        rows={rows}
        caption="Change requests, newest first"
        empty={
          Object.values(params).some(Boolean)
            ? "No change requests match these filters."
            : "No change requests yet. Start with New request."
        }
      />
      {next && (
        <p>
          <Link href={next}>Older requests</Link>
        </p>
      )}
    </>
  );
}
