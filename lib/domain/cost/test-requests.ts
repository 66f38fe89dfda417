import { type TableRequest, type TableRequestInput, TableRequestSchema } from "../request/schema";

/**
 * Builds parsed requests for the cost tests and the benchmark: a small valid base plus overrides,
 * parsed with the real schema so defaults match what the engine sees in production.
 */
export function buildCostTestRequest(overrides: Partial<TableRequestInput> = {}): TableRequest {
  const base: TableRequestInput = {
    owner: { team: "payments", service: "ledger", requester: "dev@example.com", costCenter: "CC-1" },
    tier: "dev",
    tableName: "ledger-entries",
    partitionKey: { name: "pk", type: "S" },
    billing: { mode: "PAY_PER_REQUEST" },
    regions: { primary: "us-east-1" },
  };
  return TableRequestSchema.parse({ ...base, ...overrides });
}
