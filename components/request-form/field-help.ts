/**
 * Inline help, drawn from shared/reference/dynamodb-facts.md (limits, what a choice costs). Prices
 * quoted are us-east-1's; the Cost tab prices the chosen Regions exactly.
 */
export const FIELD_HELP = {
  title: "A short name for the change, shown in lists and to approvers. Left empty, it is the table name and tier.",
  team: "The team that owns the table and pays for it. You can pick any team you belong to. Also fills the Team tag.",
  service: "The service or application that reads and writes the table.",
  requester: "Who asks for the table; approvers contact this person.",
  costCenter: "Charged for the table's monthly cost. Also fills the CostCenter tag below.",
  purpose: "What the table holds and who reads it. Approvers read this first.",
  tier: "Sets the policy defaults below and what the request must meet to be approved.",
  tableName:
    "3-255 characters: letters, digits, _ - and . only. Unique per account and Region; the name cannot be changed later.",
  keyName: "1-255 characters. Key attributes must be scalar and top-level.",
  keyType: "S = string, N = number, B = binary.",
  sortKey: "A sort key makes a composite primary key; LSIs need one.",
  gsi: "Default quota 20 per table (adjustable). Each GSI write is billed as an ordinary write, in every Region.",
  gsiName: "3-255 characters: letters, digits, _ - and .; unique among all indexes on the table.",
  lsi: "At most 5, created with the table only (never added later). Same partition key; item collections are capped at 10 GB per key.",
  projection:
    "ALL copies every attribute (more storage, fewer fetches); KEYS_ONLY is smallest; INCLUDE lists 1-20 attributes (at most 100 across all indexes).",
  nonKeyAttributes: "Comma-separated. 1-20 names per index; the same name in two indexes counts twice towards 100.",
  billingMode:
    "On-demand: $0.625 per million writes, $0.125 per million reads (us-east-1), no capacity planning. Provisioned: $0.00065 per WCU-hour and $0.00013 per RCU-hour, cheaper when steadily used. Switch to on-demand up to 4 times in a rolling 24 hours; back to provisioned at any time.",
  onDemandMax: "Optional cap on request units per second (at least 1; -1 removes it). Default quota 40,000.",
  capacityUnits: "At least 1. Default quota 40,000 per table or GSI. Decreases: 4 in the first hour, then 1 per hour.",
  autoscaling:
    "Recommended: without auto scaling a provisioned table throttles under load and overpays when idle. A global table must auto scale writes.",
  targetUtilization: "Percent of provisioned capacity the scaler aims for, 20-90.",
  tableClass:
    "Standard-IA: about 60% cheaper storage but about 25% dearer reads and writes. Pays off when storage dominates. At most 2 changes per 30 days.",
  pitr: "Restore to any second in the window ($0.20 per GB-month). Restores go to a new table; most finish within an hour.",
  pitrDays: "1-35 days.",
  deletionProtection: "Blocks DeleteTable until someone turns it off. Free.",
  backup: "AWS Backup plan; backups cost $0.10 per GB-month. A cross-Region copy lets the table survive a Region loss.",
  backupSchedule:
    "AWS cron expression in UTC with six fields, e.g. cron(0 3 * * ? *). Intervals under 60 minutes are refused.",
  backupRetention: "Days to keep each backup (at least 1).",
  copyRegion: "Copy every backup to a vault in another Region (transfer is charged per GB).",
  encryption:
    "AWS owned: free, no key to manage. AWS managed: KMS key alias/aws/dynamodb, KMS request charges. Customer managed: your KMS key; every replica needs its own key in its Region.",
  kmsKeyArn: "A full key ARN, arn:aws:kms:<region>:<account>:key/<id>, in the table's Region.",
  stream: "Change stream (24 h retention). A global table always has one, NEW_AND_OLD_IMAGES.",
  streamViewType: "What each record holds. Global tables require NEW_AND_OLD_IMAGES.",
  ttl: "Deletes expired items for free. The attribute holds epoch seconds as a Number. Can be switched once per hour; not supported with MRSC.",
  primaryRegion:
    "Where the table is created. DynamoDB runs in all 34 commercial Regions; opt-in Regions must be enabled on the account.",
  replicas:
    "A global table (MREC): one replica per Region, each paying replicated writes, storage and cross-Region transfer. Writes replicate in about a second.",
  propagateTags: "Off keeps the replica's tags apart (for example a different CostCenter per Region).",
  drPattern:
    "Leave it to be worked out from the Regions, PITR and backups. Naming one makes the checks confirm the request really gives it.",
  warmThroughput:
    "Pre-warms for a known peak: what can be served at once from the first second. AWS raises it with use and it can never be lowered again; raising it has a one-time price the estimate does not include. Leave empty to let AWS manage it (hashicorp/aws 6.13+ only).",
  replicaRole: "ACTIVE takes traffic; STANDBY is kept warm for failover (active-passive).",
  consistency:
    "STRONG (MRSC) gives zero RPO but needs exactly 3 Regions in one set (3 replicas, or 2 + a witness), no TTL, no LSIs, no transactions; set only at creation.",
  witness:
    "MRSC only: a witness Region instead of a third replica. It must be in the same Region set and hold no replica.",
  tags: "Up to 50 tags. Key 1-128, value up to 256 characters: letters, digits, spaces and + - = . _ : /. The aws: prefix is reserved.",
  alarms: "CloudWatch alarms for throttling, system errors and (global tables) replication latency.",
  snsTopic: "An SNS topic ARN for notifications; left empty, the module takes it as a variable.",
  workload:
    "Optional. Without it the estimate uses the tier's default workload and shows a low / expected / high range.",
  streamReads: "Reads of the change stream per second (stream read requests), if a consumer reads it.",
  itemSize:
    "Average item size in bytes as DynamoDB counts it: attribute names plus values (UTF-8), without AWS's 100-byte per-item overhead, which the estimate adds. Writes are billed per 1 KB, reads per 4 KB.",
  dataSize:
    "Give the number of items, or the raw size of all items in GB. The estimate adds AWS's overhead and the indexes.",
  itemCount: "Items in the table now. Data size = items x item size.",
  storageGb:
    "The sum of the items' sizes (1 GB = 1,073,741,824 bytes), not the billed size: the estimate adds 100 bytes per item (148 on a global table) and each index's copy.",
  monthlyGrowth:
    "Raw item data added each month, in the same GB. The 12-month projection grows storage, PITR and backups by it.",
  readsByRegion:
    "Reads served in each Region. A Region left blank shares what is left of the total evenly with the other ACTIVE Regions; a standby serves none unless you give it reads.",
  consistencyMix:
    "Shares of eventually consistent, strongly consistent and transactional reads, in percent (adding up to 100).",
} as const;
