import "server-only";

/** Drift checks of live tables against their approved definitions, classified the DynamoDB way. */
export { checkTableDrift, type DriftCheckOptions, type DriftCheckResult } from "./check-table-drift";
export {
  currentManagedTableSource,
  type DriftCheckRecord,
  type ManagedTableForDrift,
  type ManagedTableSource,
  registerManagedTableSource,
} from "./managed-table-source";
export {
  type DriftJobDeps,
  type DriftSettings,
  driftPlanEveryMinutes,
  driftSettingsFromEnv,
  planScheduledDriftChecks,
  runScheduledDriftCheck,
  type ScheduledDriftCheckOutcome,
} from "./scheduled-drift-checks";
