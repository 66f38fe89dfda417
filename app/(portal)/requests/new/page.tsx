import Link from "next/link";
import { notFound } from "next/navigation";
import { RequestForm, type RevisionTarget } from "@/components/request-form";
import ui from "@/components/ui/page.module.css";
import { isAppError } from "@/lib/domain/app-error";
import { listAccountTargets } from "@/lib/server/accounts";
import { requirePageSession } from "@/lib/server/auth/page-session";
import { getChangeRequest } from "@/lib/server/change-requests";
import { getDb } from "@/lib/server/db";
import { loadTierPolicy } from "@/lib/server/policy";

export const metadata = { title: "New request" };

/**
 * New table request, or (with ?revise=TW-n) a new revision of an existing one: the signed-in
 * person's teams and the tier policy, then the client form.
 */
export default async function NewRequestPage({ searchParams }: { searchParams: Promise<{ revise?: string }> }) {
  const { revise: reviseKey } = await searchParams;
  const returnTo = reviseKey ? `/requests/new?revise=${encodeURIComponent(reviseKey)}` : "/requests/new";
  const { actor } = await requirePageSession(returnTo);
  const db = await getDb();
  const [teams, policy, accountTargets] = await Promise.all([
    db.team.findMany({ where: { id: { in: [...actor.teamIds] } }, select: { slug: true }, orderBy: { slug: "asc" } }),
    loadTierPolicy(),
    listAccountTargets(db),
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
    };
  }
  const teamSlugs = [...new Set([...teams.map((t) => t.slug), ...(revise ? [revise.request.owner.team] : [])])];
  return (
    <RequestForm
      teams={teamSlugs}
      requesterEmail={actor.email}
      policy={policy}
      revise={revise}
      accountTargets={accountTargets}
    />
  );
}
