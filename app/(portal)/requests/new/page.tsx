import Link from "next/link";
import { notFound } from "next/navigation";
import { RequestForm, type RevisionTarget } from "@/components/request-form";
import type { PlanAgainst } from "@/components/request-form/change-plan-section";
import ui from "@/components/ui/page.module.css";
import { isAppError } from "@/lib/domain/app-error";
import { requirePageSession } from "@/lib/server/auth/page-session";
import { getChangeRequest } from "@/lib/server/change-requests";
import { getDb } from "@/lib/server/db";
import { loadPlanning, loadTableForChange, tableIdParam } from "@/lib/server/inventory";
import { loadTierPolicy } from "@/lib/server/policy";

export const metadata = { title: "New request" };

/**
 * New table request, or (with ?revise=TW-n) a new revision of an existing one: the signed-in
 * person's teams and the tier policy, then the client form.
 */
export default async function NewRequestPage({
  searchParams,
}: {
  searchParams: Promise<{ revise?: string; table?: string }>;
}) {
  const { revise: reviseKey, table: tableId } = await searchParams;
  const returnTo = reviseKey
    ? `/requests/new?revise=${encodeURIComponent(reviseKey)}`
    : tableId
      ? `/requests/new?table=${encodeURIComponent(tableId)}`
      : "/requests/new";
  const { actor } = await requirePageSession(returnTo);
  const db = await getDb();
  const [teams, policy] = await Promise.all([
    db.team.findMany({ where: { id: { in: [...actor.teamIds] } }, select: { slug: true }, orderBy: { slug: "asc" } }),
    loadTierPolicy(),
  ]);
  let revise: RevisionTarget | undefined;
  if (reviseKey) {
    const detail = await getChangeRequest(actor, reviseKey).catch((error: unknown) => {
      if (isAppError(error) && error.code === "NOT_FOUND") notFound();
      throw error;
    });
    if (!detail.availableActions.includes("REVISE")) {
      return (
        <div className={`${ui.card} ${ui.narrow}`}>
          <h1>{detail.key} cannot be revised</h1>
          <p>
            It is {detail.status.toLowerCase().replaceAll("_", " ")}
            {detail.status === "APPROVED" ? ": an approved request is frozen; start a new request instead" : ""}, or you
            are not a member of its team.
          </p>
          <Link href={`/requests/${detail.key}`}>Back to {detail.key}</Link>
        </div>
      );
    }
    revise = {
      key: detail.key,
      version: detail.version,
      currentRevision: detail.currentRevision,
      status: detail.status,
      request: detail.current.request,
      tableId: detail.table?.id,
      approved: detail.approvedRevision !== null,
    };
  }
  // "Change this table" (?table=id), or a revision of a request tied to a table not yet redefined by
  // it: the form plans against the table's approved definition, with the server's context.
  const planTableId = tableId ?? (revise && !revise.approved ? revise.tableId : undefined);
  let planAgainst: PlanAgainst | undefined;
  let changeTable: { id: string; name: string } | undefined;
  if (planTableId) {
    const table = await loadTableForChange(actor, tableIdParam(planTableId)).catch((error: unknown) => {
      if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
      throw error;
    });
    const planning = await loadPlanning(db, table.id);
    planAgainst = { tableId: table.id, live: table.definition, context: planning.context, against: planning.against };
    if (!revise) changeTable = { id: table.id, name: table.name };
  }
  const teamSlugs = [
    ...new Set([
      ...teams.map((t) => t.slug),
      ...(revise ? [revise.request.owner.team] : []),
      ...(planAgainst ? [planAgainst.live.owner.team] : []),
    ]),
  ];
  return (
    <RequestForm
      teams={teamSlugs}
      requesterEmail={actor.email}
      policy={policy}
      revise={revise}
      planAgainst={planAgainst}
      changeTable={changeTable}
    />
  );
}
