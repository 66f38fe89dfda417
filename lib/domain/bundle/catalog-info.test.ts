import fc from "fast-check";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments, parse as parseYaml } from "yaml";
import { backstageProblems, compileKindSchema, loadCatalogSchema } from "../../../tests/support/backstage";
import { type TableRequest, TableRequestSchema } from "../request/schema";
import { loadValidExamples } from "../terraform/test-support";
import { buildBundle } from "./build-bundle";
import {
  buildCatalogEntity,
  CATALOG_INFO_FILE,
  type CatalogEntity,
  renderCatalogInfo,
  toEntityName,
  withCatalogInfo,
} from "./catalog-info";

// Backstage's published JSON Schema for the Resource kind and the validator of its Ajv build.
let resourceSchema: Record<string, unknown>;
let validateResource: Awaited<ReturnType<typeof compileKindSchema>>;
beforeAll(async () => {
  resourceSchema = await loadCatalogSchema("kinds/Resource.v1alpha1.schema.json.esm.js");
  validateResource = await compileKindSchema(resourceSchema);
});

const CONTEXT = { changeRequestKey: "TW-42", portalUrl: "https://tablewright.example.com/" };

/** Parses as Backstage's catalog does (the yaml package, one document per entity). */
function parseEntity(text: string): unknown {
  const documents = parseAllDocuments(text);
  expect(documents).toHaveLength(1);
  expect(documents[0]?.errors).toEqual([]);
  return parseYaml(text);
}

async function expectAccepted(text: string) {
  const entity = parseEntity(text);
  const schemaOk = validateResource(entity);
  expect(schemaOk, JSON.stringify(validateResource.errors)).toBe(true);
  expect(await backstageProblems(entity, resourceSchema)).toEqual([]);
  return entity;
}

describe.each(loadValidExamples())("catalog-info.yaml ($name)", ({ request }) => {
  it("parses to the entity and is accepted by Backstage's Resource schema and catalog policies", async () => {
    const text = renderCatalogInfo(buildCatalogEntity(request, CONTEXT));
    const entity = await expectAccepted(text);
    expect(entity).toEqual(buildCatalogEntity(request, CONTEXT));
    expect(entity).toMatchObject({
      apiVersion: "backstage.io/v1alpha1",
      kind: "Resource",
      metadata: {
        title: request.tableName,
        annotations: {
          "tablewright.io/table-name": request.tableName,
          "tablewright.io/tier": request.tier,
          "tablewright.io/module-path": request.tableName,
          "tablewright.io/change-request": "TW-42",
        },
        links: [{ url: "https://tablewright.example.com/requests/TW-42", title: "Tablewright change request TW-42" }],
      },
      spec: { type: "dynamodb-table", owner: `group:default/${request.owner.team}` },
    });
  });

  it("is deterministic and sits in the bundle beside the module", async () => {
    const first = withCatalogInfo({}, request, CONTEXT)[CATALOG_INFO_FILE];
    expect(withCatalogInfo({}, structuredClone(request), CONTEXT)[CATALOG_INFO_FILE]).toBe(first);
    const entries = unzipSync(buildBundle(request, { changeRequestKey: "TW-42" }));
    const inBundle = strFromU8(entries[`${request.tableName}/${CATALOG_INFO_FILE}`] as Uint8Array);
    await expectAccepted(inBundle);
    expect(parseYaml(inBundle)).toMatchObject({
      metadata: { annotations: { "tablewright.io/change-request": "TW-42" } },
    });
  });
});

describe("catalog-info.yaml without a stored change request", () => {
  it("has no link and no change-request annotation, and is still accepted", async () => {
    const request = loadValidExamples()[0]?.request as TableRequest;
    const entity = (await expectAccepted(renderCatalogInfo(buildCatalogEntity(request)))) as {
      metadata: { links?: unknown; annotations: Record<string, string> };
    };
    expect(entity.metadata.links).toBeUndefined();
    expect(entity.metadata.annotations["tablewright.io/change-request"]).toBeUndefined();
  });
});

describe("the Backstage checks these tests rely on", () => {
  type Mutable = Omit<CatalogEntity, "spec"> & { status?: unknown; spec: Partial<CatalogEntity["spec"]> };
  const entity = () => buildCatalogEntity(loadValidExamples()[0]?.request as TableRequest, CONTEXT) as Mutable;
  const cases: [string, (e: Mutable) => void][] = [
    ["a name with a space", (e) => Object.assign(e.metadata, { name: "carts dev" })],
    ["an upper-case tag", (e) => e.metadata.tags.push("Global_Table")],
    ["an annotation key without a valid prefix", (e) => Object.assign(e.metadata.annotations, { "bad prefix/x": "1" })],
    ["a link that is not a URL", (e) => Object.assign(e.metadata.links?.[0] ?? {}, { url: "requests/TW-42" })],
    ["no owner", (e) => delete e.spec.owner],
    ["an unknown root field", (e) => Object.assign(e, { status: {} })],
  ];
  it.each(cases)("refuse %s", async (_, mutate) => {
    const broken = entity();
    mutate(broken);
    const schemaOk = validateResource(broken);
    const problems = await backstageProblems(broken, resourceSchema);
    expect(!schemaOk || problems.length > 0).toBe(true);
  });
});

describe("toEntityName", () => {
  it.each([
    ["carts-dev", "carts-dev"],
    ["Orders.v2_prod", "Orders.v2_prod"],
  ])("keeps %s, already a valid name", (name, expected) => {
    expect(toEntityName(name)).toBe(expected);
  });

  it.each(["_carts", "carts.", "a".repeat(64), "team with spaces", "équipe", "---", ""])(
    "rewrites %j to a valid Backstage name",
    async (text) => {
      const name = toEntityName(text);
      expect(name).toMatch(/^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/);
      expect(name.length).toBeLessThanOrEqual(63);
      expect(name).toMatch(/-[0-9a-f]{8}$/);
    },
  );

  it("does not merge two names that differ only in what it rewrites", () => {
    expect(toEntityName("_carts")).not.toBe(toEntityName("carts"));
    expect(toEntityName(`${"a".repeat(63)}1`)).not.toBe(toEntityName(`${"a".repeat(63)}2`));
  });
});

describe("catalog-info.yaml for arbitrary owners, purposes and table names", () => {
  const [base] = loadValidExamples();
  const tableName = fc.stringMatching(/^[A-Za-z0-9_.-]{3,255}$/);
  const text = fc.string({ unit: "grapheme", maxLength: 300 });

  it("always parses back to the entity and passes Backstage's checks", async () => {
    await fc.assert(
      fc.asyncProperty(tableName, text, text, text, text, async (name, team, service, purpose, costCenter) => {
        const request = TableRequestSchema.parse({
          ...base?.request,
          tableName: name,
          owner: { ...base?.request.owner, team, service, purpose, costCenter },
        });
        const yaml = renderCatalogInfo(buildCatalogEntity(request, CONTEXT));
        const entity = await expectAccepted(yaml);
        expect(entity).toEqual(buildCatalogEntity(request, CONTEXT));
      }),
      { numRuns: 150 },
    );
  });
});
