import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { JSON_SCHEMA_PATH, renderTableRequestJsonSchema } from "./generate-json-schema";

describe("schema/table-request.schema.json", () => {
  it("matches the zod schema (run `npm run schema:generate` when this fails)", () => {
    expect(readFileSync(JSON_SCHEMA_PATH, "utf8")).toBe(renderTableRequestJsonSchema());
  });

  it("is a draft 2020-12 schema whose required fields are the request's", () => {
    const schema = JSON.parse(readFileSync(JSON_SCHEMA_PATH, "utf8"));
    expect(schema.$schema).toContain("2020-12");
    expect(schema.$defs.TableRequest.required).toEqual(
      expect.arrayContaining(["owner", "tier", "tableName", "partitionKey", "billing", "regions"]),
    );
  });
});
