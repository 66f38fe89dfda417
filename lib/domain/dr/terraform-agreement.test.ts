import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "@cdktf/hcl2json";
import { describe, expect, it } from "vitest";
import { DEFAULT_TIER_POLICY } from "../policy/default-policy";
import type { TableRequest } from "../request/schema";
import { renderModule } from "../terraform";
import { validateTableRequest } from "../validation";
import { makeRequest, PATTERN_FIXTURES } from "./__fixtures__/requests";
import { buildDrPreview } from "./build-preview";
import { toDrSummary } from "./to-dr-summary";
import type { DrPreview } from "./types";

/**
 * The preview promises, the module delivers: for every example and one fixture per pattern, the
 * rendered HCL (parsed with HashiCorp's own HCL library, as WebAssembly) has exactly the replica
 * Regions, witness, backup copy Region and PITR settings the preview shows.
 */

type Block = Record<string, unknown>;
type Hcl = { resource?: Record<string, Record<string, Block[]>>; provider?: Record<string, Block[]> };

const EXAMPLES_DIR = path.resolve(__dirname, "../../../examples/requests/valid");

function exampleCases(): [string, unknown][] {
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => [`examples/${f}`, JSON.parse(readFileSync(path.join(EXAMPLES_DIR, f), "utf8"))]);
}

function fixtureCases(): [string, unknown][] {
  const copy = { enabled: true, schedule: "cron(0 3 * * ? *)", retentionDays: 35, copyRegion: "us-west-2" } as const;
  const cases: [string, TableRequest][] = [
    ["fixture SINGLE_REGION_PITR", PATTERN_FIXTURES.SINGLE_REGION_PITR()],
    ["fixture BACKUP_CROSS_REGION_COPY", PATTERN_FIXTURES.BACKUP_CROSS_REGION_COPY()],
    [
      "fixture ACTIVE_PASSIVE (standby without PITR)",
      makeRequest({
        regions: {
          primary: "us-east-1",
          replicas: [{ region: "us-west-2", role: "STANDBY", pointInTimeRecovery: false }],
        },
      }),
    ],
    ["fixture ACTIVE_ACTIVE_MREC", PATTERN_FIXTURES.ACTIVE_ACTIVE_MREC()],
    ["fixture MRSC with witness", PATTERN_FIXTURES.MRSC_WITNESS()],
    ["fixture MRSC with three replicas", PATTERN_FIXTURES.MRSC_THREE()],
    [
      "fixture MREC plus a backup copy (prod-critical)",
      makeRequest({
        tier: "prod",
        deletionProtection: true,
        alarms: { enabled: true },
        regions: { primary: "us-east-1", replicas: [{ region: "eu-west-1" }] },
        backup: copy,
      }),
    ],
    [
      "fixture single Region without PITR",
      makeRequest({ tier: "dev", pointInTimeRecovery: { enabled: false, recoveryPeriodInDays: 7 } }),
    ],
  ];
  return cases;
}

async function parseModule(files: Record<string, string>): Promise<Hcl> {
  const resource: NonNullable<Hcl["resource"]> = {};
  const provider: NonNullable<Hcl["provider"]> = {};
  for (const [name, content] of Object.entries(files)) {
    if (!name.endsWith(".tf")) continue;
    const hcl = (await parse(name, content)) as Hcl;
    for (const [type, byName] of Object.entries(hcl.resource ?? {})) {
      resource[type] = { ...(resource[type] ?? {}), ...byName };
    }
    for (const [type, blocks] of Object.entries(hcl.provider ?? {})) {
      provider[type] = [...(provider[type] ?? []), ...blocks];
    }
  }
  return { resource, provider };
}

const first = (blocks: unknown): Block | undefined => (Array.isArray(blocks) ? (blocks[0] as Block) : undefined);
const blocksOf = (value: unknown): Block[] => (Array.isArray(value) ? (value as Block[]) : []);

/** What the module realises, in the preview's terms. */
function moduleFacts(hcl: Hcl) {
  const providers = blocksOf(hcl.provider?.aws);
  const providerRegion = providers.find((p) => p.alias === undefined)?.region as string;
  const aliasRegion = (ref: unknown) =>
    providers.find((p) => `\${aws.${p.alias}}` === ref || `aws.${p.alias}` === ref)?.region as string | undefined;
  const table = first(hcl.resource?.aws_dynamodb_table?.this) ?? {};
  const blockReplicas = blocksOf(table.replica).map((r) => ({
    region: r.region_name as string,
    // The provider's default for a replica's point_in_time_recovery is false.
    pitr: r.point_in_time_recovery === true,
    consistency: (r.consistency_mode as string | undefined) ?? "EVENTUAL",
  }));
  // aws_dynamodb_table_replica resources: their Region is the `region` argument or the provider alias's.
  const resourceReplicas = Object.values(hcl.resource?.aws_dynamodb_table_replica ?? {})
    .flat()
    .map((r) => ({
      region: ((r.region as string | undefined) ?? aliasRegion(r.provider)) as string,
      pitr: r.point_in_time_recovery === true,
      consistency: "EVENTUAL",
    }));
  // hcl2json keys resources by label, so compare replicas in Region order.
  const replicas = [...blockReplicas, ...resourceReplicas].sort((a, b) => a.region.localeCompare(b.region));
  const witness = first(table.global_table_witness)?.region_name as string | undefined;
  const vaults = hcl.resource?.aws_backup_vault ?? {};
  const copyRegions: string[] = [];
  for (const plan of Object.values(hcl.resource?.aws_backup_plan ?? {}).flat()) {
    for (const rule of blocksOf(plan.rule)) {
      for (const action of blocksOf(rule.copy_action)) {
        const ref = /\$\{aws_backup_vault\.([\w-]+)\.arn\}/.exec(String(action.destination_vault_arn));
        const vault = ref ? first(vaults[ref[1] as string]) : undefined;
        copyRegions.push(
          vault
            ? ((vault.region as string | undefined) ?? aliasRegion(vault.provider) ?? providerRegion)
            : `unresolved:${action.destination_vault_arn}`,
        );
      }
    }
  }
  return {
    primary: providerRegion,
    tablePitr: first(table.point_in_time_recovery)?.enabled === true,
    replicas,
    witness,
    copyRegions,
  };
}

function previewFacts(preview: DrPreview) {
  const primary = preview.regions.find((r) => r.role === "PRIMARY");
  const replicaRegions = preview.regions.filter((r) => r.role === "ACTIVE_REPLICA" || r.role === "STANDBY");
  return {
    primary: primary?.region,
    tablePitr: primary?.pointInTimeRecovery,
    replicas: replicaRegions
      .map((r) => ({
        region: r.region,
        pitr: r.pointInTimeRecovery,
        consistency: preview.pattern === "MRSC" ? "STRONG" : "EVENTUAL",
      }))
      .sort((a, b) => a.region.localeCompare(b.region)),
    witness: preview.regions.find((r) => r.role === "WITNESS")?.region,
    copyRegions: preview.edges.filter((e) => e.kind === "backup-copy").map((e) => e.to),
  };
}

describe("the DR preview and the rendered Terraform module agree", () => {
  it.each([...exampleCases(), ...fixtureCases()])("%s", async (_name, input) => {
    const validation = validateTableRequest(input, DEFAULT_TIER_POLICY);
    expect(validation.issues.filter((i) => i.severity === "error")).toEqual([]);
    const request = validation.request as TableRequest;
    const preview = buildDrPreview(request, DEFAULT_TIER_POLICY);
    // A request validation accepts has no DR error either: the two engines share one rule book.
    expect(preview.issues.filter((i) => i.severity === "error")).toEqual([]);

    const promised = previewFacts(preview);
    // Both provider targets (5.x places replicas with aliased providers); 5.x has no MRSC.
    const majors = request.regions.consistency === "STRONG" ? ([6] as const) : ([5, 6] as const);
    for (const awsProviderMajor of majors) {
      const files = renderModule(request, { awsProviderMajor });
      expect(moduleFacts(await parseModule(files)), `hashicorp/aws ${awsProviderMajor}.x`).toEqual(promised);
    }
  });

  it("the module README states the preview's pattern, RPO and RTO when given the summary", () => {
    const request = makeRequest({
      regions: { primary: "us-east-1", replicas: [{ region: "us-west-2", role: "STANDBY" }] },
    });
    const preview = buildDrPreview(request, DEFAULT_TIER_POLICY);
    const readme = renderModule(request, { drSummary: toDrSummary(preview) })["README.md"] ?? "";
    expect(readme).toContain("Pattern: **ACTIVE_PASSIVE**");
    expect(readme).toContain(`RPO: ${preview.rpo.value}`);
    expect(readme).toContain(`RTO: ${preview.rto.value}`);
    expect(readme).toContain("us-west-2: standby");
  });
});
