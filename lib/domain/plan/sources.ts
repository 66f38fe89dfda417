/**
 * Where each rule of the operation plan comes from. The short names follow
 * `shared/reference/dynamodb-facts.md` ([DG] Developer Guide, [BC] botocore API model, [TF] the
 * hashicorp/aws provider); every planned change lists the ids of the rules it relies on, so a
 * reviewer can check each claim. Where a number is our own assumption, the source says so.
 */
export interface PlanSource {
  title: string;
  url?: string;
}

export const PLAN_SOURCES = {
  updateTableOneOperation: {
    title:
      "[BC] UpdateTable: one operation per call (throughput, create one GSI, delete one GSI); while the table is UPDATING no other UpdateTable is accepted; 'You can create or delete only one global secondary index per UpdateTable operation'",
    url: "https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html",
  },
  gsiBackfill: {
    title:
      "re:Post knowledge center 'create-gsi-dynamodb': build time depends on table size, qualifying items, projected attributes and the index's write capacity; write units = item_count x max(avg item size, 1 KB) / seconds",
    url: "https://repost.aws/knowledge-center/create-gsi-dynamodb",
  },
  onDemandWarmThroughput: {
    title:
      "[DG] warm-throughput-scenarios: a new on-demand table starts at 12,000 read and 4,000 write units per second (our assumption for an on-demand index backfill rate)",
    url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/warm-throughput-scenarios.html",
  },
  warmThroughputRaise: {
    title:
      "[DG] update-warm-throughput / warm-throughput: warm throughput of a table and of each GSI is raised with UpdateTable WarmThroughput, asynchronously (Status UPDATING, then ACTIVE); 'the time to complete pre-warming depends on the values you set and the size of the table or index'; pre-warm requests 'will not interfere with any table operations'; on a global table the value applies to every replica",
    url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/update-warm-throughput.html",
  },
  warmThroughputNoDecrease: {
    title:
      "[DG] warm-throughput: DynamoDB raises warm throughput with use and it can only be increased; UpdateTable refuses a lower value ('decreasing WarmThroughput is not supported', ValidationException)",
    url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/warm-throughput.html",
  },
  providerWarmThroughputDecrease: {
    title:
      "[TF] aws_dynamodb_table (table.go): a lower table warm_throughput is ForceNewIfChange (the table is replaced) up to the fix in hashicorp/terraform-provider-aws#49032, which makes it a plan-time error instead; a lower GSI warm_throughput deletes and re-creates the index (updateDiffGSI); a removed warm_throughput block changes nothing (Optional + Computed)",
    url: "https://github.com/hashicorp/terraform-provider-aws/pull/49032",
  },
  warmThroughputPrice: {
    title:
      "DynamoDB pricing page: raising warm throughput (pre-warming) is a one-time charge; its price is not in the AWS price list file this portal prices from (shared/reference/pricing.md: 'warm-throughput pricing was not found'), so no estimate includes it",
    url: "https://aws.amazon.com/dynamodb/pricing/",
  },
  gsiDeleteBackfilling: {
    title:
      "[BC] GlobalSecondaryIndexDescription.Backfilling: a new index is CREATING until backfilled and cannot be queried before it is ACTIVE",
    url: "https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GlobalSecondaryIndexDescription.html",
  },
  providerGsiPhases: {
    title:
      "[TF] aws_dynamodb_table update (internal/service/dynamodb/table.go): deletes indexes first, then table class, then billing/capacity/stream, then creates each new index with its own UpdateTable and waits for it to be ACTIVE, then encryption, TTL, replicas, PITR",
    url: "https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/dynamodb/table.go",
  },
  providerGsiRecreate: {
    title:
      "[TF] updateDiffGSI: a change of an index's keys, projection or non-key attributes is a Delete then a Create of that index",
    url: "https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/dynamodb/table.go",
  },
  providerTimeouts: {
    title:
      "[TF] wait.go: default update timeout 60 min (each index wait), create timeout 30 min (each replica wait), PITR 20 min; DynamoDB carries on after Terraform gives up",
    url: "https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/dynamodb/wait.go",
  },
  providerForceNew: {
    title:
      "[TF] aws_dynamodb_table schema: name, hash_key, range_key and local_secondary_index are ForceNew: Terraform destroys the table and creates a new, empty one",
    url: "https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/dynamodb/table.go",
  },
  providerAttributeOnly: {
    title:
      "[TF] aws_dynamodb_table CustomizeDiff: an attribute change without an index change is cleared, so a key attribute's type change plans nothing",
    url: "https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/dynamodb/table.go",
  },
  lsiCreateOnly: {
    title:
      "[DG] LSI.md: local secondary indexes are created with the table and cannot be added, changed or deleted later",
    url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LSI.html",
  },
  capacityModeSwitch: {
    title:
      "[DG] switching.capacitymode: provisioned to on-demand up to 4 times per rolling 24 hours, on-demand to provisioned at any time; the switch takes several minutes and the table keeps serving meanwhile (facts row 10)",
    url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/switching.capacitymode.html",
  },
  capacityDecreases: {
    title:
      "[DG] ServiceQuotas: throughput decreases per table and per index: 4 at any time in a UTC day, then 1 more after each hour without a decrease (27 per day) (facts row 9)",
    url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html",
  },
  tableClass: {
    title:
      "[DG] WorkingWithTables.tableclasses: a class update is a background process, the table stays accessible, at most 2 class updates per trailing 30 days (facts row 15)",
    url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithTables.tableclasses.html",
  },
  ttlRate: {
    title:
      "[BC] UpdateTimeToLive: the change can take up to one hour to process and another UpdateTimeToLive on the table within that hour is a ValidationException (facts row 13)",
    url: "https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html",
  },
  ttlAttributeSwitch: {
    title:
      "DynamoDB refuses to enable TTL on a new attribute while it is active on another ('TimeToLive is active on a different AttributeName'): disable, wait an hour, enable (go-to-k/cdkd PR #932, govuk-one-login/authentication-api PR #5572)",
    url: "https://github.com/go-to-k/cdkd/pull/932",
  },
  providerTtlBlock: {
    title:
      "[TF] aws_dynamodb_table `ttl` is Optional+Computed with SuppressMissingOptionalConfigurationBlock: a module that leaves the block out keeps TTL as it is",
    url: "https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/dynamodb/table.go",
  },
  kmsSwitches: {
    title:
      "[DG] ServiceQuotas: encryption key switches (AWS owned, AWS managed, customer managed) 4 per 24 hours, plus 1 after 6 hours without a switch (8 per day at most) (facts row 16)",
    url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html",
  },
  providerSseBlock: {
    title:
      "[TF] aws_dynamodb_table `server_side_encryption` is Optional+Computed: a module that leaves the block out (AWS owned key) does not switch a table back from a KMS key",
    url: "https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/dynamodb/table.go",
  },
  streamsForReplicas: {
    title:
      "[DG] GlobalTables / facts (global tables): replicas replicate through a NEW_AND_OLD_IMAGES stream, which cannot be disabled while the table has replicas ('Disabling Stream is not allowed for a Global Table replica')",
    url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GlobalTables.html",
  },
  providerStreamCycle: {
    title:
      "[TF] cycleStreamEnabled: a view type change disables the stream and enables a new one (a new stream ARN; consumers must move to it)",
    url: "https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/dynamodb/table.go",
  },
  replicaAdd: {
    title:
      "[DG] GlobalTables: adding a replica copies the table into the new Region, capped at 10 TB per day per destination Region; AWS::DynamoDB::GlobalTable docs: minutes for an empty table, up to several hours for large tables",
    url: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-dynamodb-globaltable.html",
  },
  replicaIndexBuild: {
    title:
      "[DG] GlobalTables: an index is created once and built in every replica; with the UpdateTable rule (no change while UPDATING) replica changes wait until the index is ACTIVE everywhere",
    url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GlobalTables.html",
  },
  providerReplicaRecreate: {
    title:
      "[TF] updateReplica: a replica's kms_key_arn or consistency_mode change removes the replica and creates it again ('like ForceNew for the replica')",
    url: "https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/dynamodb/table.go",
  },
  replicaDeletionProtection: {
    title:
      "[DG] globaltables-bestpractices: deletion protection is set on each replica and protects it against deletion, so a protected replica is unprotected before it is removed",
    url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/globaltables-bestpractices.html",
  },
  deletionProtection: {
    title: "[BC] DeletionProtectionEnabled: a protected table cannot be deleted (so Terraform cannot replace it)",
    url: "https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html",
  },
  mrscFixed: {
    title:
      "[BC] MultiRegionConsistency / [DG] V2globaltables_HowItWorks: the consistency mode is set when the global table is created and cannot change; an existing table must be empty to become MRSC (facts, MRSC)",
    url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_HowItWorks.html",
  },
  mrscWitness: {
    title:
      "[BC] GlobalTableWitnessGroupUpdate: a witness is added only when the MRSC table is created; removing it goes with removing a replica and leaves a single-Region table",
    url: "https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GlobalTableWitnessGroupUpdate.html",
  },
  primaryRegion: {
    title:
      "Tablewright module (terraform-templates/providers.tf.ts): the table is managed through the primary Region's provider; another primary Region makes Terraform look for the table there",
  },
  pitr: {
    title:
      "[DG] PointInTimeRecovery_Howitworks: disabling PITR drops the restore window; re-enabling starts a new one (facts C)",
    url: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery_Howitworks.html",
  },
  providerModuleIgnoreGsi: {
    title:
      "Tablewright module (lib/domain/terraform/build-model.ts): with autoscaled indexes `lifecycle.ignore_changes` lists global_secondary_index, so terraform apply does not create, delete or change indexes",
  },
  providerModuleIgnoreCapacity: {
    title:
      "Tablewright module (lib/domain/terraform/build-model.ts): autoscaled read/write capacity is in `lifecycle.ignore_changes`; the autoscaling target owns it",
  },
  tagging: {
    title: "[BC] TagResource / UntagResource: tags change in place, immediately",
    url: "https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TagResource.html",
  },
  separateResources: {
    title:
      "Tablewright module: alarms, AWS Backup plan, autoscaling targets and Contributor Insights are separate resources, created, updated or deleted in place",
  },
  recordOnly: {
    title:
      "Tablewright module (terraform-templates/readme.md.ts, build-model.ts): owner, tier, workload, DR pattern, replica role and the stream-consumer flag appear only in the README and the estimates; no resource reads them",
  },
} as const satisfies Record<string, PlanSource>;

export type PlanSourceId = keyof typeof PLAN_SOURCES;
