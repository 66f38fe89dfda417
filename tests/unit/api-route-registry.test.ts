import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MATRIX } from "../../e2e/api/authorization-matrix";
import { buildOpenApiDocument } from "../../lib/api/openapi";
import { API_ROUTES, type RouteSpec } from "../../lib/api/routes";

/** Every `METHOD path` implemented under app/api/v1, read from the route files themselves. */
function implementedRoutes(dir = "app/api/v1"): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) found.push(...implementedRoutes(full));
    else if (name === "route.ts") {
      const source = readFileSync(full, "utf8");
      const urlPath = `/${path.dirname(full).replace(/^app\//, "")}`.replace(/\[(\w+)\]/g, "{$1}");
      for (const m of source.matchAll(/export (?:const|async function|function) (GET|POST|DELETE|PUT|PATCH)\b/g)) {
        found.push(`${m[1]} ${urlPath}`);
      }
    }
  }
  return found.sort();
}

function implementedRouteFiles(dir = "app/api/v1"): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return implementedRouteFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

const registered = (Object.values(API_ROUTES) as RouteSpec[]).map((r) => `${r.method.toUpperCase()} ${r.path}`).sort();

describe("the API route registry", () => {
  it("lists exactly the routes that exist under app/api/v1 (no undocumented route, no documented ghost)", () => {
    expect(implementedRoutes()).toEqual(registered);
  });

  it("has a row in the authorisation matrix for every route", () => {
    const inMatrix = [...new Set(MATRIX.map((row) => `${row.method} ${row.path}`))].sort();
    expect(inMatrix).toEqual(registered);
  });

  it("declares a schema for exactly the path's {parameters} (the handler gets them parsed and typed)", () => {
    for (const spec of Object.values(API_ROUTES) as RouteSpec[]) {
      const inPath = [...spec.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = Object.keys(spec.params?.shape ?? {}).sort();
      expect(declared, `${spec.method} ${spec.path}`).toEqual(inPath);
    }
  });

  it("has no handler that casts its body: the types come from the spec", () => {
    const casts = implementedRouteFiles().filter((file) =>
      /\bbody\s+as\b|\(body\s*\?\?/.test(readFileSync(file, "utf8")),
    );
    expect(casts).toEqual([]);
  });

  it("generates an OpenAPI 3.1 document with every route and its problem responses", () => {
    const doc = buildOpenApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    for (const spec of Object.values(API_ROUTES) as RouteSpec[]) {
      const operation = doc.paths?.[spec.path]?.[spec.method];
      expect(operation, `${spec.method} ${spec.path}`).toBeDefined();
      expect(operation?.operationId).toBe(spec.operationId);
      if (spec.auth === "required") expect(Object.keys(operation?.responses ?? {})).toContain("401");
    }
  });
});
