import type { z } from "zod";
import type { Actor } from "@/lib/server/actor";
import type { RouteSpec } from "./routes";
import { type ApiContext, withApi } from "./with-api";

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;

/** The body a handler receives: a table request stays `unknown` (the engine reports on it), else the parsed schema. */
export type BodyOf<S extends RouteSpec> = S extends { tableRequestBody: true }
  ? unknown
  : S extends { parseBody: infer P }
    ? Parsed<P>
    : S extends { body: infer B }
      ? Parsed<B>
      : undefined;

export type QueryOf<S extends RouteSpec> = S extends { query: infer Q } ? Parsed<Q> : undefined;
export type ParamsOf<S extends RouteSpec> = S extends { params: infer P } ? Parsed<P> : undefined;
/** Routes that require authentication always have an actor (the wrapper answered 401 otherwise). */
export type ActorOf<S extends RouteSpec> = S extends { auth: "required" } ? Actor : Actor | undefined;

export type RouteContext<S extends RouteSpec> = ApiContext<BodyOf<S>, QueryOf<S>, ParamsOf<S>, ActorOf<S>>;

/**
 * Binds a handler to its route spec: authentication, permission and the parsing of body, query and
 * path parameters come from the same entry the OpenAPI document and the authorisation matrix are
 * built from, and the handler's `body`, `query`, `params` and `actor` are typed from it.
 */
export function route<const S extends RouteSpec>(
  spec: S,
  handler: (ctx: RouteContext<S>) => Promise<Response | object>,
) {
  return withApi<RouteContext<S>>(
    {
      auth: spec.auth === "none" ? "optional" : "required",
      permission: spec.permission,
      body: spec.tableRequestBody ? undefined : (spec.parseBody ?? spec.body),
      rawJsonBody: spec.tableRequestBody,
      query: spec.query,
      params: spec.params,
      ...(spec.maxBodyBytes ? { maxBodyBytes: spec.maxBodyBytes } : {}),
      name: spec.path,
    },
    handler,
  );
}
