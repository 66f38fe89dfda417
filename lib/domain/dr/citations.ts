/**
 * The AWS-documented basis of every DR claim the preview makes, as citation strings. Each string
 * names its source the way `shared/reference/dynamodb-facts.md` does ([DG] Developer Guide page,
 * [BC] botocore API model, [TF] Terraform provider, re:Post), so a reviewer can check it; where
 * that file marks a fact as uncertain or not found, the string says so instead of guessing.
 */
export const CITATIONS = {
  pitrRestorePoint:
    "DG PointInTimeRecovery_Howitworks: LatestRestorableDateTime typically 5 minutes before current time; per-second restore points over 1-35 days",
  pitrRestoreTime:
    "DG PointInTimeRecovery_Howitworks: restores go to a new table; 95 percent of restores complete in less than one hour, not tied to table size",
  restoreReapply:
    "DG PointInTimeRecovery_Howitworks / CreateBackup: a restored table is a new table; auto scaling, IAM policies, CloudWatch alarms, tags, streams, TTL and PITR must be re-applied",
  manualBackupOnly:
    "DG BackupRestore (CreateBackup): without PITR or a backup plan, the only restore points are on-demand backups someone took by hand; a restore goes to a new table (no restore-time figure is published for it)",
  singleRegionSla: "DG (facts C): a single-Region table has a 99.99% availability SLA",
  noCopyOutsideRegion:
    "facts C (Single Region + PITR): PITR restore points and on-demand backups live in the table's Region; a Region outage has no failover target",
  backupSchedule:
    "facts C (AWS Backup + cross-Region copy): RPO is the backup schedule; AWS Backup rejects intervals under 60 minutes (re:Post, not official AWS docs)",
  backupRestore:
    "facts C (AWS Backup + cross-Region copy): the copy is already in the target Region, then a restore to a new table (same restore-time class as PITR: 95 percent under one hour)",
  backupAdvancedFeatures:
    "facts C: cross-Region copy of DynamoDB backups needs AWS Backup advanced features (opt-in); the copy vault uses a KMS key separate from the table's",
  replicationLatency:
    "DG GlobalTables / V2globaltables_reqs_bestpractices: replication usually within a second, 0.5-2.5 s within one geography; no SLA on ReplicationLatency",
  unreplicatedWrites:
    "DG GlobalTables (facts C active-passive): unreplicated writes from a failed Region are delivered when it recovers",
  everyReplicaWritable:
    "DG V2globaltables_reqs_bestpractices: every MREC replica is always writable, so failover is a traffic shift (minutes), not a promotion",
  mrecRouteAway: "DG GlobalTables (facts C active-active): near-zero RTO by routing away; 99.999% availability SLA",
  lastWriterWins:
    "DG GlobalTables: MREC settles concurrent writes to the same item by last writer wins; transactions are atomic only in the Region where they ran",
  mrscZeroRpo:
    "BC MultiRegionConsistency / DG V2globaltables_HowItWorks (facts C MRSC): writes replicate synchronously to at least one other Region before they are acknowledged: RPO zero",
  mrscRto: "facts C MRSC: near-zero RTO; any two of the three Regions keep the write quorum",
  mrscWriteConflict:
    "BC: under MRSC a concurrent write to the same item from another Region fails with ReplicatedWriteConflictException",
  mrscLatency: "facts C MRSC: writes have higher latency (synchronous to at least one other Region)",
  mrscRegions:
    "BC CreateGlobalTableWitnessGroupMemberAction / MultiRegionConsistency: exactly 3 Regions (3 replicas, or 2 + 1 witness) in one Region set (US, EU or AP)",
  mrscUnsupported:
    "DG V2globaltables_HowItWorks (quoted in secondary sources): TTL, LSIs and transaction APIs are not supported under MRSC",
  witnessPrice: "facts B/C: the MRSC witness price was not found in AWS sources; it is not in the estimate",
  standardIa:
    "AWS Database Blog (Standard-IA): ~60% lower storage, ~25% higher read and write prices; TF replica blocks have no table class, so the module renders aws_dynamodb_table_replica table_class_override",
  pitrOneRegionEnough:
    "DG V2globaltables_reqs_bestpractices: for a global table, PITR or backups in one Region is enough",
  controlPlane:
    "TF aws_dynamodb_table: the module manages the global table from the primary Region's provider; replicas are replica blocks on that resource or aws_dynamodb_table_replica resources (docs/terraform-module.md)",
} as const;
