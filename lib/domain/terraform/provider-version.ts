/**
 * The hashicorp/aws floor, computed from the arguments a module actually uses. Each entry is a
 * provider CHANGELOG fact; the highest applicable one wins. Keep this table in step with
 * docs/terraform-module.md and provider-schema/aws-subset.json.
 */
export interface ProviderFeatures {
  hasGsi: boolean;
  hasInlineReplicas: boolean;
  hasStrongConsistency: boolean;
  hasWitness: boolean;
  usesRegionArgument: boolean;
  usesWarmThroughput: boolean;
}

interface Floor {
  version: string;
  reason: string;
  applies: (f: ProviderFeatures) => boolean;
}

/** Pinned Terraform CLI range: 1.5 is the oldest release line the 6.x provider docs target. */
export const TERRAFORM_REQUIRED_VERSION = ">= 1.5.0, < 2.0.0";

const FLOORS: readonly Floor[] = [
  {
    version: "6.0.0",
    reason: "6.0.0: provider 6 baseline (per-resource `region` argument, current DynamoDB and Backup schemas)",
    applies: () => true,
  },
  {
    version: "6.3.0",
    reason: "6.3.0: `replica.consistency_mode` (multi-Region strong consistency)",
    applies: (f) => f.hasStrongConsistency,
  },
  {
    version: "6.9.0",
    reason: "6.9.0: `replica.deletion_protection_enabled`",
    applies: (f) => f.hasInlineReplicas,
  },
  {
    version: "6.13.0",
    reason: "6.13.0: `warm_throughput` on the table and on `global_secondary_index`",
    applies: (f) => f.usesWarmThroughput,
  },
  {
    version: "6.22.0",
    reason: "6.22.0: `global_table_witness`",
    applies: (f) => f.hasWitness,
  },
  {
    version: "6.37.0",
    reason:
      "6.37.0: `global_secondary_index.key_schema` (added 6.29.0, which deprecated GSI `hash_key`/`range_key`; 6.30.0 fixed a panic, later releases fixed a perpetual diff with RANGE keys (#46442) and removal of one GSI recreating all (#46602))",
    applies: (f) => f.hasGsi,
  },
];

function compare(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Lowest provider version for the features, and the reasons that apply (ascending). */
export function computeProviderFloor(features: ProviderFeatures): { minimum: string; reasons: string[] } {
  const applicable = FLOORS.filter((floor) => floor.applies(features));
  const minimum = applicable.reduce((max, floor) => (compare(floor.version, max) > 0 ? floor.version : max), "0.0.0");
  return { minimum, reasons: applicable.map((floor) => floor.reason) };
}
