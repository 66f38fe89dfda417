import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { API_ROUTES, type RouteSpec } from "../../lib/api/routes";
import { CreateChangeRequestBodySchema } from "../../lib/api/schemas";
import { DEFAULT_TIER_POLICY } from "../../lib/domain/policy/default-policy";
import { AWS_REGIONS } from "../../lib/domain/regions";
import { validateTableRequest } from "../../lib/domain/validation";
import { backstageProblems, compileKindSchema } from "../support/backstage";

// Backstage's JSON Schema for Software Templates (scaffolder.backstage.io/v1beta3), copied from
// @backstage/plugin-scaffolder-common by scripts/update-backstage-template-schema.mjs (see its $comment).
const TEMPLATE_SCHEMA = JSON.parse(readFileSync("tests/fixtures/backstage/Template.v1beta3.schema.json", "utf8"));

// biome-ignore lint/suspicious/noExplicitAny: parsed YAML, read by the assertions that check it
type Parsed = Record<string, any>;

/** The template as docs/backstage.md gives it: the yaml block after its marker comment. */
function templateFromDocs(): Parsed {
  const doc = readFileSync("docs/backstage.md", "utf8");
  const match = /<!-- template\.yaml[^>]*-->\s*```yaml\n([\s\S]*?)\n```/.exec(doc);
  if (!match?.[1]) throw new Error("docs/backstage.md has no template.yaml block after its marker");
  return parseYaml(match[1]);
}

// Sample answers to the template's form, and the signed-in user, as the scaffolder would have them.
const ANSWERS: Record<string, unknown> = {
  tableName: "orders-from-backstage",
  team: "group:default/checkout",
  service: "cart",
  costCenter: "CC-1234",
  purpose: "Orders placed through the storefront",
  tier: "staging",
  region: "eu-west-1",
  partitionKeyName: "orderId",
  partitionKeyType: "S",
  submit: true,
};
const USER = { ref: "user:default/dana" };

/** Evaluates the few expressions the template uses, failing on anything else (so the test keeps up). */
function evaluate(expression: string): unknown {
  const [head, ...filters] = expression.split("|").map((part) => part.trim());
  let value: unknown;
  if (head?.startsWith("parameters.")) value = ANSWERS[head.slice("parameters.".length)];
  else if (head === "user.ref") value = USER.ref;
  else throw new Error(`the test does not know the expression ${expression}`);
  for (const filter of filters) {
    if (filter === "parseEntityRef") {
      const m = /^(?:(\w+):)?(?:([\w-]+)\/)?([\w.-]+)$/.exec(String(value));
      value = { kind: m?.[1], namespace: m?.[2] ?? "default", name: m?.[3] };
    } else if (/^pick\('(\w+)'\)$/.test(filter)) {
      value = (value as Record<string, unknown>)[/^pick\('(\w+)'\)$/.exec(filter)?.[1] as string];
    } else throw new Error(`the test does not know the filter ${filter}`);
  }
  if (value === undefined) throw new Error(`${expression} has no value`);
  return value;
}

/** Renders values as the scaffolder does: a string that is one `${{ }}` keeps the value's type. */
function fill(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fill);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]));
  if (typeof value !== "string") return value;
  const whole = /^\$\{\{\s*(.+?)\s*\}\}$/.exec(value);
  if (whole?.[1]) return evaluate(whole[1]);
  return value.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expression: string) => String(evaluate(expression)));
}

describe("the Software Template in docs/backstage.md", () => {
  let template: Parsed;
  beforeAll(() => {
    template = templateFromDocs();
  });

  it("matches Backstage's template schema (Ajv) and passes the catalog's policies and the Template validator", async () => {
    const validate = await compileKindSchema(TEMPLATE_SCHEMA);
    expect(validate(template), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(await backstageProblems(template, TEMPLATE_SCHEMA)).toEqual([]);
  });

  it("is really checked: the schema refuses a template without steps' actions", async () => {
    const validate = await compileKindSchema(TEMPLATE_SCHEMA);
    const broken = structuredClone(template);
    delete broken.spec.steps[0].action;
    expect(validate(broken)).toBe(false);
    const wrongKind = { ...structuredClone(template), apiVersion: "scaffolder.backstage.io/v1beta2" };
    expect(await backstageProblems(wrongKind, TEMPLATE_SCHEMA)).not.toEqual([]);
  });

  it("calls Tablewright's REST API through the proxy, on routes that exist", () => {
    const posts = (Object.values(API_ROUTES) as RouteSpec[]).filter((r) => r.method === "post").map((r) => r.path);
    for (const step of template.spec.steps) {
      expect(step.action).toBe("http:backstage:request");
      expect(step.input.method).toBe("POST");
      expect(step.input.path).toMatch(/^\/proxy\/tablewright\//);
      expect(posts).toContain(step.input.path.replace("/proxy/tablewright", ""));
    }
  });

  it("filled in with sample answers for each tier it offers, sends a table request Tablewright accepts to each step", () => {
    for (const tier of template.spec.parameters[0].properties.tier.enum as string[]) {
      ANSWERS.tier = tier;
      const [estimate, create] = template.spec.steps.map((s: { input: { body: unknown } }) => fill(s.input.body));
      const priced = validateTableRequest(estimate, DEFAULT_TIER_POLICY);
      expect(
        priced.issues.filter((i) => i.severity === "error"),
        tier,
      ).toEqual([]);
      expect(priced.request).toMatchObject({ tableName: "orders-from-backstage", tier, owner: { team: "checkout" } });

      const body = CreateChangeRequestBodySchema.safeParse(create);
      expect(body.success, JSON.stringify(body.error?.issues)).toBe(true);
      expect(create).toMatchObject({
        submit: true,
        title: `orders-from-backstage (${tier}), requested from Backstage`,
      });
      const created = validateTableRequest((create as { request: unknown }).request, DEFAULT_TIER_POLICY);
      expect(
        created.issues.filter((i) => i.severity === "error"),
        tier,
      ).toEqual([]);
    }
  });

  it("offers only Regions and values the request format knows", () => {
    const fields = template.spec.parameters[0].properties;
    for (const region of fields.region.enum) expect(AWS_REGIONS).toContain(region);
    for (const tier of fields.tier.enum) expect(Object.keys(DEFAULT_TIER_POLICY.tiers)).toContain(tier);
    expect(new RegExp(fields.tableName.pattern).test(ANSWERS.tableName as string)).toBe(true);
  });
});
