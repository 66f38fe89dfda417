import type { PlanResourceChange, TerraformPlan } from "./schema";

// biome-ignore lint/suspicious/noExplicitAny: planned values are Terraform's untyped JSON.
export type PlanValues = Record<string, any>;

/** A managed resource's planned change, with its address relative to its module and its Region. */
export interface PlannedChange {
  address: string;
  /** `type.name` without an instance key (the renderer uses neither count nor for_each). */
  base: string;
  type: string;
  moduleAddress: string;
  actions: readonly string[];
  after: PlanValues;
  before: PlanValues;
  afterUnknown: PlanValues;
  region: string | undefined;
}

interface ConfigResource {
  address: string;
  provider_config_key?: string;
}

interface ConfigModule {
  resources?: ConfigResource[];
  module_calls?: Record<string, { module?: ConfigModule }>;
}

/** The configuration module at `module.a.module.b` (or the root for ""). */
function configModule(plan: TerraformPlan, moduleAddress: string): ConfigModule | undefined {
  let mod = plan.configuration?.root_module as ConfigModule | undefined;
  if (!moduleAddress) return mod;
  for (const [, call] of moduleAddress.matchAll(/module\.([^.[]+)/g)) {
    mod = call ? mod?.module_calls?.[call]?.module : undefined;
  }
  return mod;
}

const asObject = (value: unknown): PlanValues =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as PlanValues) : {};

/** Reads the managed resource changes with their Regions (the `region` argument or the provider's). */
export function readPlannedChanges(plan: TerraformPlan): PlannedChange[] {
  const providers = plan.configuration?.provider_config ?? {};
  const regionOfKey = (key: string | undefined): string | undefined => {
    const value = providers[key ?? "aws"]?.expressions?.region?.constant_value;
    return typeof value === "string" ? value : undefined;
  };
  const configCache = new Map<string, Map<string, ConfigResource>>();
  const configured = (moduleAddress: string) => {
    let found = configCache.get(moduleAddress);
    if (!found) {
      const resources = configModule(plan, moduleAddress)?.resources ?? [];
      found = new Map(resources.map((r) => [r.address, r]));
      configCache.set(moduleAddress, found);
    }
    return found;
  };
  return plan.resource_changes
    .filter((r: PlanResourceChange) => r.mode === "managed")
    .map((r: PlanResourceChange) => {
      const moduleAddress = r.module_address ?? "";
      const prefix = moduleAddress ? `${moduleAddress}.` : "";
      const address = r.address.startsWith(prefix) ? r.address.slice(prefix.length) : r.address;
      const base = address.replace(/\[.*\]$/, "");
      const after = asObject(r.change.after);
      const argument = typeof after.region === "string" ? after.region : undefined;
      return {
        address,
        base,
        type: r.type,
        moduleAddress,
        actions: r.change.actions,
        after,
        before: asObject((r.change as { before?: unknown }).before),
        afterUnknown: asObject(r.change.after_unknown),
        region: argument ?? regionOfKey(configured(moduleAddress).get(base)?.provider_config_key),
      };
    });
}

export const isDelete = (actions: readonly string[]) => actions.includes("delete") || actions.includes("forget");
export const isReplace = (actions: readonly string[]) => actions.includes("delete") && actions.includes("create");
export const isDeleteOnly = (actions: readonly string[]) => isDelete(actions) && !actions.includes("create");
