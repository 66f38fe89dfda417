import { type TableRequest, type TableRequestInput, TableRequestSchema } from "../../request/schema";

type RegionsInput = TableRequestInput["regions"];

/** A parsed request with sensible prod-ish defaults, overridable per test. */
export function makeRequest(overrides: Partial<TableRequestInput> = {}): TableRequest {
  const base: TableRequestInput = {
    owner: { team: "orders", service: "checkout", requester: "a@example.com", costCenter: "CC-1" },
    tier: "staging",
    tableName: "orders",
    partitionKey: { name: "pk", type: "S" },
    billing: { mode: "PAY_PER_REQUEST" },
    pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 35 },
    regions: { primary: "us-east-1" },
    tags: { Team: "orders", CostCenter: "CC-1", Environment: "staging" },
  };
  return TableRequestSchema.parse({ ...base, ...overrides });
}

/** One fixture per pattern, shaped as the derivation rules expect. */
export const PATTERN_FIXTURES = {
  SINGLE_REGION_PITR: () => makeRequest(),
  BACKUP_CROSS_REGION_COPY: () =>
    makeRequest({
      backup: { enabled: true, schedule: "cron(0 3 * * ? *)", retentionDays: 35, copyRegion: "us-west-2" },
    }),
  ACTIVE_PASSIVE: () =>
    makeRequest({
      regions: {
        primary: "us-east-1",
        replicas: [{ region: "us-west-2", role: "STANDBY", tableClass: "STANDARD_INFREQUENT_ACCESS" }],
      },
    }),
  ACTIVE_ACTIVE_MREC: () =>
    makeRequest({
      regions: { primary: "us-east-1", replicas: [{ region: "eu-west-1" }, { region: "ap-southeast-2" }] },
    }),
  MRSC_WITNESS: () =>
    makeRequest({
      regions: {
        primary: "us-east-1",
        replicas: [{ region: "us-east-2" }],
        consistency: "STRONG",
        witness: "us-west-2",
      },
    }),
  MRSC_THREE: () =>
    makeRequest({
      regions: {
        primary: "eu-west-1",
        replicas: [{ region: "eu-west-2" }, { region: "eu-central-1" }],
        consistency: "STRONG",
      } satisfies RegionsInput,
    }),
} as const;
