export { type ChangeFlag, type ChangeFlagKind, flagChangeSafety } from "./change-safety";
export { diffJson, type FieldChange } from "./diff-json";
export { diffRevisions, type FileDiff, type RevisionDiff, type RevisionSnapshot } from "./diff-revisions";
export { findIgnoredGsiChanges, ignoresGsiChanges } from "./ignored-gsi-changes";
