import { attr, type HclNode, obj, raw, str } from "./hcl";
import type { ModuleModel } from "./model";

/** The alias of the provider configuration for a Region: `eu-west-1` -> `eu_west_1`. */
export function providerAlias(region: string): string {
  return region.replace(/-/g, "_");
}

/**
 * What places a resource in `region`: nothing in the primary Region; otherwise the per-resource
 * `region` argument (provider 6) or `provider = aws.<alias>` (provider 5, which has no such argument).
 */
export function placeIn(model: ModuleModel, region: string): HclNode[] {
  if (region === model.primaryRegion) return [];
  if (model.provider.regionPlacement === "argument") return [attr("region", str(region))];
  return [attr("provider", raw(`aws.${providerAlias(region)}`))];
}

/** `tags = { ... }` with the request's tags (sorted), or nothing when there are none. */
export function tagsAttr(model: ModuleModel): HclNode | null {
  const tags = model.table.tags;
  return tags.length > 0 ? attr("tags", obj(tags.map(([k, v]) => [k, str(v)] as const))) : null;
}
