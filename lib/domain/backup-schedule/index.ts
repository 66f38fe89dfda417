export { type CronTiming, measureCronTiming } from "./cron-calendar";
export {
  CRON_FIELD_LABELS,
  CRON_FIELDS,
  type CronField,
  type CronParseResult,
  type CronSchedule,
  parseCronExpression,
} from "./parse-cron";
export {
  type BackupScheduleCheck,
  type BackupScheduleSummary,
  checkBackupSchedule,
  summariseBackupSchedule,
} from "./read-backup-schedule";
