import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TableRequest } from "../../lib/domain/request/schema";
import { renderModule } from "../../lib/domain/terraform";
import awsSchemaJson from "../../lib/domain/terraform/provider-schema/aws-5.100.0.json";
import { loadValidExamples } from "../../lib/domain/terraform/test-support";
import { expectPlanMatchesRequest, plannedResources } from "../support/plan-facts";
import { EMITTED_RESOURCE_TYPES, toSchemaNode } from "../support/provider-schema-subset";
import {
  type BatchModule,
  findTerraform,
  type PlannedModule,
  planModule,
  planModules,
  readProviderSchema,
} from "../support/terraform";
import { OPTIONAL_BLOCKS, optionalBlocks, SAMPLE_SEED, sampleValidRequests } from "../support/valid-request-arbitrary";

/**
 * Every valid example and a fixed-seed sample of generated requests, rendered for hashicorp/aws
 * 5.x (the provider this machine has: an offline 5.100.0 mirror), go through real `terraform
 * init`, `validate` and `plan`; the facts a reviewer relies on are read back from `terraform show
 * -json`. Modules are planned as child modules of batch roots, the way providers.tf tells a caller
 * to use them (one provider process per Region instead of one per module and alias, which keeps
 * the suite to a couple of minutes); a provisioned global table and a CMK global table are also
 * planned one by one as root modules, as shipped, with their own providers.tf and aliases. MRSC examples are 6.x-only (5.x refuses
 * them) and are checked against the 6.x schema subset in the unit suite instead.
 */

const SAMPLE_SIZE = 30;
const examples = loadValidExamples().filter((e) => e.request.regions.consistency !== "STRONG");
const sample = sampleValidRequests(SAMPLE_SIZE).map((request, i) => ({ name: `sample-${i}`, request }));
const planned: { name: string; seconds: number }[] = [];
let rootPlans = 0;
const started = performance.now();

/** Values for the inputs the request cannot fill: SNS topics in each alarm Region. */
function alarmActionsFor(request: TableRequest) {
  const topic = (region: string) => `arn:aws:sns:${region}:123456789012:${request.tableName}-alerts`;
  const primary = request.alarms?.notificationTopicArn
    ? [request.alarms.notificationTopicArn]
    : [topic(request.regions.primary)];
  const replicas = Object.fromEntries(
    request.regions.replicas.filter((r) => r.role === "ACTIVE").map((r) => [r.region, [topic(r.region)]]),
  );
  return { primary, replicas };
}

/** The module for 5.x and the inputs it needs. */
function moduleFor(name: string, request: TableRequest): BatchModule {
  const files = renderModule(request, { awsProviderMajor: 5 });
  const actions = alarmActionsFor(request);
  const vars: Record<string, unknown> = {};
  if (request.alarms?.enabled) {
    if (!request.alarms.notificationTopicArn) vars.alarm_actions = actions.primary;
    if (files["variables.tf"]?.includes('variable "replica_alarm_actions"'))
      vars.replica_alarm_actions = actions.replicas;
  }
  return { name, files, vars };
}

const plans = new Map<string, Promise<PlannedModule>>();
/** Plans a request once per run; tests that look at the same module share the plan. */
function plan(name: string, request: TableRequest): Promise<PlannedModule> {
  let pending = plans.get(name);
  if (!pending) {
    const { files, vars } = moduleFor(name, request);
    pending = planModule(files, { name, vars }).then((result) => {
      rootPlans++;
      return result;
    });
    plans.set(name, pending);
  }
  return pending;
}

beforeAll(async () => {
  // The global setup already failed the run if terraform is missing; this names it per file.
  const tc = await findTerraform();
  expect(tc.awsVersion).toMatch(/^5\./);
});

afterAll(() => {
  const total = ((performance.now() - started) / 1000).toFixed(0);
  console.log(
    `terraform: planned ${planned.length} modules (${examples.length} examples, ${sample.length} generated with seed ${SAMPLE_SEED}) as child modules, and ${rootPlans} examples as root modules, in ${total} s`,
  );
});

/** Child-module batches: each module's test awaits its batch and checks its own part of the plan. */
function batchPlanner(label: string, groups: readonly { name: string; request: TableRequest }[][]) {
  const pending = new Map<number, Promise<PlannedModule>>();
  return (group: number) => {
    let found = pending.get(group);
    if (!found) {
      const members = groups[group] ?? [];
      found = planModules(
        members.map(({ name, request }) => moduleFor(moduleId(name), request)),
        `${label}-${group}`,
      ).then((result) => {
        const s = result.seconds;
        const each = (s.init + s.validate + s.plan + s.show) / Math.max(1, members.length);
        for (const m of members) planned.push({ name: m.name, seconds: each });
        return result;
      });
      pending.set(group, found);
    }
    return found;
  };
}
const moduleId = (name: string) => name.replace(/[^A-Za-z0-9_]/g, "_");

const examplesPlan = batchPlanner("examples", [examples]);

describe.concurrent("valid examples for hashicorp/aws 5.x: init, validate, plan (as child modules)", () => {
  it.each(examples)("$name", async ({ name, request }) => {
    const result = await examplesPlan(0);
    expect(result.diagnostics, "validate warnings or errors").toEqual([]);
    expectPlanMatchesRequest(result.showJson, request, alarmActionsFor(request), moduleId(name));
  });
});

describe.concurrent(`${SAMPLE_SIZE} generated requests (seed ${SAMPLE_SEED}) for hashicorp/aws 5.x`, () => {
  it("cover every optional block the generator has", () => {
    const seen = new Set(sample.flatMap(({ request }) => optionalBlocks(request)));
    expect(OPTIONAL_BLOCKS.filter((b) => !seen.has(b))).toEqual([]);
  });

  const BATCHES = 2;
  const samplePlan = batchPlanner(
    "sample",
    Array.from({ length: BATCHES }, (_, b) => sample.filter((_, i) => i % BATCHES === b)),
  );
  it.each(sample.map((s, i) => ({ ...s, batch: i % BATCHES })))(
    "$name: init, validate, plan (as a child module)",
    async ({ name, request, batch }) => {
      const result = await samplePlan(batch);
      expect(result.diagnostics).toEqual([]);
      expectPlanMatchesRequest(result.showJson, request, alarmActionsFor(request), moduleId(name));
    },
  );
});

describe.concurrent("the shapes issue 18 names, planned for 5.x (two as root modules with their providers.tf)", () => {
  const example = (name: string) => {
    const found = examples.find((e) => e.name === name);
    if (!found) throw new Error(`example ${name} is missing`);
    return found;
  };

  it("a provisioned global table creates its replica only after every scaling policy (provider #13097)", async () => {
    const { name, request } = example("provisioned-global");
    const result = await plan(name, request);
    expect(result.diagnostics).toEqual([]);
    expectPlanMatchesRequest(result.showJson, request, alarmActionsFor(request));
    const resources = plannedResources(result.showJson);
    const policies = resources.filter((r) => r.type === "aws_appautoscaling_policy").map((r) => r.address);
    const replicas = resources.filter((r) => r.type === "aws_dynamodb_table_replica");
    expect(policies).toHaveLength(4);
    expect(replicas.map((r) => r.region)).toEqual(["us-west-2"]);
    for (const r of replicas) expect(r.dependsOn).toEqual(expect.arrayContaining(policies));
    const table = resources.find((r) => r.type === "aws_dynamodb_table");
    expect(table?.values.replica ?? []).toEqual([]);
  });

  it("a CMK global table keeps each Region's key on its replica", async () => {
    const { name, request } = example("global-3-region-cmk");
    const result = await plan(name, request);
    expectPlanMatchesRequest(result.showJson, request, alarmActionsFor(request));
    const resources = plannedResources(result.showJson);
    const replicas = resources.filter((r) => r.type === "aws_dynamodb_table_replica");
    expect(Object.fromEntries(replicas.map((r) => [r.region, r.values.kms_key_arn]))).toEqual(
      Object.fromEntries(request.regions.replicas.map((r) => [r.region, r.kmsKeyArn])),
    );
  });

  it("a table with five autoscaled GSIs plans ten index scaling targets (in the examples batch)", async () => {
    const { name } = example("five-autoscaled-gsis");
    const resources = plannedResources((await examplesPlan(0)).showJson, moduleId(name));
    const targets = resources.filter(
      (r) => r.type === "aws_appautoscaling_target" && String(r.values.resource_id).includes("/index/"),
    );
    expect(targets).toHaveLength(10);
  });

  it("a backup copied to another Region puts its copy vault there through an aliased provider (in the examples batch)", async () => {
    const { name, request } = example("backup-cross-region-copy");
    const resources = plannedResources((await examplesPlan(0)).showJson, moduleId(name));
    const vault = resources.find((r) => r.address === "aws_backup_vault.copy");
    expect(vault?.region).toBe(request.backup?.copyRegion);
  });
});

describe("lib/domain/terraform/provider-schema/aws-5.100.0.json", () => {
  it("is what `terraform providers schema -json` says for the emitted resource types", async () => {
    const { awsVersion, resources } = await readProviderSchema();
    expect(awsSchemaJson.providerVersion).toBe(awsVersion);
    for (const type of EMITTED_RESOURCE_TYPES) {
      expect(awsSchemaJson.resources[type], type).toEqual(toSchemaNode(resources[type].block));
    }
  });
});
