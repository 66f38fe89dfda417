import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { attestRevisionPlan, listPlanAttestations } from "@/lib/server/attestations";

/** POST .../revisions/{n}/plans: CI posts `terraform show -json`; the verdict against the approved revision. */
export const POST = route(API_ROUTES.attestPlan, async ({ actor, params, body }) =>
  attestRevisionPlan(actor, params.key, params.revision, body),
);

/** GET .../revisions/{n}/plans: the revision's attestations, newest first. */
export const GET = route(API_ROUTES.listPlanAttestations, async ({ actor, params }) => ({
  items: await listPlanAttestations(actor, params.key, params.revision),
}));
