import * as z from "zod";
import {
  ChangeRequestDetailSchema,
  CostEstimateSchema,
  CreateChangeRequestBodySchema,
  DrPreviewSchema,
  FieldIssueSchema,
  RenderResultSchema,
  TransitionResultSchema,
  ValidationResultSchema,
} from "../api/schemas";
import { OperationPlanSchema, PlanContextSchema } from "../domain/plan";
import { TableRequestSchema } from "../domain/request/schema";

/**
 * The MCP tools' arguments and results, built from the REST API's and the engine's zod schemas
 * (`.pick`/`.omit`/`.extend`, never copies), so an agent sees the same contract a REST client does.
 *
 * A table request is documented with TableRequestSchema but parsed by the validator itself (the
 * REST API's `tableRequestBody`): a request that does not fit still reaches `validateTableRequest`,
 * which answers with every field's path and code instead of a bare schema error.
 */

const RequestArgument = TableRequestSchema.meta({
  description: "The table request (JSON Schema: resource tablewright://schemas/table-request).",
});

export const RequestArgsSchema = z.strictObject({ request: RequestArgument });
export const RequestArgsParseSchema = RequestArgsSchema.extend({ request: z.unknown() });

export const PlanChangeArgsSchema = z.strictObject({
  live: TableRequestSchema.nullable().meta({ description: "The table as it is in AWS; null plans a create." }),
  requested: TableRequestSchema.meta({ description: "The table as requested." }),
  context: PlanContextSchema.optional().meta({
    description: "Table size, item count, the time rate-limit windows are judged at (default: now), recent changes.",
  }),
});
export const PlanChangeArgsParseSchema = PlanChangeArgsSchema.extend({
  live: z.unknown(),
  requested: z.unknown(),
  context: z.unknown().optional(),
});

export const SubmitArgsSchema = CreateChangeRequestBodySchema.omit({ submit: true }).extend({
  draft: z.boolean().optional().meta({ description: "Keep it as a draft instead of submitting it for review." }),
  idempotencyKey: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: "Retrying with the same key returns the first result instead of a second request." }),
});
export const SubmitArgsParseSchema = SubmitArgsSchema.extend({ request: z.unknown() });

export const StatusArgsSchema = z.strictObject({
  key: z
    .string()
    .regex(/^TW-\d{1,9}$/, "a change request key such as TW-42")
    .meta({ example: "TW-42" }),
});

export const SubmitResultSchema = TransitionResultSchema.extend({
  url: z.string().meta({ description: "The change request's page in the portal." }),
  replayed: z.boolean().meta({ description: "True when an earlier call with the same idempotencyKey answered." }),
});

export const ChangeRequestStatusSchema = ChangeRequestDetailSchema.pick({
  key: true,
  title: true,
  tableName: true,
  tier: true,
  status: true,
  version: true,
  team: true,
  currentRevision: true,
  approvedRevision: true,
  approvals: true,
  availableActions: true,
}).extend({
  url: z.string(),
  revisions: z.array(z.object({ number: z.number().int(), bundleSha256: z.string(), createdAt: z.string() })),
  decisions: z.array(
    z.object({ kind: z.string(), reason: z.string(), revision: z.number().int(), by: z.string(), at: z.string() }),
  ),
});
export type ChangeRequestStatus = z.output<typeof ChangeRequestStatusSchema>;

/** What a failed tool call carries in its text content (isError: true), as JSON. */
export const ToolFailureSchema = z.object({
  code: z.string().meta({ example: "VALIDATION_FAILED" }),
  message: z.string(),
  issues: z.array(FieldIssueSchema),
});
export type ToolFailure = z.output<typeof ToolFailureSchema>;

export {
  CostEstimateSchema,
  DrPreviewSchema,
  OperationPlanSchema,
  RenderResultSchema,
  TableRequestSchema,
  ValidationResultSchema,
};
