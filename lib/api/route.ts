import type { RouteSpec } from "./routes";
import { type ApiContext, withApi } from "./with-api";

/**
 * Binds a handler to its route spec: authentication, permission and body parsing come from the
 * same entry the OpenAPI document and the authorisation matrix are built from.
 */
export function route(spec: RouteSpec, handler: (ctx: ApiContext<unknown>) => Promise<Response | object>) {
  return withApi(
    {
      auth: spec.auth === "none" ? "optional" : "required",
      permission: spec.permission,
      body: spec.tableRequestBody ? undefined : (spec.parseBody ?? spec.body),
      rawJsonBody: spec.tableRequestBody,
      name: spec.path,
    },
    handler,
  );
}
