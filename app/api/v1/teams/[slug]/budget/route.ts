import { requireActor } from "@/lib/api/request-helpers";
import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { AppError } from "@/lib/domain/app-error";
import { getTeamBudget, setTeamBudget } from "@/lib/server/budget";

const slugOf = (params: Record<string, string>) => {
  const slug = params.slug ?? "";
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(slug)) throw new AppError("NOT_FOUND", "team not found");
  return slug;
};

/** GET /api/v1/teams/{slug}/budget: the team's budget and committed monthly cost. */
export const GET = route(API_ROUTES.getTeamBudget, async ({ actor, params }) =>
  getTeamBudget(requireActor(actor), slugOf(params)),
);

/** POST /api/v1/teams/{slug}/budget: set or remove it (administrators). */
export const POST = route(API_ROUTES.setTeamBudget, async ({ actor, params, body }) =>
  setTeamBudget(requireActor(actor), slugOf(params), (body as { monthlyBudgetUsd: number | null }).monthlyBudgetUsd),
);
