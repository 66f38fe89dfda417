import type { TableRequest } from "../request/schema";
import { sha256Hex } from "./sha256";

/** The file Backstage's catalog discovers in a repository (its default name). */
export const CATALOG_INFO_FILE = "catalog-info.yaml";

/** Our annotation keys' prefix (Backstage wants a DNS-subdomain prefix on custom annotations). */
export const ANNOTATION_PREFIX = "tablewright.io";

/** The Backstage `spec.type` of every table: catalogs filter and group resources by it. */
export const RESOURCE_TYPE = "dynamodb-table";

export interface CatalogInfoContext {
  /** The stored change request the bundle belongs to (e.g. TW-42). */
  changeRequestKey?: string;
  /** The portal's public URL; with a key, the entity links to the change request's page. */
  portalUrl?: string;
}

/** A Backstage `Resource` entity (backstage.io/v1alpha1), with only the fields we fill. */
export interface CatalogEntity {
  apiVersion: "backstage.io/v1alpha1";
  kind: "Resource";
  metadata: {
    name: string;
    title: string;
    description: string;
    annotations: Record<string, string>;
    tags: string[];
    links?: { url: string; title: string; icon: string }[];
  };
  spec: { type: typeof RESOURCE_TYPE; owner: string; system: string };
}

const NAME_MAX = 63;
const VALID_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/**
 * A Backstage object name (1-63 characters of letters, digits, `-`, `_`, `.`, starting and ending
 * with a letter or digit) for any text. A name that already fits is kept as it is; any other gets
 * its invalid characters replaced and 8 hex digits of its SHA-256 appended, so two tables whose
 * names differ never share an entity name because of the rewriting.
 */
export function toEntityName(text: string): string {
  if (text.length <= NAME_MAX && VALID_NAME.test(text)) return text;
  const hash = sha256Hex(new TextEncoder().encode(text)).slice(0, 8);
  const cleaned = text
    .replace(/[^A-Za-z0-9_.-]+/g, "-")
    .replace(/^[^A-Za-z0-9]+/, "")
    .slice(0, NAME_MAX - hash.length - 1)
    .replace(/[^A-Za-z0-9]+$/, "");
  return cleaned ? `${cleaned}-${hash}` : `x-${hash}`;
}

/** The folder the bundle puts the module in (table names allow dots, never slashes). */
export function moduleFolderName(tableName: string): string {
  return tableName === "." || tableName === ".." ? `table-${tableName.length}` : tableName;
}

/**
 * The table as a Backstage catalog entity: a `Resource` of type `dynamodb-table` owned by the
 * request's team (`group:default/<team>`) in the service's system, with the table's facts as
 * annotations and, for a stored change request, a link to its page in the portal. Pure and
 * deterministic: the same request and context always give the same entity.
 */
export function buildCatalogEntity(request: TableRequest, context: CatalogInfoContext = {}): CatalogEntity {
  const regions = [request.regions.primary, ...request.regions.replicas.map((r) => r.region)];
  const annotations: Record<string, string> = {
    [`${ANNOTATION_PREFIX}/table-name`]: request.tableName,
    [`${ANNOTATION_PREFIX}/tier`]: request.tier,
    [`${ANNOTATION_PREFIX}/regions`]: regions.join(","),
    [`${ANNOTATION_PREFIX}/cost-center`]: request.owner.costCenter,
    [`${ANNOTATION_PREFIX}/module-path`]: moduleFolderName(request.tableName),
  };
  if (context.changeRequestKey) annotations[`${ANNOTATION_PREFIX}/change-request`] = context.changeRequestKey;

  const portal = context.portalUrl?.replace(/\/+$/, "");
  const links =
    portal && context.changeRequestKey && URL.canParse(portal)
      ? [
          {
            url: `${portal}/requests/${encodeURIComponent(context.changeRequestKey)}`,
            title: `Tablewright change request ${context.changeRequestKey}`,
            icon: "dashboard",
          },
        ]
      : undefined;

  const purpose = request.owner.purpose.trim();
  return {
    apiVersion: "backstage.io/v1alpha1",
    kind: "Resource",
    metadata: {
      name: toEntityName(request.tableName),
      title: request.tableName,
      description: purpose || `DynamoDB table ${request.tableName} for ${request.owner.service} (${request.tier}).`,
      annotations,
      tags: ["dynamodb", request.tier, ...(regions.length > 1 ? ["global-table"] : [])],
      ...(links ? { links } : {}),
    },
    spec: {
      type: RESOURCE_TYPE,
      owner: `group:default/${toEntityName(request.owner.team)}`,
      system: `system:default/${toEntityName(request.owner.service)}`,
    },
  };
}

// Every string is written as a JSON string, which is a valid YAML double-quoted scalar: no value
// (a purpose with colons, quotes, `#`, newlines or emoji) can change the document's structure.
const q = (value: string) => JSON.stringify(value);

/** The entity as YAML, by hand so the bytes are fixed by this file alone (no library's formatting). */
export function renderCatalogInfo(entity: CatalogEntity): string {
  const { metadata, spec } = entity;
  const lines = [
    "# The table in Backstage's software catalog, generated by Tablewright with the module (docs/backstage.md).",
    `apiVersion: ${entity.apiVersion}`,
    `kind: ${entity.kind}`,
    "metadata:",
    `  name: ${q(metadata.name)}`,
    `  title: ${q(metadata.title)}`,
    `  description: ${q(metadata.description)}`,
    "  annotations:",
    ...Object.entries(metadata.annotations).map(([key, value]) => `    ${key}: ${q(value)}`),
    "  tags:",
    ...metadata.tags.map((tag) => `    - ${q(tag)}`),
  ];
  if (metadata.links) {
    lines.push("  links:");
    for (const link of metadata.links) {
      lines.push(`    - url: ${q(link.url)}`, `      title: ${q(link.title)}`, `      icon: ${q(link.icon)}`);
    }
  }
  lines.push("spec:", `  type: ${q(spec.type)}`, `  owner: ${q(spec.owner)}`, `  system: ${q(spec.system)}`);
  return `${lines.join("\n")}\n`;
}

/** The module files plus `catalog-info.yaml`, as every bundle carries them. */
export function withCatalogInfo(
  files: Record<string, string>,
  request: TableRequest,
  context: CatalogInfoContext = {},
): Record<string, string> {
  return { ...files, [CATALOG_INFO_FILE]: renderCatalogInfo(buildCatalogEntity(request, context)) };
}
