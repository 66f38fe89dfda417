import { attr, block, comment, type HclNode, raw, renderFile } from "./hcl";
import type { ModuleModel } from "./model";

/**
 * `moved.tf`: one `moved` block (Terraform 1.1+) per resource whose address differs from the
 * previous revision's module, so Terraform moves the existing object in its state instead of
 * destroying it and creating a new one. Absent when nothing moved. A replica switching between a
 * `replica` block and an `aws_dynamodb_table_replica` resource cannot be moved (different shapes):
 * the README says what to run instead.
 */
export function renderMovedTf(model: ModuleModel): string | null {
  const moves = model.moves?.moves ?? [];
  if (moves.length === 0) return null;
  const nodes: HclNode[] = [
    comment(
      "Addresses that changed since the revision this one changes (an index or Region added or removed\nmade two names share a label). Terraform moves the existing objects; nothing is destroyed.",
    ),
  ];
  for (const move of moves) nodes.push(block("moved", [], [attr("from", raw(move.from)), attr("to", raw(move.to))]));
  return renderFile(nodes);
}
