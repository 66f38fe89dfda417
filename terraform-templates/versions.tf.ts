import type { ModuleModel } from "../lib/domain/terraform/model";
import { attr, block, comment, obj, renderFile, sections, str } from "./hcl";

/** `versions.tf`: pinned Terraform range and the computed hashicorp/aws floor, with its reasons. */
export function renderVersionsTf(model: ModuleModel): string {
  const v = model.versions;
  const why = [
    `hashicorp/aws >= ${v.awsMinimum}: the lowest release with every argument this module uses.`,
    ...v.reasons.map((r) => `- ${r}`),
    "< 7.0.0: a major release may change these schemas; move up deliberately.",
  ].join("\n");
  return renderFile([
    block(
      "terraform",
      [],
      sections(attr("required_version", str(v.terraform)), [
        comment(why),
        block(
          "required_providers",
          [],
          [
            attr(
              "aws",
              obj([
                ["source", str("hashicorp/aws")],
                ["version", str(v.awsConstraint)],
              ]),
            ),
          ],
        ),
      ]),
    ),
  ]);
}
