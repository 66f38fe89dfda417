export {
  assessChangeSafety,
  type ChangeFlag,
  type ChangeFlagKind,
  type ChangeSafety,
  type ChangeSafetyBaseline,
  type ChangeSafetyInput,
  flagChangeSafety,
} from "./change-safety";
export { type CostChange, diffCost, type RegionCostChange } from "./diff-cost";
export { diffJson, type FieldChange } from "./diff-json";
export {
  diffRevisions,
  type FileDiff,
  type LabelledFieldChange,
  type RevisionDiff,
  type RevisionSnapshot,
} from "./diff-revisions";
export { findIgnoredGsiChanges, ignoresGsiChanges } from "./ignored-gsi-changes";
