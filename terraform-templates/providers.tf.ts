import type { ModuleModel } from "../lib/domain/terraform/model";
import { attr, block, comment, type HclNode, list, renderFile, sections, str } from "./hcl";

/**
 * `providers.tf`: one provider, pinned to the primary Region. Resources in other Regions (the
 * backup copy vault) set the provider-6 `region` argument instead of using an aliased provider,
 * so credentials and assume-role settings are configured once, and replicas (`replica`
 * blocks) need no provider at all. When an admin mapped the team/tier to an account, the
 * provider assumes that account's role and refuses any other account (`allowed_account_ids`),
 * so a pipeline with the wrong credentials fails at plan time instead of creating the table in
 * the wrong place.
 */
export function renderProvidersTf(model: ModuleModel): string {
  const others = model.backup?.copy ? [model.backup.copy.region] : [];
  const note = [
    `Primary Region of ${model.tableName}. Credentials come from the environment or a profile.`,
    others.length > 0
      ? `Resources in ${others.join(", ")} set the per-resource \`region\` argument (provider 6), not an alias.`
      : "Every resource lives in this Region; replicas are `replica` blocks of the table.",
  ].join("\n");
  const target = model.accountTarget;
  const body: HclNode[] = target
    ? sections(
        [attr("region", str(model.primaryRegion)), attr("allowed_account_ids", list([str(target.accountId)]))],
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
      )
    : [attr("region", str(model.primaryRegion))];
  return renderFile([comment(note), block("provider", ["aws"], body)]);
}
