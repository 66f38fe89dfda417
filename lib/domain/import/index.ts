/** Live tables as Tablewright sees them: the implied request (import) and the comparison (verify). */
export { addImportBlocks } from "./add-import-blocks";
export { compareLiveTable } from "./compare-live-table";
export {
  describeToTableRequest,
  type ImportedTableRequest,
  type ImportOwner,
  type ImportReplicaSettings,
} from "./describe-to-table-request";
export { diffTableShapes, type TableDifference } from "./diff-table-shapes";
export type * from "./live-table";
export { shapeFromLiveTable, shapeFromTableModel, type TableShape } from "./table-shape";
