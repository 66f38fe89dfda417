import { summariseBackupSchedule } from "../backup-schedule";

/** The longest gap between two backups of a schedule, which is the worst-case RPO of a backup pattern. */
export interface BackupInterval {
  /** e.g. "24 hours (daily)". */
  label: string;
  /** Worst-case gap in seconds; `null` when the expression is not one this reader understands. */
  seconds: number | null;
}

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

/**
 * States the worst-case gap between backups of an AWS Backup schedule, measured on the calendar by
 * the same parser validation uses (lib/domain/backup-schedule), so the interval is exact for every
 * expression AWS accepts (MON-FRI is 3 days: Friday to Monday). Anything the parser refuses is
 * reported as unknown rather than guessed.
 */
export function describeBackupInterval(schedule: string): BackupInterval {
  const { worstGapSeconds } = summariseBackupSchedule(schedule);
  return worstGapSeconds === undefined ? unknown(schedule) : fromSeconds(worstGapSeconds);
}

function fromSeconds(seconds: number): BackupInterval {
  return { label: labelFor(seconds), seconds };
}

function labelFor(seconds: number): string {
  if (seconds >= DAY && seconds % DAY === 0) {
    const days = seconds / DAY;
    if (days === 1) return "24 hours (daily)";
    if (days === 7) return "7 days (weekly)";
    if (days === 31) return "up to 31 days (monthly)";
    return `${days} days`;
  }
  if (seconds >= HOUR && seconds % HOUR === 0) return seconds === HOUR ? "1 hour" : `${seconds / HOUR} hours`;
  return seconds === MINUTE ? "1 minute" : `${Math.round(seconds / MINUTE)} minutes`;
}

function unknown(schedule: string): BackupInterval {
  return { label: `the interval of ${schedule}`, seconds: null };
}
