import * as z from "zod";

/**
 * The parts of `terraform show -json <planfile>` the attestation reads (Terraform's JSON output
 * format 1.x). Objects are loose: Terraform adds fields over time and the check reads only these.
 * Bounds keep a hostile document from costing more than a real plan of a large stack would.
 */
const MAX_RESOURCES = 5000;

export const PLAN_ACTIONS = ["no-op", "create", "read", "update", "delete", "forget"] as const;

const JsonRecord = z.record(z.string(), z.unknown());

export const PlanResourceChangeSchema = z.looseObject({
  address: z.string().min(1).max(1000),
  module_address: z.string().max(1000).optional(),
  mode: z.enum(["managed", "data"]),
  type: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  change: z.looseObject({
    actions: z.array(z.enum(PLAN_ACTIONS)).min(1).max(2),
    after: JsonRecord.nullable().optional(),
    after_unknown: z.unknown().optional(),
  }),
});
export type PlanResourceChange = z.output<typeof PlanResourceChangeSchema>;

const ProviderConfigSchema = z.looseObject({
  name: z.string().max(200),
  full_name: z.string().max(300).optional(),
  alias: z.string().max(200).optional(),
  version_constraint: z.string().max(300).optional(),
  expressions: z
    .looseObject({ region: z.looseObject({ constant_value: z.unknown().optional() }).optional() })
    .optional(),
});

const ConfigResourceSchema = z.looseObject({
  address: z.string().max(1000),
  provider_config_key: z.string().max(300).optional(),
});

/**
 * Configuration modules, three levels deep (root, child, grandchild): JSON Schema (OpenAPI) cannot
 * be generated from a recursive zod schema here, and a table module sits at most that deep.
 */
const configLevel = (inner?: z.ZodType) =>
  z.looseObject({
    resources: z.array(ConfigResourceSchema).max(MAX_RESOURCES).optional(),
    ...(inner ? { module_calls: z.record(z.string(), z.looseObject({ module: inner.optional() })).optional() } : {}),
  });
const ConfigModuleSchema = configLevel(configLevel(configLevel()));

export const TerraformPlanSchema = z
  .looseObject({
    format_version: z.string().regex(/^1\.\d+$/, "must be a Terraform JSON output format 1.x"),
    terraform_version: z.string().regex(/^\d+\.\d+\.\d+/, "must be a Terraform version like 1.11.4"),
    resource_changes: z.array(PlanResourceChangeSchema).max(MAX_RESOURCES).default([]),
    configuration: z
      .looseObject({
        provider_config: z.record(z.string(), ProviderConfigSchema).optional(),
        root_module: ConfigModuleSchema.optional(),
      })
      .optional(),
    errored: z.boolean().optional(),
  })
  .meta({ id: "TerraformPlan", description: "The output of `terraform show -json <planfile>` (format 1.x)." });
export type TerraformPlan = z.output<typeof TerraformPlanSchema>;

export const ATTESTATION_VERDICTS = ["ATTESTED", "VIOLATIONS"] as const;

export const FINDING_CODES = [
  "PLAN_ERRORED",
  "TABLE_NOT_IN_PLAN",
  "TABLE_REPLACED",
  "TABLE_DELETED",
  "RESOURCE_DELETED",
  "RESOURCE_REPLACED",
  "RESOURCE_MISSING",
  "RESOURCE_EXTRA",
  "ATTRIBUTE_MISMATCH",
  "ATTRIBUTE_UNKNOWN",
  "REPLICA_MISSING",
  "REPLICA_EXTRA",
  "PROVIDER_VERSION_BELOW_FLOOR",
  "PROVIDER_VERSION_UNCONSTRAINED",
  "PROVIDER_MAJOR_MISMATCH",
  "TERRAFORM_VERSION_UNSUPPORTED",
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export const AttestationFindingSchema = z
  .strictObject({
    path: z.string().meta({
      description:
        'What the finding is about: a request field (`billing.mode`, `globalSecondaryIndexes["by-status"].projection.type`), a resource (`resources["aws_sns_topic.x"]`) or the provider (`provider.aws.version`).',
    }),
    code: z.enum(FINDING_CODES),
    message: z.string(),
    expected: z.string().optional().meta({ description: "What the approved revision says, for people." }),
    actual: z.string().optional().meta({ description: "What the plan would do, for people." }),
  })
  .meta({ id: "AttestationFinding" });
export type AttestationFinding = z.output<typeof AttestationFindingSchema>;

export const AttestationResultSchema = z
  .strictObject({
    verdict: z.enum(ATTESTATION_VERDICTS),
    findings: z.array(AttestationFindingSchema),
    terraformVersion: z.string(),
    moduleAddress: z.string().meta({ description: 'Where the table module sits in the plan: "" for the root.' }),
    resourcesChecked: z.number().int().min(0),
  })
  .meta({ id: "AttestationResult" });
export type AttestationResult = z.output<typeof AttestationResultSchema>;
