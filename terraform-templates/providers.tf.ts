import type { ModuleModel } from "../lib/domain/terraform/model";
import { attr, block, comment, renderFile, str } from "./hcl";

/**
 * `providers.tf`: one provider, pinned to the primary Region. Resources in other Regions (the
 * backup copy vault) set the provider-6 `region` argument instead of using an aliased provider,
 * so credentials and assume-role settings are configured once, and replicas (`replica`
 * blocks) need no provider at all.
 */
export function renderProvidersTf(model: ModuleModel): string {
  const others = model.backup?.copy ? [model.backup.copy.region] : [];
  const note = [
    `Primary Region of ${model.tableName}. Credentials come from the environment or a profile.`,
    others.length > 0
      ? `Resources in ${others.join(", ")} set the per-resource \`region\` argument (provider 6), not an alias.`
      : "Every resource lives in this Region; replicas are `replica` blocks of the table.",
  ].join("\n");
  return renderFile([comment(note), block("provider", ["aws"], [attr("region", str(model.primaryRegion))])]);
}
