import { checkBackupSchedule } from "../../backup-schedule";
import type { RuleContext } from "./context";

const SNS_TOPIC_ARN = /^arn:aws(?:-[a-z]+)*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(?:\.fifo)?$/;

/** AWS Backup plan (schedule, retention, copy) and the alarm notification target. */
export function checkBackupAndAlarms({ request, report }: RuleContext): void {
  const { backup, alarms } = request;
  if (backup) {
    // The whole AWS Backup grammar and its one-hour minimum, read by the same parser the DR
    // preview and the cost estimate use, so they never meet an expression validation let through.
    const schedule = checkBackupSchedule(backup.schedule);
    if (!schedule.ok) {
      report.add(schedule.code, ["backup", "schedule"], `${capitalise(schedule.message)}.`);
    }
    if (backup.retentionDays < 1) {
      report.add("BACKUP_RETENTION_INVALID", ["backup", "retentionDays"], "Keep backups at least 1 day.");
    }
    if (backup.copyRetentionDays !== undefined && backup.copyRetentionDays < 1) {
      report.add("BACKUP_RETENTION_INVALID", ["backup", "copyRetentionDays"], "Keep copies at least 1 day.");
    }
    if (backup.copyRetentionDays !== undefined && !backup.copyRegion) {
      report.add(
        "BACKUP_COPY_RETENTION_WITHOUT_REGION",
        ["backup", "copyRetentionDays"],
        "copyRetentionDays needs a copyRegion to copy to.",
      );
    }
    if (backup.enabled && backup.copyRegion === request.regions.primary) {
      report.add(
        "BACKUP_COPY_SAME_REGION",
        ["backup", "copyRegion"],
        "The copy goes to the table's own Region and would be lost with it; pick another Region.",
      );
    }
    if (!backup.enabled && backup.copyRegion) {
      report.add(
        "BACKUP_SETTINGS_WHILE_DISABLED",
        ["backup", "enabled"],
        "Backup is disabled, so nothing is copied to copyRegion; enable it or remove copyRegion.",
      );
    }
  }
  if (alarms?.notificationTopicArn !== undefined && !SNS_TOPIC_ARN.test(alarms.notificationTopicArn)) {
    report.add(
      "ALARM_TOPIC_ARN_INVALID",
      ["alarms", "notificationTopicArn"],
      "Give an SNS topic ARN, e.g. arn:aws:sns:us-east-1:123456789012:alerts.",
    );
  }
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
