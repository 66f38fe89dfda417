import { type APIRequestContext, type APIResponse, expect, request as playwrightRequest } from "@playwright/test";
import Ajv2020 from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

// ajv-formats is CommonJS: under ESM its function sits on `default`.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as typeof addFormatsModule;

import { exampleRequest, uniqueTableName } from "../../tests/fixtures/requests";
import { type AccountName, signInApi } from "../support/auth";

export const BASE_URL = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3200";

export const example = (name: string) => exampleRequest(name);

/** An example request owned by one of Dana's teams (checkout), with a fresh table name. */
export function checkoutRequest(suffix: string, base = "basic-dev") {
  return exampleRequest(base, { team: "checkout", tableName: uniqueTableName(`e2e-${suffix}`) });
}

/** A signed-in API client: cookie session plus the CSRF header on every request. */
export interface SessionClient {
  ctx: APIRequestContext;
  csrf: string;
}

export async function sessionClient(who: AccountName): Promise<SessionClient> {
  const ctx = await playwrightRequest.newContext({ baseURL: BASE_URL });
  const csrf = await signInApi(ctx, who);
  const withCsrf = await playwrightRequest.newContext({
    baseURL: BASE_URL,
    storageState: await ctx.storageState(),
    extraHTTPHeaders: { "x-csrf-token": csrf },
  });
  await ctx.dispose();
  return { ctx: withCsrf, csrf };
}

/** A bearer-token client for an existing token secret. */
export async function tokenClient(secret: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
}

export async function createToken(
  client: SessionClient,
  scopes: string[],
  name = "e2e",
): Promise<{ id: string; secret: string }> {
  const res = await client.ctx.post("/api/v1/tokens", { data: { name, scopes, expiresInDays: 1 } });
  expect(res.status(), await res.text()).toBe(201);
  return res.json();
}

// ---- OpenAPI response validation ---------------------------------------------------------------

type OpenApiDoc = {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
  >;
  components: { schemas: Record<string, unknown> };
};

let validator: { doc: OpenApiDoc; ajv: Ajv2020 } | undefined;

async function loadValidator(): Promise<{ doc: OpenApiDoc; ajv: Ajv2020 }> {
  if (validator) return validator;
  const ctx = await playwrightRequest.newContext({ baseURL: BASE_URL });
  const doc = (await (await ctx.get("/api/v1/openapi.json")).json()) as OpenApiDoc;
  await ctx.dispose();
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: "openapi", components: doc.components });
  validator = { doc, ajv };
  return validator;
}

/** Rewrites the document's local `#/components/...` references to the registered schema id. */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (schema && typeof schema === "object") {
    return Object.fromEntries(
      Object.entries(schema).map(([k, v]) => [
        k,
        k === "$ref" && typeof v === "string" ? v.replace(/^#/, "openapi#") : rebase(v),
      ]),
    );
  }
  return schema;
}

/**
 * Asserts that a response is documented for this operation and status and that its body matches
 * the documented schema (problem+json for errors, the route's schema for successes).
 */
export async function expectDocumented(res: APIResponse, method: string, pathTemplate: string) {
  const { doc, ajv } = await loadValidator();
  const operation = doc.paths[pathTemplate]?.[method.toLowerCase()];
  expect(operation, `${method} ${pathTemplate} is in the OpenAPI document`).toBeDefined();
  const documented = operation?.responses[String(res.status())];
  expect(documented, `${method} ${pathTemplate} documents status ${res.status()}`).toBeDefined();
  const contentType = (res.headers()["content-type"] ?? "").split(";")[0]?.trim() ?? "";
  const media = documented?.content?.[contentType];
  if (!documented?.content) return;
  expect(media, `${method} ${pathTemplate} ${res.status()} documents ${contentType}`).toBeDefined();
  const schema = media?.schema as { type?: string; format?: string } | undefined;
  if (!schema || schema.format === "binary") return;
  const validate = ajv.compile(rebase(schema) as object);
  const body = await res.json();
  const ok = validate(body);
  expect(
    ok,
    `${method} ${pathTemplate} ${res.status()} body matches the document: ${ajv.errorsText(validate.errors)}`,
  ).toBe(true);
}
