import { renderImportsTf } from "../../../terraform-templates/imports.tf";
import type { RenderContext } from "../terraform/model";

/**
 * Adds `imports.tf` to an already rendered module (path -> content, keys kept sorted), exactly
 * as `renderModule` does when its context asks for it. For callers that render through the
 * analysis pipeline and only learn afterwards that the table is being adopted. Pure.
 */
export function addImportBlocks(
  files: Record<string, string>,
  existing: NonNullable<RenderContext["importExisting"]>,
): Record<string, string> {
  const imports = renderImportsTf(existing);
  const merged: Record<string, string> = { ...files };
  if (imports !== null) merged["imports.tf"] = imports;
  return Object.fromEntries(Object.entries(merged).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
