import { buildProblem, problemResponse } from "@/lib/api/problem";
import { type ApiContext, withApi } from "@/lib/api/with-api";
import { AppError } from "@/lib/domain/app-error";
import { handleMcpHttpRequest } from "@/lib/mcp/handle-http-request";
import type { Actor } from "@/lib/server/actor";
import { publicOrigin } from "@/lib/server/auth/cookies";
import { createServerBackend } from "@/lib/server/mcp/create-server-backend";

// The MCP endpoint sits outside /api/v1 and its route registry (it speaks JSON-RPC, not REST), but
// goes through the same wrapper: bearer-token authentication, per-token rate limit, body limits,
// problem+json for anything refused before MCP begins, request ids, logs and metrics.
const NAME = "/api/mcp";

/** `auth: "required"`: withApi answers 401 before the handler runs, so the actor is always there. */
type McpContext = ApiContext<unknown, undefined, undefined, Actor>;

/** Only API tokens: an agent holds a token, and a cookie session must not be usable cross-site. */
function requireToken(actor: Actor): Actor {
  if (actor.via !== "token") {
    throw new AppError("UNAUTHENTICATED", "the MCP endpoint takes an API token: send Authorization: Bearer <token>");
  }
  return actor;
}

/** RFC 6750: a 401 names the scheme it wants. */
function withChallenge(
  handler: (req: Request, ctx?: { params?: Promise<Record<string, string>> }) => Promise<Response>,
) {
  return async (req: Request, ctx?: { params?: Promise<Record<string, string>> }) => {
    const res = await handler(req, ctx);
    if (res.status === 401) res.headers.set("www-authenticate", 'Bearer realm="tablewright"');
    return res;
  };
}

/** POST /api/mcp: MCP over streamable HTTP (stateless, JSON answers), as the token's actor. */
export const POST = withChallenge(
  withApi<McpContext>(
    { auth: "required", permission: "requests.read", rawJsonBody: true, name: NAME },
    async ({ req, actor, body, requestId }) =>
      handleMcpHttpRequest(
        req,
        body,
        createServerBackend(requireToken(actor), { origin: publicOrigin(req), requestId }),
      ),
  ),
);

/** GET and DELETE /api/mcp: no server-initiated stream and no sessions in a stateless server. */
const notAllowed = withChallenge(
  withApi<McpContext>({ auth: "required", name: NAME }, async ({ actor }) => {
    requireToken(actor);
    return problemResponse(
      buildProblem("METHOD_NOT_ALLOWED", "this MCP server is stateless: POST JSON-RPC messages to /api/mcp"),
      { allow: "POST" },
    );
  }),
);
export const GET = notAllowed;
export const DELETE = notAllowed;
