/** The inventory of managed tables: pure rules shared by the server, the pages and the form. */
export {
  findTableCollision,
  type ManagedTableRef,
  requestRegions,
  TABLE_ALREADY_MANAGED,
} from "./find-table-collision";
export {
  isTableLiveStatus,
  TABLE_LIVE_STATUS_LABELS,
  TABLE_LIVE_STATUSES,
  type TableLiveStatus,
} from "./live-status";
export { recentChangesFromHistory, type TableHistoryEntry } from "./recent-changes";
