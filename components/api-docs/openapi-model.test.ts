import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { TABLE_REQUEST_EXAMPLE } from "@/lib/api/routes";
import { TableRequestSchema } from "@/lib/domain/request/schema";
import { buildApiReference, fillPath, type OpenApiDocument } from "./openapi-model";

const reference = buildApiReference(buildOpenApiDocument() as unknown as OpenApiDocument, {
  TableRequest: TABLE_REQUEST_EXAMPLE,
});
const op = (id: string) => reference.tags.flatMap((t) => t.operations).find((o) => o.id === id);

describe("buildApiReference", () => {
  it("lists every operation of the document once, grouped by tag", () => {
    const doc = buildOpenApiDocument() as unknown as OpenApiDocument;
    const count = Object.values(doc.paths ?? {}).reduce((n, item) => n + Object.keys(item).length, 0);
    expect(reference.tags.flatMap((t) => t.operations)).toHaveLength(count);
    expect(reference.tags.map((t) => t.name)).toContain("Change requests");
  });

  it("gives POSTs a body that parses, and uses the table request example where a table request goes", () => {
    const create = op("createChangeRequest");
    expect(create?.isWrite).toBe(true);
    const body = JSON.parse(create?.body?.example ?? "null");
    expect(TableRequestSchema.safeParse(body.request).success).toBe(true);
    const validate = JSON.parse(op("validateTableRequest")?.body?.example ?? "null");
    expect(TableRequestSchema.safeParse(validate).success).toBe(true);
  });

  it("marks path parameters required and shows enums as choices", () => {
    const get = op("getChangeRequest");
    expect(get?.parameters).toEqual([expect.objectContaining({ name: "key", in: "path", required: true })]);
    const list = op("listChangeRequests");
    expect(list?.parameters.find((p) => p.name === "tier")?.options).toEqual(["dev", "staging", "prod"]);
  });

  it("fills path templates with encoded values", () => {
    expect(
      fillPath("/api/v1/change-requests/{key}/revisions/{revision}/diff/{to}", { key: "TW 1", revision: "1", to: "2" }),
    ).toBe("/api/v1/change-requests/TW%201/revisions/1/diff/2");
  });
});
