/** Drift the DynamoDB way: each difference between an approved table and the live one, classified. */

export { adoptLiveDefinition, LIVE_DESCRIBED_FIELDS } from "./adopt-live-definition";
export { classifyDifferences, type DriftFinding, splitDriftPath } from "./classify-differences";
export {
  classifyDrift,
  classifyDriftFromDifferences,
  classifyMissingTable,
  type DriftReport,
  summarizeDrift,
} from "./classify-drift";
export { DRIFT_CLASS_INFO, DRIFT_CLASSES, type DriftClass, type DriftClassInfo, driftSeverity } from "./drift-classes";
export {
  DEFAULT_DRIFT_PLAN_EVERY_MINUTES,
  DEFAULT_DRIFT_SCHEDULE,
  DRIFT_PLAN_EVERY_MINUTES_ALLOWED,
  type DriftCandidate,
  type DriftOutcome,
  type DriftPlanOptions,
  type DriftSchedule,
  driftFingerprint,
  driftNotificationFor,
  type ParsedDriftSchedule,
  type PlannedDriftCheck,
  parseDriftSchedule,
  planDriftChecks,
} from "./drift-schedule";
export { DEFAULT_WARM_THROUGHPUT, observeAwsAdjustments } from "./observe-aws-adjustments";
