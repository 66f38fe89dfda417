export { buildRenderContext } from "./build-context";
export { buildModuleModel, deriveKeyAttributes } from "./build-model";
export { UNRENDERABLE_CODES, type UnrenderableCode, UnrenderableRequestError } from "./errors";
export type { CostSummary, DrSummary, ModuleModel, RenderContext } from "./model";
export { computeProviderFloor } from "./provider-version";
export { renderModule } from "./render-module";
