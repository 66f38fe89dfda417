import "server-only";

/** Drift checks of live tables against their approved definitions, classified the DynamoDB way. */
export { checkTableDrift, type DriftCheckOptions, type DriftCheckResult } from "./check-table-drift";
