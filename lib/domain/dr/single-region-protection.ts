import type { TableRequest } from "../request/schema";
import type { BackupInterval } from "./backup-interval";
import { CITATIONS } from "./citations";
import type { Objective } from "./types";

/** How a one-Region table can be brought back after bad writes: what the request really turns on. */
export type SingleRegionProtection = "PITR_AND_BACKUP" | "PITR" | "BACKUP" | "NONE";

/** What the name, summary and objectives of a one-Region pattern say, for the protection it really has. */
export interface SingleRegionWording {
  protection: SingleRegionProtection;
  name: string;
  summary: string;
  rpo: Objective;
  rto: Objective;
}

/** Which restore sources the request turns on in its (only) Region. */
export function singleRegionProtectionOf(request: Pick<TableRequest, "pointInTimeRecovery" | "backup">) {
  const pitr = request.pointInTimeRecovery.enabled;
  const backup = Boolean(request.backup?.enabled);
  if (pitr && backup) return "PITR_AND_BACKUP";
  if (pitr) return "PITR";
  if (backup) return "BACKUP";
  return "NONE";
}

/**
 * The name, summary and recovery objectives of the single-Region pattern as the request realises
 * it. The pattern is called "Single Region with PITR" in AWS guidance, but a request may turn PITR
 * off: then it must not be called that, and its RPO is the backup schedule (or the last manual
 * backup), not PITR's five minutes.
 */
export function describeSingleRegion(
  request: Pick<TableRequest, "pointInTimeRecovery" | "backup">,
  interval: BackupInterval | undefined,
): SingleRegionWording {
  const protection = singleRegionProtectionOf(request);
  const regionLoss = "not against the loss of the Region";
  const gap = interval?.label ?? "the backup interval";
  const pitrRpo: Objective = { value: "About 5 minutes (PITR)", basis: CITATIONS.pitrRestorePoint };
  const pitrRto: Objective = {
    value: "Under 1 hour for 95% of restores, plus re-configuration",
    basis: CITATIONS.pitrRestoreTime,
  };
  switch (protection) {
    case "PITR_AND_BACKUP":
      return {
        protection,
        name: "Single Region with PITR and AWS Backup",
        summary: `One table in one Region with point-in-time recovery and scheduled AWS Backup backups kept in the same Region. Protects against bad writes and deletes, ${regionLoss}.`,
        rpo: pitrRpo,
        rto: pitrRto,
      };
    case "PITR":
      return {
        protection,
        name: "Single Region with PITR",
        summary: `One table in one Region with point-in-time recovery. Protects against bad writes and deletes, ${regionLoss}.`,
        rpo: pitrRpo,
        rto: pitrRto,
      };
    case "BACKUP":
      return {
        protection,
        name: "Single Region with AWS Backup (PITR off)",
        summary: `One table in one Region; PITR is off, so AWS Backup's scheduled backups in the same Region are the only restore points. Protects against bad writes and deletes up to ${gap} back, ${regionLoss}.`,
        rpo: { value: `Up to ${gap} (the AWS Backup schedule; PITR is off)`, basis: CITATIONS.backupSchedule },
        rto: {
          value: "Under 1 hour for 95% of restores from the latest backup, plus re-configuration",
          basis: CITATIONS.backupRestore,
        },
      };
    case "NONE":
      return {
        protection,
        name: "Single Region without PITR or backups",
        summary:
          "One table in one Region with neither PITR nor scheduled backups: a bad write or delete can be undone only from a manual backup, if someone took one, and the loss of the Region is not covered.",
        rpo: {
          value: "Everything since the last manual backup (PITR and AWS Backup are off)",
          basis: CITATIONS.manualBackupOnly,
        },
        rto: {
          value: "Only from a manual backup, if one exists: a restore into a new table, plus re-configuration",
          basis: CITATIONS.manualBackupOnly,
        },
      };
  }
}
