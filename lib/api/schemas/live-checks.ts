import * as z from "zod";

/** Live checks against AWS: their status, verifying an applied table, adopting an existing one. */

export const LiveCheckStatusSchema = z
  .object({
    enabled: z.boolean(),
    mode: z.enum(["off", "endpoint", "aws"]),
    message: z.string(),
    endpoint: z.string().optional(),
  })
  .meta({ id: "LiveCheckStatus" });

export const VerificationResultSchema = z
  .looseObject({
    key: z.string(),
    revisionNumber: z.number().int(),
    verified: z.boolean(),
    recorded: z
      .boolean()
      .meta({ description: "Whether the result was recorded (VERIFIED / DRIFTED) on the timeline." }),
    status: z.string(),
    checkedAt: z.string(),
    tableMissing: z.boolean().optional(),
    unavailable: z.object({ reason: z.string() }).optional().meta({ description: "Set when the check could not run." }),
    differences: z.array(z.looseObject({ path: z.string(), expected: z.unknown(), actual: z.unknown() })),
  })
  .meta({ id: "VerificationResult" });

export const ImportBodySchema = z
  .strictObject({
    region: z.string().max(40).meta({ example: "us-east-1" }),
    tableName: z.string().min(1).max(255),
    team: z.string().min(1).max(100).meta({ description: "The owning team's slug; you must be a member." }),
    tier: z.enum(["dev", "staging", "prod"]),
    service: z.string().max(200).optional(),
    costCenter: z.string().max(200).optional(),
    requester: z.string().max(320).optional(),
    purpose: z.string().max(4000).optional(),
    title: z.string().max(200).optional(),
    submit: z.boolean().optional(),
  })
  .meta({ id: "ImportTable" });

export const ImportResultSchema = z
  .looseObject({
    key: z.string(),
    status: z.string(),
    version: z.number().int(),
    currentRevision: z.number().int(),
    request: z.looseObject({}),
    notes: z.array(z.string()),
  })
  .meta({ id: "ImportResult" });

export type LiveCheckStatusView = z.infer<typeof LiveCheckStatusSchema>;
