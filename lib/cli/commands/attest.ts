import { attestPlan, MAX_PLAN_BYTES, TerraformPlanSchema } from "../../domain/attest";
import { TableRequestSchema } from "../../domain/request/schema";
import { UnrenderableRequestError } from "../../domain/terraform";
import { parseArgs } from "../args";
import { type CliCommand, EXIT } from "../command";
import { readJsonInput } from "../read-input";

const USAGE = `Usage: tablewright attest <plan.json | -> --request <request.json> [--aws-provider 5|6]

Checks a Terraform plan (the output of \`terraform show -json plan.out\`) against a table request,
offline: the resources and what Terraform will do to them (no table delete or replace), the table's
settings field by field, resources the rendered module does not declare, and the hashicorp/aws
version the configuration allows. Prints {"verdict": "ATTESTED" | "VIOLATIONS", "findings": [...]}
as JSON on standard output.

Arguments:
  <plan.json>            the plan as JSON; - reads standard input
  --request <file>       the approved table request (e.g. the module's request.json)
  --aws-provider 5|6     hashicorp/aws major the module was rendered for (default 6)

Offline there is no operation plan: any table delete or replace is a violation. The portal's
POST /api/v1/change-requests/{key}/revisions/{n}/plans also allows what the revision's plan allows.

Exit codes: 0 attested, 1 violations, 2 unreadable input, not JSON, or not a plan or a request.`;

/** `tablewright attest`: the plan attestation on local files. */
export const attestCommand: CliCommand = {
  name: "attest",
  usage: USAGE,
  run: async (args, io) => {
    const { positional, flags } = parseArgs(args);
    const fail = (message: string) => {
      io.stderr(`tablewright attest: ${message}\n`);
      return EXIT.unreadable;
    };
    if (positional.length !== 1) return fail(`give exactly one plan file or -\n\n${USAGE}`);
    const requestFlag = flags.request;
    if (typeof requestFlag !== "string" || requestFlag === "")
      return fail(`--request <request.json> is required\n\n${USAGE}`);
    const providerFlag = flags["aws-provider"] ?? "6";
    if (providerFlag !== "5" && providerFlag !== "6")
      return fail(`--aws-provider must be 5 or 6, not ${String(providerFlag)}`);

    const planInput = await readJsonInput(positional[0], io, MAX_PLAN_BYTES);
    if (!planInput.ok) return fail(planInput.message);
    const plan = TerraformPlanSchema.safeParse(planInput.value);
    if (!plan.success)
      return fail(`${positional[0]} is not a terraform show -json plan: ${describeIssues(plan.error.issues)}`);
    const requestInput = await readJsonInput(requestFlag, io);
    if (!requestInput.ok) return fail(requestInput.message);
    const request = TableRequestSchema.safeParse(requestInput.value);
    if (!request.success) return fail(`${requestFlag} is not a table request: ${describeIssues(request.error.issues)}`);

    try {
      const result = attestPlan(plan.data, {
        request: request.data,
        awsProviderMajor: providerFlag === "5" ? 5 : 6,
        operationPlan: null,
        isDestructiveAcknowledged: false,
      });
      io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      return result.verdict === "ATTESTED" ? EXIT.ok : EXIT.invalid;
    } catch (error) {
      if (error instanceof UnrenderableRequestError) return fail(`${requestFlag} cannot be rendered: ${error.message}`);
      // Values nested thousands deep overflow the stack: no Terraform plan looks like that.
      if (error instanceof RangeError) return fail(`${positional[0]} nests too deeply to be a terraform plan`);
      throw error;
    }
  },
};

function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join(".") || "(document)"}: ${i.message}`)
    .join("; ");
}
