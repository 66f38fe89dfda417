import Link from "next/link";
import { notFound } from "next/navigation";
import { type CloneSource, RequestForm, type RevisionTarget } from "@/components/request-form";
import type { PlanAgainst } from "@/components/request-form/change-plan-section";
import type { DriftPrefill } from "@/components/request-form/request-form";
import ui from "@/components/ui/page.module.css";
import { isAppError } from "@/lib/domain/app-error";
import { listAccountTargets } from "@/lib/server/accounts";
import { requirePageSession } from "@/lib/server/auth/page-session";
import { getChangeRequest } from "@/lib/server/change-requests";
import { getDb } from "@/lib/server/db";
import {
  isDriftResolutionKind,
  loadDriftResolution,
  loadPlanning,
  loadRevertPlanning,
  loadTableForChange,
  tableIdParam,
} from "@/lib/server/inventory";
import { loadTierPolicy } from "@/lib/server/policy";
import { listMemberTeams } from "@/lib/server/teams/list-teams";

export const metadata = { title: "New request" };

type Search = { revise?: string; from?: string; tier?: string; table?: string; drift?: string };

async function loadOrNotFound(actor: Parameters<typeof getChangeRequest>[0], key: string) {
  return getChangeRequest(actor, key).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
}

/**
 * New table request, a new revision of an existing one (?revise=TW-n), or a new request filled
 * from another one's current revision (?from=TW-n, optionally &tier=prod to promote it): the
 * signed-in person's teams and the tier policy, then the client form.
 */
export default async function NewRequestPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const reviseKey = search.revise;
  const tableId = search.table;
  const query = new URLSearchParams(Object.entries(search).filter((e): e is [string, string] => Boolean(e[1])));
  const returnTo = query.size > 0 ? `/requests/new?${query.toString()}` : "/requests/new";
  const { actor } = await requirePageSession(returnTo);
  const [teams, policy, accountTargets] = await Promise.all([
    listMemberTeams(actor),
    loadTierPolicy(),
    listAccountTargets(),
  ]);
  let revise: RevisionTarget | undefined;
  let isRevertRevision = false;
  let clone: CloneSource | undefined;
  if (!reviseKey && search.from) {
    const source = await loadOrNotFound(actor, search.from);
    const tier = search.tier === "dev" || search.tier === "staging" || search.tier === "prod" ? search.tier : undefined;
    clone = { key: source.key, revision: source.currentRevision, request: source.current.request, tier };
  }
  if (reviseKey) {
    const detail = await loadOrNotFound(actor, reviseKey);
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
      title: detail.title,
      request: detail.current.request,
      tableId: detail.table?.id,
      approved: detail.approvedRevision !== null,
    };
    isRevertRevision = detail.driftResolution === "revert" && detail.approvedRevision === null;
  }
  // "Change this table" (?table=id), or a revision of a request tied to a table not yet redefined by
  // it: the form plans against the table's approved definition, with the server's context.
  const planTableId = tableId ?? (revise && !revise.approved ? revise.tableId : undefined);
  let planAgainst: PlanAgainst | undefined;
  let changeTable: { id: string; name: string } | undefined;
  let driftPrefill: DriftPrefill | undefined;
  const driftKind = tableId && !revise && isDriftResolutionKind(search.drift) ? search.drift : undefined;
  if (tableId && driftKind) {
    // "Adopt live" / "Revert" from a drifted table's page: the live table is read from AWS now.
    const resolution = await loadDriftResolution(actor, tableIdParam(tableId), driftKind).catch((error: unknown) => {
      if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
      if (isAppError(error) && error.code === "CONFLICT") return error;
      throw error;
    });
    if (!("ok" in resolution) || !resolution.ok) {
      return (
        <div className={`${ui.card} ${ui.narrow}`} data-testid="drift-resolution-problem">
          <h1>{driftKind === "adopt" ? "Cannot adopt the live table now" : "Cannot plan the revert now"}</h1>
          <p role="alert">{resolution.message.replace(/\.?$/, ".")}</p>
          <p>
            Nothing was changed. &quot;Change this table&quot; still works from the approved definition; try again when
            AWS can be reached.
          </p>
          <Link href={`/tables/${encodeURIComponent(tableId)}`}>Back to the table</Link>
        </div>
      );
    }
    planAgainst = { tableId: resolution.table.id, ...resolution.planFrom };
    changeTable = resolution.table;
    driftPrefill = { kind: driftKind, request: resolution.request, notes: resolution.notes };
  } else if (planTableId && isRevertRevision) {
    // A revision of a revert: planned from the live table read now, as the server will store it.
    const planning = await loadRevertPlanning(actor, tableIdParam(planTableId), await getDb()).catch(
      (error: unknown) => {
        if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
        if (isAppError(error) && error.code === "CONFLICT") return error;
        throw error;
      },
    );
    if (!("live" in planning)) {
      return (
        <div className={`${ui.card} ${ui.narrow}`} data-testid="drift-resolution-problem">
          <h1>Cannot plan the revert now</h1>
          <p role="alert">{planning.message.replace(/\.?$/, ".")}</p>
          <p>A revert is planned from the live table; try again when AWS can be reached.</p>
          <Link href={`/requests/${encodeURIComponent(revise?.key ?? "")}`}>Back to the request</Link>
        </div>
      );
    }
    planAgainst = {
      tableId: planTableId,
      live: planning.live,
      context: planning.context,
      against: planning.against,
    };
  } else if (planTableId) {
    const table = await loadTableForChange(actor, tableIdParam(planTableId)).catch((error: unknown) => {
      if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
      throw error;
    });
    const planning = await loadPlanning(await getDb(), table.id);
    planAgainst = { tableId: table.id, live: table.definition, context: planning.context, against: planning.against };
    if (!revise) changeTable = { id: table.id, name: table.name };
  }
  // A draft saved with errors may not name its team; the form then offers the person's own teams.
  const reviseTeam = (revise?.request as { owner?: { team?: unknown } } | undefined)?.owner?.team;
  const teamSlugs = [
    ...new Set([
      ...teams,
      ...(typeof reviseTeam === "string" ? [reviseTeam] : []),
      ...(planAgainst ? [planAgainst.live.owner.team] : []),
    ]),
  ];
  return (
    <RequestForm
      teams={teamSlugs}
      requesterEmail={actor.email}
      policy={policy}
      revise={revise}
      clone={clone}
      planAgainst={planAgainst}
      changeTable={changeTable}
      driftPrefill={driftPrefill}
      accountTargets={accountTargets}
    />
  );
}
