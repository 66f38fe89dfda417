import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { format } from "@cdktf/hcl-tools";
import { describe, expect, it } from "vitest";
import schemaJson from "./provider-schema/aws-subset.json";
import { renderModule } from "./render-module";
import { type HclJson, loadValidExamples, parseModule } from "./test-support";

const GOLDEN_DIR = path.resolve(import.meta.dirname, "golden");
const UPDATE = process.env.UPDATE_GOLDEN === "1";
const examples = loadValidExamples();

interface SchemaNode {
  arguments: string[];
  blocks: Record<string, SchemaNode>;
}
const schema = schemaJson as unknown as {
  resources: Record<string, SchemaNode>;
  metaArguments: string[];
  metaBlocks: Record<string, SchemaNode>;
};

/** hcl2json writes nested blocks as arrays of objects; attributes are anything else. */
function isBlockList(value: unknown): value is HclJson[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((v) => v !== null && typeof v === "object" && !Array.isArray(v))
  );
}

function checkAgainstSchema(body: HclJson, node: SchemaNode, where: string, problems: string[], top: boolean): void {
  for (const [key, value] of Object.entries(body)) {
    if (isBlockList(value)) {
      const child = node.blocks[key] ?? (top ? schema.metaBlocks[key] : undefined);
      if (!child) problems.push(`${where}: unknown block "${key}"`);
      else for (const b of value) checkAgainstSchema(b, child, `${where}.${key}`, problems, false);
    } else if (!node.arguments.includes(key) && !(top && schema.metaArguments.includes(key))) {
      problems.push(`${where}: unknown argument "${key}"`);
    }
  }
}

/** Every resource (type, label) across the parsed files. */
function resources(parsed: Record<string, HclJson>): { type: string; label: string; body: HclJson }[] {
  const out: { type: string; label: string; body: HclJson }[] = [];
  for (const json of Object.values(parsed)) {
    for (const [type, byLabel] of Object.entries((json.resource ?? {}) as Record<string, Record<string, HclJson[]>>)) {
      for (const [label, bodies] of Object.entries(byLabel)) for (const body of bodies) out.push({ type, label, body });
    }
  }
  return out;
}

describe.each(examples)("renderModule($name)", ({ name, request }) => {
  const files = renderModule(request, { changeRequestKey: "CR-42", revision: 3, requestedBy: "alice@example.com" });

  it("matches the golden files (UPDATE_GOLDEN=1 rewrites them)", () => {
    const dir = path.join(GOLDEN_DIR, name);
    if (UPDATE) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      for (const [file, content] of Object.entries(files)) writeFileSync(path.join(dir, file), content);
    }
    expect(existsSync(dir), `golden files missing for ${name}: run with UPDATE_GOLDEN=1`).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(Object.keys(files));
    for (const [file, content] of Object.entries(files)) {
      expect(content, `${name}/${file}`).toBe(readFileSync(path.join(dir, file), "utf8"));
    }
  });

  it("is deterministic: sorted keys and the same bytes twice", () => {
    expect(Object.keys(files)).toEqual([...Object.keys(files)].sort());
    const again = renderModule(structuredClone(request), {
      changeRequestKey: "CR-42",
      revision: 3,
      requestedBy: "alice@example.com",
    });
    expect(again).toEqual(files);
  });

  it("parses as HCL and is unchanged by the HCL formatter (terraform fmt)", async () => {
    await parseModule(files); // throws on invalid HCL; format() would not
    for (const [file, content] of Object.entries(files)) {
      if (file.endsWith(".tf")) expect(await format(content), file).toBe(content);
    }
  });

  it("uses only resource types, arguments and blocks of the pinned provider schema", async () => {
    const problems: string[] = [];
    for (const r of resources(await parseModule(files))) {
      const node = schema.resources[r.type];
      if (!node) problems.push(`unknown resource type ${r.type}`);
      else checkAgainstSchema(r.body, node, `${r.type}.${r.label}`, problems, true);
    }
    expect(problems).toEqual([]);
  });

  it("has the structure the request implies", async () => {
    const parsed = await parseModule(files);
    const text = Object.values(files).join("\n");
    const table = parsed["main.tf"]?.resource.aws_dynamodb_table.this[0] as HclJson;
    // Every replica is a literal block: no dynamic blocks, so no for_each inside replica, no each.value.
    expect(text).not.toMatch(/\bdynamic\s+"/);
    expect(text).not.toContain("each.value");
    expect(JSON.stringify(table.replica ?? [])).not.toContain("for_each");

    const replicas = (table.replica ?? []) as HclJson[];
    expect(replicas.map((r) => r.region_name).sort()).toEqual(request.regions.replicas.map((r) => r.region).sort());

    const attributes = (table.attribute as HclJson[]).map((a) => a.name as string);
    expect(new Set(attributes).size).toBe(attributes.length);
    const keys = new Set<string>([request.partitionKey.name]);
    if (request.sortKey) keys.add(request.sortKey.name);
    for (const g of request.globalSecondaryIndexes) {
      keys.add(g.partitionKey.name);
      if (g.sortKey) keys.add(g.sortKey.name);
    }
    for (const l of request.localSecondaryIndexes) keys.add(l.sortKey.name);
    expect(new Set(attributes)).toEqual(keys);

    const gsis = (table.global_secondary_index ?? []) as HclJson[];
    expect(gsis).toHaveLength(request.globalSecondaryIndexes.length);
    for (const gsi of gsis) {
      expect(gsi.hash_key, "no deprecated GSI hash_key").toBeUndefined();
      for (const k of gsi.key_schema as HclJson[]) expect(attributes).toContain(k.attribute_name);
    }

    if (request.billing.mode === "PAY_PER_REQUEST") {
      expect(table.read_capacity).toBeUndefined();
      expect(table.write_capacity).toBeUndefined();
      for (const gsi of gsis) expect([gsi.read_capacity, gsi.write_capacity]).toEqual([undefined, undefined]);
    }
    if (request.regions.replicas.length > 0 && request.regions.consistency === "EVENTUAL") {
      expect([table.stream_enabled, table.stream_view_type]).toEqual([true, "NEW_AND_OLD_IMAGES"]);
    }
    if (request.encryption.type === "CUSTOMER_MANAGED") {
      for (const r of replicas) expect(r.kms_key_arn).toMatch(/^arn:/);
    }
    if (request.billing.mode === "PROVISIONED" && request.regions.replicas.length > 0) {
      const scaling = parsed["autoscaling.tf"]?.resource.aws_appautoscaling_target ?? {};
      expect(scaling.table_write).toBeDefined();
    }
    expect(files["README.md"]).toContain("CR-42");
    expect(JSON.parse(files["request.json"] as string)).toEqual(JSON.parse(JSON.stringify(request)));
  });
});
