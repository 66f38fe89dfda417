export { createInventoryDriftSource, inventoryDriftSource, liveStatusAfterCheck } from "./drift-check-source";
export { getManagedTable, loadTableForChange, type ManagedTableDetail, tableIdParam } from "./get-managed-table";
export { listManagedTables, type ManagedTableListItem, type TableListFilters } from "./list-managed-tables";
export {
  type DriftResolution,
  type DriftResolutionKind,
  isDriftResolutionKind,
  type LiveReadOptions,
  loadDriftResolution,
  loadRevertPlanning,
} from "./load-drift-resolution";
export { recordApprovedTable, recordTableVerification } from "./record-approved-table";
export {
  assertPlanningCurrent,
  assertTableNotManaged,
  loadManagedBaseline,
  loadPlanning,
  type Planning,
} from "./table-records";
