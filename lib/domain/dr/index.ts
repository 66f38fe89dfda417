/** DR preview: what happens to a table request when a Region fails. */
export { describeBackupInterval } from "./backup-interval";
export { buildDrPreview, type DrCostInput, type DrPreviewOptions } from "./build-preview";
export {
  checkPreviewIssues,
  describePatternMismatch,
  explainPatternMismatch,
  type PatternMismatch,
  type PatternMismatchKind,
  previewOnlyIssues,
} from "./check-pattern";
export { CITATIONS } from "./citations";
export { deriveDrPattern, hasCrossRegionBackupCopy, survivesRegionLoss } from "./derive-pattern";
export {
  DIAGRAM,
  type DrDiagramEdge,
  type DrDiagramLayout,
  type DrDiagramNode,
  type DrLayoutOptions,
  describeDrDiagram,
  layoutDrDiagram,
  ROLE_LABELS,
} from "./layout";
export { DR_PATTERN_INFO, type DrPatternInfo } from "./patterns";
export { type DrSummaryLine, toDrSummary } from "./to-dr-summary";
export * from "./types";
