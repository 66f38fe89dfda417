import { attr, block, call, comment, type HclNode, list, lit, obj, raw, renderFile, sections, str } from "./hcl";
import type { ModuleModel } from "./model";
import { placeIn, tagsAttr } from "./placement";

/** `backup.tf`: vault, plan (with a copy to another Region when asked), selection and service role. */
export function renderBackupTf(model: ModuleModel): string | null {
  const b = model.backup;
  if (!b) return null;
  const tags = tagsAttr(model);
  const nodes: HclNode[] = [
    block("resource", ["aws_backup_vault", "this"], sections(attr("name", str(b.vaultName)), tags)),
  ];
  if (b.copy) {
    nodes.push(
      comment(
        model.provider.regionPlacement === "argument"
          ? `Copy target in ${b.copy.region}: the provider-6 \`region\` argument, not an aliased provider.`
          : `Copy target in ${b.copy.region}, through its aliased provider (providers.tf).`,
      ),
      block(
        "resource",
        ["aws_backup_vault", "copy"],
        sections([...placeIn(model, b.copy.region), attr("name", str(b.copy.vaultName))], tags),
      ),
    );
  }
  const rule = sections(
    [
      attr("rule_name", str(b.ruleName)),
      attr("target_vault_name", raw("aws_backup_vault.this.name")),
      attr("schedule", str(b.schedule)),
    ],
    block("lifecycle", [], [attr("delete_after", lit(b.retentionDays))]),
    b.copy
      ? block(
          "copy_action",
          [],
          sections(
            attr("destination_vault_arn", raw("aws_backup_vault.copy.arn")),
            block("lifecycle", [], [attr("delete_after", lit(b.copy.retentionDays))]),
          ),
        )
      : null,
  );
  nodes.push(
    block(
      "resource",
      ["aws_backup_plan", "this"],
      sections(attr("name", str(b.planName)), block("rule", [], rule), tags),
    ),
    block(
      "resource",
      ["aws_iam_role", "backup"],
      sections(
        [
          attr("name", str(b.roleName)),
          attr(
            "assume_role_policy",
            call(
              "jsonencode",
              obj([
                ["Version", str("2012-10-17")],
                [
                  "Statement",
                  list(
                    [
                      obj([
                        ["Effect", str("Allow")],
                        ["Principal", obj([["Service", str("backup.amazonaws.com")]])],
                        ["Action", str("sts:AssumeRole")],
                      ]),
                    ],
                    true,
                  ),
                ],
              ]),
            ),
          ),
        ],
        tags,
      ),
    ),
    block(
      "resource",
      ["aws_iam_role_policy_attachment", "backup"],
      [
        attr("role", raw("aws_iam_role.backup.name")),
        attr("policy_arn", str("arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup")),
      ],
    ),
    block(
      "resource",
      ["aws_iam_role_policy_attachment", "restore"],
      [
        attr("role", raw("aws_iam_role.backup.name")),
        attr("policy_arn", str("arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores")),
      ],
    ),
    block(
      "resource",
      ["aws_backup_selection", "this"],
      [
        attr("name", str(b.selectionName)),
        attr("plan_id", raw("aws_backup_plan.this.id")),
        attr("iam_role_arn", raw("aws_iam_role.backup.arn")),
        attr("resources", list([raw("aws_dynamodb_table.this.arn")])),
      ],
    ),
  );
  return renderFile(nodes);
}
