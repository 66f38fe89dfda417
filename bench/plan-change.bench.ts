import { planTableChange } from "../lib/domain/plan";
import { type TableRequest, TableRequestSchema } from "../lib/domain/request/schema";
import { buildMaximalRequest, buildTypicalRequest } from "./fixtures/maximal-request";
import { isMain } from "./lib/is-main";
import { formatMeasurements, type Measurement, measure } from "./lib/measure";

// The operation plan is recomputed as the user edits a change to a live table, next to the
// estimate and the DR preview: it must stay well below a frame too.
export const PLAN_TARGETS = { "plan typical change": 0.5, "plan maximal change": 2 };

/** The scenario: two new indexes and a switch from provisioned to on-demand. */
function typicalPair(): [TableRequest, TableRequest] {
  const requested = TableRequestSchema.parse(buildTypicalRequest());
  const live = structuredClone(requested);
  live.billing = { mode: "PROVISIONED", read: { units: 100 }, write: { units: 50 } };
  live.globalSecondaryIndexes = [];
  return [live, requested];
}

/** The maximal request against a live table that differs in almost every field. */
function maximalPair(): [TableRequest, TableRequest] {
  const requested = TableRequestSchema.parse(buildMaximalRequest());
  const live = structuredClone(requested);
  live.globalSecondaryIndexes = live.globalSecondaryIndexes.slice(0, 2);
  live.regions.replicas = live.regions.replicas.slice(0, 1);
  live.tags = {};
  live.pointInTimeRecovery = { enabled: false, recoveryPeriodInDays: 35 };
  live.tableClass = live.tableClass === "STANDARD" ? "STANDARD_INFREQUENT_ACCESS" : "STANDARD";
  return [live, requested];
}

export function runPlanBench(): Measurement[] {
  const context = { tableSizeGb: 120, itemCount: 60_000_000, now: "2026-12-05T10:00:00Z" };
  const [typicalLive, typical] = typicalPair();
  const [maximalLive, maximal] = maximalPair();
  return [
    measure("plan typical change", () => planTableChange(typicalLive, typical, context), {
      iterations: 5_000,
      warmup: 500,
    }),
    measure("plan maximal change", () => planTableChange(maximalLive, maximal, context), {
      iterations: 1_000,
      warmup: 100,
    }),
  ];
}

if (isMain(import.meta.url)) console.log(formatMeasurements(runPlanBench(), PLAN_TARGETS));
