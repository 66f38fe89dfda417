import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { createApiToken, listApiTokens } from "@/lib/server/auth/api-tokens";

/** GET /api/v1/tokens: your tokens, without secrets. */
export const GET = route(API_ROUTES.listTokens, async ({ actor }) => ({
  tokens: await listApiTokens(actor),
}));

/** POST /api/v1/tokens: a new token; its secret is in this response only. */
export const POST = route(API_ROUTES.createToken, async ({ actor, body }) => {
  const token = await createApiToken(actor, body);
  return Response.json(token, { status: 201 });
});
