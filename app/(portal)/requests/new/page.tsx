import { RequestForm } from "@/components/request-form";
import { requirePageSession } from "@/lib/server/auth/page-session";
import { getDb } from "@/lib/server/db";
import { loadTierPolicy } from "@/lib/server/policy";

export const metadata = { title: "New request" };

/** New table request: the signed-in person's teams and the tier policy, then the client form. */
export default async function NewRequestPage() {
  const { actor } = await requirePageSession("/requests/new");
  const db = await getDb();
  const [teams, policy] = await Promise.all([
    db.team.findMany({ where: { id: { in: [...actor.teamIds] } }, select: { slug: true }, orderBy: { slug: "asc" } }),
    loadTierPolicy(),
  ]);
  return <RequestForm teams={teams.map((t) => t.slug)} requesterEmail={actor.email} policy={policy} />;
}
