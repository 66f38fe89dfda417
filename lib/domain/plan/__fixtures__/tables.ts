import { type TableRequest, type TableRequestInput, TableRequestSchema } from "../../request/schema";

/** Test fixtures: three live tables the table-driven tests change one field at a time. */

const owner = { team: "orders", service: "order-api", requester: "li.wei@example.com", costCenter: "CC-2001" };

/** A single-Region on-demand table with one index, TTL off and a stream read by a consumer. */
export function onDemandTable(): TableRequest {
  return TableRequestSchema.parse({
    owner,
    tier: "prod",
    tableName: "orders-prod",
    partitionKey: { name: "PK", type: "S" },
    sortKey: { name: "SK", type: "S" },
    globalSecondaryIndexes: [
      {
        name: "by-customer",
        partitionKey: { name: "customerId", type: "S" },
        sortKey: { name: "createdAt", type: "N" },
        projection: { type: "INCLUDE", nonKeyAttributes: ["status", "total"] },
      },
    ],
    billing: { mode: "PAY_PER_REQUEST" },
    stream: { enabled: true, viewType: "NEW_IMAGE", hasConsumer: true },
    pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 35 },
    encryption: { type: "AWS_MANAGED" },
    deletionProtection: false,
    regions: { primary: "us-east-1" },
    backup: { enabled: true, retentionDays: 35, copyRegion: "us-west-2" },
    alarms: { enabled: true },
    tags: { Team: "orders", Environment: "prod" },
  } satisfies TableRequestInput);
}

/** A provisioned table (fixed units, no autoscaling) with one provisioned index. */
export function provisionedTable(): TableRequest {
  return TableRequestSchema.parse({
    owner,
    tier: "prod",
    tableName: "orders-prod",
    partitionKey: { name: "PK", type: "S" },
    globalSecondaryIndexes: [
      {
        name: "by-status",
        partitionKey: { name: "status", type: "S" },
        projection: { type: "KEYS_ONLY" },
        capacity: { read: { units: 50 }, write: { units: 20 } },
      },
    ],
    billing: { mode: "PROVISIONED", read: { units: 100 }, write: { units: 50 } },
    pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 35 },
    deletionProtection: true,
    regions: { primary: "us-east-1" },
    tags: { Team: "orders" },
  } satisfies TableRequestInput);
}

/** An eventually consistent global table (two replicas, one protected) with a customer-managed key. */
export function globalTable(): TableRequest {
  return TableRequestSchema.parse({
    owner,
    tier: "prod",
    tableName: "sessions-global",
    partitionKey: { name: "sessionId", type: "S" },
    billing: { mode: "PAY_PER_REQUEST" },
    pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 35 },
    encryption: { type: "CUSTOMER_MANAGED", kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/1111aaaa-2222" },
    deletionProtection: false,
    regions: {
      primary: "us-east-1",
      replicas: [
        { region: "eu-west-1", kmsKeyArn: "arn:aws:kms:eu-west-1:123456789012:key/2222bbbb-3333" },
        {
          region: "ap-southeast-2",
          kmsKeyArn: "arn:aws:kms:ap-southeast-2:123456789012:key/3333cccc-4444",
          deletionProtection: true,
        },
      ],
    },
    tags: { Team: "identity" },
  } satisfies TableRequestInput);
}

/** An MRSC table: two replicas and a witness in the US Region set. */
export function mrscTable(): TableRequest {
  return TableRequestSchema.parse({
    owner,
    tier: "prod",
    tableName: "ledger",
    partitionKey: { name: "accountId", type: "S" },
    billing: { mode: "PAY_PER_REQUEST" },
    pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 35 },
    regions: { primary: "us-east-1", replicas: [{ region: "us-east-2" }], consistency: "STRONG", witness: "us-west-2" },
  } satisfies TableRequestInput);
}

/** A copy of `base` changed by `edit`. */
export function changed(base: TableRequest, edit: (r: TableRequest) => void): TableRequest {
  const copy = structuredClone(base);
  edit(copy);
  return TableRequestSchema.parse(copy);
}
