import { attr, block, comment, list, obj, raw, renderFile, sections, str } from "./hcl";
import type { ModuleModel } from "./model";

/**
 * `versions.tf`: pinned Terraform range and the hashicorp/aws range for the target major version,
 * with the reasons for its floor. On provider 5, the aliased providers the module uses are declared
 * in `configuration_aliases`, so a caller that passes providers in is checked against them.
 */
export function renderVersionsTf(model: ModuleModel): string {
  const v = model.versions;
  const nextMajor = model.provider.major + 1;
  const why = [
    model.provider.major === 6
      ? `hashicorp/aws >= ${v.awsMinimum}: the lowest release with every argument this module uses.`
      : `hashicorp/aws >= ${v.awsMinimum}: the 5.x release this module is validated and planned against.`,
    ...v.reasons.map((r) => `- ${r}`),
    `< ${nextMajor}.0.0: a major release may change these schemas; move up deliberately.`,
  ].join("\n");
  const aws: [string, ReturnType<typeof str>][] = [
    ["source", str("hashicorp/aws")],
    ["version", str(v.awsConstraint)],
  ];
  if (model.provider.aliases.length > 0) {
    aws.push(["configuration_aliases", list(model.provider.aliases.map((a) => raw(`aws.${a.alias}`)))]);
  }
  return renderFile([
    block(
      "terraform",
      [],
      sections(attr("required_version", str(v.terraform)), [
        comment(why),
        block("required_providers", [], [attr("aws", obj(aws))]),
      ]),
    ),
  ]);
}
