import { attr, block, comment, type HclNode, list, renderFile, sections, str } from "./hcl";
import type { ModuleModel } from "./model";

/**
 * `providers.tf`: the provider for the primary Region and, on provider 5, one aliased provider per
 * other Region that holds a resource. Provider 6 places those resources with the per-resource
 * `region` argument instead, so credentials and assume-role settings are configured once.
 * When an admin mapped the team/tier to an account, every provider block assumes that account's
 * role and refuses any other account (`allowed_account_ids`), so a pipeline with the wrong
 * credentials fails at plan time instead of creating the table in the wrong place.
 */
export function renderProvidersTf(model: ModuleModel): string {
  const { provider } = model;
  const nodes: HclNode[] = [];
  if (provider.regionPlacement === "argument") {
    nodes.push(
      comment(
        [
          `Primary Region of ${model.tableName}. Credentials come from the environment or a profile.`,
          provider.otherRegions.length > 0
            ? `Resources in ${provider.otherRegions.join(", ")} set the per-resource \`region\` argument (provider 6), not an alias.`
            : "Every resource lives in this Region.",
        ].join("\n"),
      ),
      block("provider", ["aws"], providerBody(model, [attr("region", str(model.primaryRegion))])),
    );
    return renderFile(nodes);
  }
  nodes.push(
    comment(
      [
        `Primary Region of ${model.tableName}. Credentials come from the environment or a profile.`,
        ...(provider.aliases.length > 0
          ? [
              "Provider 5 has no per-resource `region` argument: each other Region has an aliased provider,",
              "declared in versions.tf (configuration_aliases). To call this folder as a child module, delete",
              "this file and pass every alias: providers = { aws = aws, aws.<alias> = aws.<yours>, ... }.",
            ]
          : []),
      ].join("\n"),
    ),
    block("provider", ["aws"], providerBody(model, [attr("region", str(model.primaryRegion))])),
  );
  for (const a of provider.aliases) {
    nodes.push(
      block("provider", ["aws"], providerBody(model, [attr("alias", str(a.alias)), attr("region", str(a.region))])),
    );
  }
  return renderFile(nodes);
}

/** A provider block's arguments: where it points, plus the mapped account's role when there is one. */
function providerBody(model: ModuleModel, placement: HclNode[]): HclNode[] {
  const target = model.accountTarget;
  if (!target) return placement;
  return sections(
    [...placement, attr("allowed_account_ids", list([str(target.accountId)]))],
    [
      comment(`Account ${target.accountId}, mapped by the platform team for this team and tier.`),
      block(
        "assume_role",
        [],
        [
          attr("role_arn", str(target.roleArn)),
          ...(target.externalId ? [attr("external_id", str(target.externalId))] : []),
        ],
      ),
    ],
  );
}
