import type { KeyAttribute, TableRequest } from "./schema";

export type AttributeType = KeyAttribute["type"];

/** One entry of DynamoDB's AttributeDefinitions (Terraform's `attribute` block). */
export interface AttributeDefinition {
  name: string;
  type: AttributeType;
}

/** Where a key attribute is used, so a type conflict can point at the field. */
export interface KeyAttributeUsage extends AttributeDefinition {
  path: (string | number)[];
}

/** One attribute name used with more than one type. */
export interface AttributeTypeConflict {
  name: string;
  usages: KeyAttributeUsage[];
}

type KeyedRequest = Pick<TableRequest, "partitionKey" | "sortKey" | "globalSecondaryIndexes" | "localSecondaryIndexes">;

/** Every key attribute of the table, its GSIs and its LSIs, in request order. */
export function listKeyAttributeUsages(request: KeyedRequest): KeyAttributeUsage[] {
  // Plain literals, not spreads: this runs on every validation and spreads cost 10x here.
  const usage = (key: KeyAttribute, path: (string | number)[]): KeyAttributeUsage => ({
    name: key.name,
    type: key.type,
    path,
  });
  const usages: KeyAttributeUsage[] = [usage(request.partitionKey, ["partitionKey"])];
  if (request.sortKey) usages.push(usage(request.sortKey, ["sortKey"]));
  const gsis = request.globalSecondaryIndexes;
  for (let i = 0; i < gsis.length; i++) {
    const gsi = gsis[i] as (typeof gsis)[number];
    usages.push(usage(gsi.partitionKey, ["globalSecondaryIndexes", i, "partitionKey"]));
    if (gsi.sortKey) usages.push(usage(gsi.sortKey, ["globalSecondaryIndexes", i, "sortKey"]));
  }
  const lsis = request.localSecondaryIndexes;
  for (let i = 0; i < lsis.length; i++) {
    usages.push(usage((lsis[i] as (typeof lsis)[number]).sortKey, ["localSecondaryIndexes", i, "sortKey"]));
  }
  return usages;
}

/**
 * AttributeDefinitions derived from the keys: each key attribute once, in order of first use.
 * Users never list attributes, so DynamoDB's "unused attribute definition" and "index key has no
 * definition" errors (and Terraform's "all attributes must be indexed") cannot occur. When a name
 * has two types the first one wins here; `findAttributeTypeConflicts` reports the clash.
 */
export function deriveAttributeDefinitions(request: KeyedRequest): AttributeDefinition[] {
  const seen = new Map<string, AttributeType>();
  for (const usage of listKeyAttributeUsages(request)) {
    if (!seen.has(usage.name)) seen.set(usage.name, usage.type);
  }
  return [...seen].map(([name, type]) => ({ name, type }));
}

/** Attribute names used as keys with more than one type (DynamoDB allows one type per name). */
export function findAttributeTypeConflicts(request: KeyedRequest): AttributeTypeConflict[] {
  const byName = new Map<string, KeyAttributeUsage[]>();
  for (const usage of listKeyAttributeUsages(request)) {
    const list = byName.get(usage.name);
    if (list) list.push(usage);
    else byName.set(usage.name, [usage]);
  }
  const conflicts: AttributeTypeConflict[] = [];
  for (const [name, usages] of byName) {
    const firstType = usages[0]?.type;
    if (usages.some((u) => u.type !== firstType)) conflicts.push({ name, usages });
  }
  return conflicts;
}
