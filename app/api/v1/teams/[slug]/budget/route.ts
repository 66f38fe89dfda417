import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { getTeamBudget, setTeamBudget } from "@/lib/server/budget";

/** GET /api/v1/teams/{slug}/budget: the team's budget and committed monthly cost. */
export const GET = route(API_ROUTES.getTeamBudget, async ({ actor, params }) => getTeamBudget(actor, params.slug));

/** POST /api/v1/teams/{slug}/budget: set or remove it (administrators). */
export const POST = route(API_ROUTES.setTeamBudget, async ({ actor, params, body }) =>
  setTeamBudget(actor, params.slug, body.monthlyBudgetUsd),
);
