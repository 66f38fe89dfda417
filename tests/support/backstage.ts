import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  DefaultNamespaceEntityPolicy,
  type Entity,
  EntityPolicies,
  entityKindSchemaValidator,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
} from "@backstage/catalog-model";
import Ajv, { type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

// ajv-formats is CommonJS: under ESM its function sits on `default`.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as typeof addFormatsModule;

/**
 * Backstage's own checks for catalog entities, from the published @backstage/catalog-model: its
 * JSON Schemas (Entity, EntityMeta, common, and each kind's) compiled with Ajv, and the entity
 * policies the catalog applies to everything it ingests (the defaults of its CatalogBuilder).
 */

const catalogModelDist = path.join(
  path.dirname(createRequire(import.meta.url).resolve("@backstage/catalog-model")),
  "schema",
);

/** One of the package's schemas (shipped as ES modules whose default export is the JSON). */
export async function loadCatalogSchema(file: string): Promise<Record<string, unknown>> {
  const module = (await import(pathToFileURL(path.join(catalogModelDist, file)).href)) as {
    default: Record<string, unknown>;
  };
  return module.default;
}

/** Ajv (draft-07, as the schemas declare) with the envelope schemas a kind's schema refers to. */
export async function compileKindSchema(kindSchema: object): Promise<ValidateFunction> {
  const ajv = new Ajv({ allowUnionTypes: true, allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema([
    await loadCatalogSchema("shared/common.schema.json.esm.js"),
    await loadCatalogSchema("EntityMeta.schema.json.esm.js"),
    await loadCatalogSchema("Entity.schema.json.esm.js"),
  ]);
  return ajv.compile(kindSchema);
}

const policy = EntityPolicies.allOf([
  new SchemaValidEntityPolicy(),
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
]);

/**
 * What the catalog would say about an entity: its policies (names, annotation keys, tags, links)
 * and then the kind's validator. Returns the problems, an empty list when it would be accepted.
 */
export async function backstageProblems(entity: unknown, kindSchema: object): Promise<string[]> {
  try {
    const enforced = await policy.enforce(structuredClone(entity) as Entity);
    if (!enforced) return ["a policy dropped the entity"];
    const accepted = entityKindSchemaValidator(kindSchema)(enforced);
    return accepted ? [] : ["the kind's validator did not recognise the entity's apiVersion and kind"];
  } catch (error) {
    return [(error as Error).message];
  }
}
