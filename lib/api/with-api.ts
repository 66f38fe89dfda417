import { randomUUID, timingSafeEqual } from "node:crypto";
import type { z } from "zod";
import { AppError, isAppError } from "@/lib/domain/app-error";
import { can, type Permission } from "@/lib/domain/auth";
import { mapZodIssues } from "@/lib/domain/validation/zod-issues";
import type { Actor } from "@/lib/server/actor";
import { authenticateRequest } from "@/lib/server/auth/authenticate-request";
import { lifecycle } from "@/lib/server/lifecycle";
import { getLogger } from "@/lib/server/logger";
import { observeRequest } from "@/lib/server/metrics";
import { isDatabaseUnavailable, isInvalidDataError } from "@/lib/server/run-transaction";
import { buildProblem, problemResponse } from "./problem";
import { takeRateLimit } from "./rate-limit";
import { DEFAULT_MAX_BODY_BYTES, readJsonBody } from "./read-body";

/** What a handler receives: the caller and the request's body, query and path, parsed by the route's schemas. */
export interface ApiContext<TBody = unknown, TQuery = undefined, TParams = undefined, TActor = Actor | undefined> {
  req: Request;
  actor: TActor;
  body: TBody;
  query: TQuery;
  params: TParams;
  requestId: string;
}

export interface ApiOptions {
  /** "required": a session or token; "optional": anonymous allowed (stateless endpoints). */
  auth: "required" | "optional";
  permission?: Permission;
  /** Parse the JSON body with this schema (422 with field paths when it does not fit). */
  body?: z.ZodType;
  /** Read the JSON body without a schema (handlers that validate it themselves, e.g. table requests). */
  rawJsonBody?: boolean;
  /** Parse the query string with this schema (422 with field paths). */
  query?: z.ZodType;
  /** Parse the path parameters with this schema (400 with field paths: the URL names nothing). */
  params?: z.ZodType;
  maxBodyBytes?: number;
  /** The route template for logs and metrics (bounded label values), e.g. /api/v1/change-requests/{key}. */
  name?: string;
}

type RouteParams = Record<string, string | string[] | undefined>;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function safeRequestId(value: string | null): string {
  return value && /^[A-Za-z0-9._:-]{1,100}$/.test(value) ? value : randomUUID();
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Parses one part of the request with its schema; a mismatch is an AppError with field issues. */
function parsePart(
  schema: z.ZodType,
  input: unknown,
  code: "BAD_REQUEST" | "VALIDATION_FAILED",
  what: string,
): unknown {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError(code, `the ${what} do${what.endsWith("s") ? "" : "es"} not match the expected shape`, {
    issues: mapZodIssues(parsed.error.issues, input),
  });
}

function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams.entries());
}

/**
 * Wraps a route handler: request id, authentication (bearer token or session), CSRF for
 * cookie-authenticated writes, the permission check (role and token scope), body limits and
 * parsing, per-token rate limit, and errors as RFC 9457 problem+json. Nothing a client sends can
 * produce a 500; unexpected errors are logged with the request id and answered generically.
 */
export function withApi<TContext extends ApiContext<unknown, unknown, unknown, Actor | undefined>>(
  options: ApiOptions,
  handler: (ctx: TContext) => Promise<Response | object>,
) {
  return async (req: Request, routeContext?: { params?: Promise<RouteParams> }): Promise<Response> => {
    const started = performance.now();
    const requestId = safeRequestId(req.headers.get("x-request-id"));
    const state = lifecycle();
    state.inFlight++;
    let response: Response | undefined;
    let actorId: string | undefined;
    try {
      response = await handle(req, routeContext, requestId, (id) => {
        actorId = id;
      });
      return response;
    } finally {
      state.inFlight--;
      const status = response?.status ?? 500;
      const seconds = (performance.now() - started) / 1000;
      const route = options.name ?? new URL(req.url).pathname;
      observeRequest(route, req.method, status, seconds);
      getLogger().info(
        { requestId, method: req.method, route, status, durationMs: Math.round(seconds * 1000), actorId },
        "request",
      );
    }
  };

  async function handle(
    req: Request,
    routeContext: { params?: Promise<RouteParams> } | undefined,
    requestId: string,
    setActor: (id: string) => void,
  ): Promise<Response> {
    const baseHeaders: Record<string, string> = { "x-request-id": requestId };
    try {
      const auth = await authenticateRequest(req);
      if (auth.actor) setActor(auth.actor.id);
      if (auth.invalidToken) throw new AppError("UNAUTHENTICATED", "the bearer token is unknown, revoked or expired");
      if (!auth.actor && options.auth === "required") {
        throw new AppError("UNAUTHENTICATED", "sign in, or send an API token as Authorization: Bearer <token>");
      }
      if (auth.via === "token" && auth.actor) {
        const limit = takeRateLimit(`token:${auth.actor.tokenId ?? auth.actor.id}`);
        baseHeaders["ratelimit-limit"] = String(limit.limit);
        baseHeaders["ratelimit-remaining"] = String(limit.remaining);
        baseHeaders["ratelimit-reset"] = String(limit.resetSeconds);
        if (!limit.allowed) {
          return problemResponse(
            buildProblem("RATE_LIMITED", `at most ${limit.limit} requests a minute per token`, { requestId }),
            {
              ...baseHeaders,
              "retry-after": String(limit.resetSeconds),
            },
          );
        }
      }
      if (auth.via === "session" && !SAFE_METHODS.has(req.method)) {
        const sent = req.headers.get("x-csrf-token");
        if (!sent || !auth.csrfToken || !sameSecret(sent, auth.csrfToken)) {
          throw new AppError("FORBIDDEN", "missing or wrong x-csrf-token header for a cookie-authenticated change");
        }
      }
      if (options.permission && auth.actor && !can(auth.actor, options.permission)) {
        throw new AppError(
          "FORBIDDEN",
          auth.via === "token"
            ? `this token's scopes do not allow ${options.permission}`
            : `your role does not allow ${options.permission}`,
        );
      }
      // The URL first (it names the resource), then the query, then the body.
      const rawParams = (await routeContext?.params) ?? {};
      const params = options.params
        ? parsePart(options.params, rawParams, "BAD_REQUEST", "path parameters")
        : undefined;
      const query = options.query
        ? parsePart(options.query, queryOf(req), "VALIDATION_FAILED", "query parameters")
        : undefined;
      let body: unknown;
      if (options.body || options.rawJsonBody) {
        const json = await readJsonBody(req, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
        body = options.body ? parsePart(options.body, json, "VALIDATION_FAILED", "body") : json;
      }
      // The schemas above produced exactly the types `route` derives from the same spec.
      const context = { req, actor: auth.actor, body, query, params, requestId } as TContext;
      const result = await handler(context);
      if (result instanceof Response) {
        for (const [k, v] of Object.entries(baseHeaders)) result.headers.set(k, v);
        return result;
      }
      return Response.json(result, { headers: { ...baseHeaders, "cache-control": "no-store" } });
    } catch (error) {
      if (isAppError(error)) {
        // An error that knows when to try again (an idempotency key still in progress) says so in the header too.
        const retry = error.details.retryAfterSeconds;
        return problemResponse(
          buildProblem(error.code, error.message, { requestId, errors: error.issues, details: error.details }),
          typeof retry === "number" ? { ...baseHeaders, "retry-after": String(retry) } : baseHeaders,
        );
      }
      if (isInvalidDataError(error)) {
        return problemResponse(
          buildProblem("BAD_REQUEST", "a value in the request cannot be stored or searched for", { requestId }),
          baseHeaders,
        );
      }
      if (isDatabaseUnavailable(error)) {
        return problemResponse(
          buildProblem("DATABASE_UNAVAILABLE", "the database is unreachable; try again shortly", { requestId }),
          { ...baseHeaders, "retry-after": "5" },
        );
      }
      // Through pino, so the line is JSON like every other and its redaction applies; the client sees only the id.
      getLogger().error(
        { requestId, method: req.method, route: options.name ?? new URL(req.url).pathname, err: error },
        "unhandled API error",
      );
      return problemResponse(
        buildProblem("INTERNAL", "something went wrong on our side; quote the request id when reporting it", {
          requestId,
        }),
        baseHeaders,
      );
    }
  }
}
