import { summariseBackupSchedule } from "../backup-schedule";

/**
 * Backups per day from an AWS Backup schedule expression, to count retained backups. Counted on the
 * calendar by the parser validation uses (lib/domain/backup-schedule); an expression it cannot read
 * counts as daily and says so.
 */
export interface BackupFrequency {
  perDay: number;
  /** Set when the expression was not understood and daily was assumed. */
  assumedDaily?: boolean;
}

/** How many backups a schedule takes per day on average. */
export function backupsPerDay(schedule: string): BackupFrequency {
  const { backupsPerDay: perDay } = summariseBackupSchedule(schedule);
  return perDay === undefined || perDay <= 0 ? { perDay: 1, assumedDaily: true } : { perDay };
}
