import type { z } from "zod";
import type { AssumeRoleTarget } from "../domain/accounts/account-target";
import { analyzeTableRequest, type RequestAnalysis } from "../domain/analyze-request";
import type { Permission } from "../domain/auth/permissions";
import { type PlanContext, PlanContextSchema, planTableChange } from "../domain/plan";
import type { TableRequest } from "../domain/request/schema";
import { mapZodIssues, parseTableRequest, validateTableRequest } from "../domain/validation";
import type { ValidationIssue } from "../domain/validation/types";
import type { McpBackend } from "./backend";
import {
  ChangeRequestStatusSchema,
  CostEstimateSchema,
  DrPreviewSchema,
  OperationPlanSchema,
  PlanChangeArgsParseSchema,
  PlanChangeArgsSchema,
  RenderResultSchema,
  RequestArgsParseSchema,
  RequestArgsSchema,
  StatusArgsSchema,
  SubmitArgsParseSchema,
  SubmitArgsSchema,
  SubmitResultSchema,
  ValidationResultSchema,
} from "./schemas";
import { prefixIssues, ToolError } from "./tool-error";

/** MCP's behaviour hints for a tool (they help a client decide when to ask the user first). */
export interface ToolHints {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

/** One tool: the schemas it lists, the permission it needs, and what it does with parsed arguments. */
export interface McpTool {
  name: string;
  title: string;
  description: string;
  /** The documented arguments (what `tools/list` shows). */
  input: z.ZodObject;
  output: z.ZodType;
  permission: Permission;
  hints: ToolHints;
  /** Parses the raw arguments (a failure is a ToolError with field issues) and runs the tool. */
  invoke(args: unknown, backend: McpBackend): Promise<unknown>;
}

function defineTool<TParse extends z.ZodType>(
  spec: Omit<McpTool, "invoke"> & {
    /** Parses the arguments: `input` itself, or a looser twin that leaves table requests to the validator. */
    parse: TParse;
    run(args: z.output<TParse>, backend: McpBackend): Promise<unknown> | unknown;
  },
): McpTool {
  return {
    name: spec.name,
    title: spec.title,
    description: spec.description,
    input: spec.input,
    output: spec.output,
    permission: spec.permission,
    hints: spec.hints,
    async invoke(args, backend) {
      const parsed = spec.parse.safeParse(args ?? {});
      if (!parsed.success) {
        throw new ToolError(
          "VALIDATION_FAILED",
          `the arguments of ${spec.name} do not fit its input schema`,
          mapZodIssues(parsed.error.issues, args ?? {}),
        );
      }
      return spec.run(parsed.data as z.output<TParse>, backend);
    },
  };
}

const READ_ONLY: ToolHints = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };

const errorsOf = (issues: readonly ValidationIssue[]) => issues.filter((i) => i.severity === "error");

function invalidRequest(issues: readonly ValidationIssue[], prefix = "request"): ToolError {
  return new ToolError(
    "VALIDATION_FAILED",
    "the table request has errors; fix the fields named in issues (the validate tool lists warnings too)",
    prefixIssues(prefix, errorsOf(issues)),
  );
}

/** The engine on a request; a request with errors fails with every error's path (as REST answers 422). */
function analyze(
  request: unknown,
  backend: McpBackend,
  render: boolean,
  accountTarget?: AssumeRoleTarget,
): Required<RequestAnalysis> {
  const analysis = analyzeTableRequest(request, {
    policy: backend.policy,
    render,
    ...(accountTarget ? { context: { accountTarget } } : {}),
  });
  const complete = analysis.request && analysis.estimate && analysis.drPreview && (!render || analysis.files);
  if (!analysis.valid || !complete) throw invalidRequest(analysis.issues);
  return analysis as Required<RequestAnalysis>;
}

const validateTool = defineTool({
  name: "validate",
  title: "Validate a table request",
  description:
    "Checks a DynamoDB table request against AWS limits, Terraform provider gaps and the tier policy. " +
    "Returns { valid, issues }: every issue names the field (path), a stable code and a message. " +
    "An invalid request is an answer here, not an error. Issue paths are relative to the request.",
  input: RequestArgsSchema,
  parse: RequestArgsParseSchema,
  output: ValidationResultSchema,
  permission: "requests.read",
  hints: { ...READ_ONLY, openWorldHint: true },
  async run({ request }, backend) {
    const result = validateTableRequest(request, backend.policy);
    if (!result.request || !backend.checkLive) return { valid: result.valid, issues: result.issues };
    const issues = [...result.issues, ...(await backend.checkLive(result.request))];
    return { valid: !issues.some((i) => i.severity === "error"), issues };
  },
});

const estimateTool = defineTool({
  name: "estimate",
  title: "Estimate a table's monthly AWS cost",
  description:
    "Monthly cost per Region with the working behind each line (quantity, unit price, formula), the other " +
    "billing mode and table class, and the assumptions. Fails with field issues when the request is invalid.",
  input: RequestArgsSchema,
  parse: RequestArgsParseSchema,
  output: CostEstimateSchema,
  permission: "requests.read",
  hints: READ_ONLY,
  run: ({ request }, backend) => analyze(request, backend, false).estimate,
});

const drPreviewTool = defineTool({
  name: "dr-preview",
  title: "Preview disaster recovery",
  description:
    "What happens when a Region fails: each Region's role, RPO and RTO with their AWS basis, the failover " +
    "runbook, replication and backup links. Fails with field issues when the request is invalid.",
  input: RequestArgsSchema,
  parse: RequestArgsParseSchema,
  output: DrPreviewSchema,
  permission: "requests.read",
  hints: READ_ONLY,
  run: ({ request }, backend) => analyze(request, backend, false).drPreview,
});

const renderTool = defineTool({
  name: "render",
  title: "Render the Terraform module",
  description:
    "The Terraform module for a valid request as files (path -> content: versions.tf, providers.tf, main.tf, " +
    "variables.tf, outputs.tf, README.md, ...), plus the validator's warnings. Same request, same bytes.",
  input: RequestArgsSchema,
  parse: RequestArgsParseSchema,
  output: RenderResultSchema,
  permission: "requests.read",
  hints: READ_ONLY,
  async run({ request }, backend) {
    // Inside the portal, the module targets the account its team and tier are mapped to.
    const parsed = backend.accountTargetFor ? validateTableRequest(request, backend.policy).request : undefined;
    const accountTarget = parsed && backend.accountTargetFor ? await backend.accountTargetFor(parsed) : undefined;
    const analysis = analyze(request, backend, true, accountTarget);
    return { files: analysis.files, warnings: analysis.issues.filter((i) => i.severity === "warning") };
  },
});

function parseLive(live: unknown): TableRequest | null {
  if (live === null) return null;
  const parsed = parseTableRequest(live);
  if (!parsed.success)
    throw new ToolError(
      "VALIDATION_FAILED",
      "the live definition is not a table request",
      prefixIssues("live", parsed.issues),
    );
  return parsed.request;
}

function parseContext(context: unknown): PlanContext {
  const raw = context === undefined ? {} : context;
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new ToolError("VALIDATION_FAILED", "the context must be an object", [
      { path: "context", code: "SCHEMA_INVALID_TYPE", message: "Expected object." },
    ]);
  }
  const withNow = { now: new Date().toISOString(), ...(raw as Record<string, unknown>) };
  const parsed = PlanContextSchema.safeParse(withNow);
  if (!parsed.success)
    throw new ToolError(
      "VALIDATION_FAILED",
      "the plan context is invalid",
      prefixIssues("context", mapZodIssues(parsed.error.issues, withNow)),
    );
  return parsed.data;
}

const planChangeTool = defineTool({
  name: "plan-change",
  title: "Plan a change to a live table",
  description:
    "The operation plan from a live table definition to a requested one: every difference classified by " +
    "DynamoDB's and the Terraform provider's rules, the ordered steps with durations and availability, one " +
    "intermediate definition per apply, and a risk level (low, medium, high, destructive). Offline.",
  input: PlanChangeArgsSchema,
  parse: PlanChangeArgsParseSchema,
  output: OperationPlanSchema,
  permission: "requests.read",
  hints: READ_ONLY,
  run(args, backend) {
    const live = parseLive(args.live);
    // As `tablewright plan-change`: AWS and provider errors block a plan; a tier-policy refusal does
    // not (the live table may predate the policy) and is carried as a warning.
    const requested = validateTableRequest(args.requested, backend.policy);
    const blocking = errorsOf(requested.issues).filter((i) => i.source !== "policy");
    if (!requested.request || blocking.length > 0) throw invalidRequest(blocking, "requested");
    const plan = planTableChange(live, requested.request, parseContext(args.context));
    const refusals = errorsOf(requested.issues).filter((i) => i.source === "policy");
    return {
      ...plan,
      warnings: [
        ...plan.warnings,
        ...refusals.map((i) => `The tier policy refuses ${i.code} at requested.${i.path}: ${i.message}`),
      ],
    };
  },
});

const submitTool = defineTool({
  name: "submit",
  title: "Submit a table request to the portal",
  description:
    "Creates a change request from a table request and submits it for review (draft: true keeps it a draft). " +
    "Needs a token with the write scope. Returns the key (TW-n), status and the page URL. Field problems " +
    "come back as an error whose issues name request.<field>.",
  input: SubmitArgsSchema,
  parse: SubmitArgsParseSchema,
  output: SubmitResultSchema,
  permission: "requests.write",
  hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  run: (args, backend) =>
    backend.submit({
      request: args.request,
      title: args.title,
      draft: args.draft === true,
      idempotencyKey: args.idempotencyKey,
    }),
});

const statusTool = defineTool({
  name: "status",
  title: "Show a change request's status",
  description:
    "A change request's status, approvals, revisions with their bundle checksums, decisions and what can be " +
    "done next, e.g. to wait for approval.",
  input: StatusArgsSchema,
  parse: StatusArgsSchema,
  output: ChangeRequestStatusSchema,
  permission: "requests.read",
  hints: { ...READ_ONLY, idempotentHint: false, openWorldHint: true },
  run: ({ key }, backend) => backend.status(key),
});

/** Every tool, in the order `tools/list` gives them. */
export const MCP_TOOLS: readonly McpTool[] = [
  validateTool,
  estimateTool,
  drPreviewTool,
  renderTool,
  planChangeTool,
  submitTool,
  statusTool,
];
