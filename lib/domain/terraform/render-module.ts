import {
  renderAlarmsTf,
  renderAutoscalingTf,
  renderBackupTf,
  renderIamTf,
  renderImportsTf,
  renderMainTf,
  renderMovedTf,
  renderOutputsTf,
  renderProvidersTf,
  renderReadme,
  renderReplicasTf,
  renderRequestJson,
  renderVariablesTf,
  renderVersionsTf,
} from "../../../terraform-templates";
import type { TableRequest } from "../request/schema";
import { computeModuleMoves } from "./address-moves";
import { buildModuleModel } from "./build-model";
import { UnrenderableRequestError } from "./errors";
import type { ModuleModel, ModuleMoves, RenderContext } from "./model";

/**
 * The moves from the module of the definition this revision changes (same provider target). A
 * previous definition today's rules no longer render has no comparable addresses: no moves.
 */
function movesFromPrevious(model: ModuleModel, context: RenderContext): ModuleMoves | undefined {
  if (context.previousDefinition === undefined) return undefined;
  try {
    const previous = buildModuleModel(context.previousDefinition as TableRequest, {
      awsProviderMajor: context.awsProviderMajor,
    });
    return computeModuleMoves(previous, model);
  } catch (error) {
    if (error instanceof UnrenderableRequestError) return undefined;
    throw error;
  }
}

/**
 * Renders the Terraform module for a validated request: file path -> content, keys sorted.
 * Pure and deterministic (same request and context, same bytes). Files a request does not need
 * (autoscaling.tf without provisioned autoscaling, backup.tf without backups, alarms.tf without
 * alarms) are left out rather than rendered empty. Throws UnrenderableRequestError for settings
 * validation should have refused.
 */
export function renderModule(request: TableRequest, context: RenderContext = {}): Record<string, string> {
  const model = buildModuleModel(request, context);
  const moves = movesFromPrevious(model, context);
  if (moves) model.moves = moves;
  const files: [string, string | null][] = [
    ["README.md", renderReadme(model)],
    ["alarms.tf", renderAlarmsTf(model)],
    ["autoscaling.tf", renderAutoscalingTf(model)],
    ["backup.tf", renderBackupTf(model)],
    ["iam.tf", renderIamTf(model)],
    ["imports.tf", renderImportsTf(context.importExisting)],
    ["main.tf", renderMainTf(model)],
    ["moved.tf", renderMovedTf(model)],
    ["outputs.tf", renderOutputsTf(model)],
    ["providers.tf", renderProvidersTf(model)],
    ["replicas.tf", renderReplicasTf(model)],
    ["request.json", renderRequestJson(model.requestDocument)],
    ["variables.tf", renderVariablesTf(model)],
    ["versions.tf", renderVersionsTf(model)],
  ];
  const out: Record<string, string> = {};
  for (const [path, content] of files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (content !== null) out[path] = content;
  }
  return out;
}
