import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { APP_VERSION } from "@/lib/version";
import { API_ROUTES, type RouteSpec, TABLE_REQUEST_EXAMPLE } from "./routes";
import { ProblemSchema } from "./schemas";

const COMMON_ERRORS: Record<number, string> = {
  400: "Bad request (malformed JSON, a path parameter that names nothing, a bad cursor); errors[] carries the field.",
  401: "No valid session or bearer token.",
  403: "Your role or token scope does not allow this, or the four-eyes rule forbids it.",
  404: "Not found (or not visible to you: other teams' requests look missing).",
  409: "Conflict: the request changed underneath you (stale version), or the transition is not allowed now.",
  413: "Body larger than 1 MiB.",
  415: "Body is not application/json.",
  422: "The body or query does not fit its schema, or the table request has errors (errors[] carries field paths).",
  429: "Per-token rate limit exceeded (see RateLimit-* and Retry-After headers).",
  503: "The database is unreachable; retry.",
};

function toRouteConfig(spec: RouteSpec): RouteConfig {
  const statuses = new Set<number>([...(spec.auth === "required" ? [401, 429, 503] : []), ...spec.errors]);
  if (spec.body) for (const status of [400, 413, 415, 422]) statuses.add(status);
  if (spec.query) for (const status of [400, 422]) statuses.add(status);
  if (spec.params) statuses.add(400);
  const responses: RouteConfig["responses"] = {
    [spec.success.status]: {
      description: spec.success.description,
      ...(spec.success.schema
        ? { content: { [spec.success.contentType ?? "application/json"]: { schema: spec.success.schema } } }
        : spec.success.contentType
          ? { content: { [spec.success.contentType]: { schema: { type: "string", format: "binary" } } } }
          : {}),
    },
  };
  for (const status of [...statuses].sort()) {
    responses[status] = {
      description: COMMON_ERRORS[status] ?? "Error.",
      content: { "application/problem+json": { schema: ProblemSchema } },
    };
  }
  const params = spec.params;
  return {
    method: spec.method,
    path: spec.path,
    operationId: spec.operationId,
    summary: spec.summary,
    description: spec.description,
    tags: [spec.tag],
    security: spec.auth === "required" ? [{ bearerAuth: [] }, { sessionCookie: [] }] : [],
    request: {
      ...(params ? { params } : {}),
      ...(spec.query ? { query: spec.query } : {}),
      ...(spec.headers ? { headers: spec.headers } : {}),
      ...(spec.body
        ? {
            body: {
              required: true,
              content: {
                "application/json": {
                  schema: spec.body,
                  ...(spec.tableRequestBody ? { example: TABLE_REQUEST_EXAMPLE } : {}),
                },
              },
            },
          }
        : {}),
    },
    responses,
  };
}

let cached: ReturnType<OpenApiGeneratorV31["generateDocument"]> | undefined;

/** The OpenAPI 3.1 document, generated from the route registry and the zod schemas the handlers use. */
export function buildOpenApiDocument() {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "An API token (tw_...) created under API tokens in the portal. Scopes: read, write, decide.",
  });
  registry.registerComponent("securitySchemes", "sessionCookie", {
    type: "apiKey",
    in: "cookie",
    name: "tw_session",
    description: "The browser session. State changes also need the x-csrf-token header.",
  });
  for (const spec of Object.values(API_ROUTES) as RouteSpec[]) registry.registerPath(toRouteConfig(spec));
  cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Tablewright API",
      version: APP_VERSION,
      description:
        "Validate, price, preview and render DynamoDB table requests; create change requests and work them through review. " +
        "Errors are RFC 9457 problem+json with field paths.",
    },
    servers: [{ url: "/" }],
  });
  return cached;
}
