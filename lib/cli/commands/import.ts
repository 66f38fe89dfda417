import { resolveAwsAccessConfig } from "../../aws/config";
import { createSdkDynamoDbApi } from "../../aws/dynamodb-api";
import { readImpliedTableRequest } from "../../aws/read-implied-table-request";
import { TierSchema } from "../../domain/request/schema";
import { parseArgs } from "../args";
import { type CliCommand, EXIT } from "../command";
import { liveCheckOffMessage } from "./live-check-access";

const USAGE = `Usage: tablewright import --region <region> --table <name> [--team <slug>] [--tier dev|staging|prod]
                          [--service <name>] [--cost-center <id>] [--requester <who>] [--endpoint <url>]

Reads an existing DynamoDB table (DescribeTable, DescribeTimeToLive, DescribeContinuousBackups,
ListTagsOfResource, and each replica's settings) and prints the table request it implies as
JSON on standard output, ready for \`tablewright render\` or the portal. What DynamoDB does not
report (autoscaling, Contributor Insights, backups, alarms) is listed on standard error, with
any validation issues of the implied request.

Options:
  --region <region>   the table's Region (required)
  --table <name>      the table name (required)
  --team <slug>       owning team (default: unassigned)
  --tier <tier>       dev, staging or prod (default: dev)
  --service, --cost-center, --requester   owner details (defaults are placeholders)
  --endpoint <url>    a DynamoDB-compatible endpoint (default: DYNAMODB_ENDPOINT, else AWS)

Exit codes: 0 request printed and valid, 1 request printed but it breaks a rule or the tier
policy (issues on standard error), 2 bad usage, table not found, live checks off or DynamoDB
unreachable.`;

/** `tablewright import`: the request an existing table implies (brownfield adoption). */
export const importCommand: CliCommand = {
  name: "import",
  usage: USAGE,
  run: async (args, io) => {
    const { positional, flags } = parseArgs(args);
    const valueless = Object.entries(flags).find(([, v]) => v === true)?.[0];
    const tier = TierSchema.safeParse(flags.tier ?? "dev");
    // Unknown options never reach here: runCli refuses what USAGE does not name.
    const problem = valueless
      ? `--${valueless} needs a value`
      : positional.length > 0
        ? `unexpected argument ${positional[0]}`
        : typeof flags.region !== "string" || typeof flags.table !== "string"
          ? "--region and --table are required"
          : !tier.success
            ? "--tier must be dev, staging or prod"
            : null;
    if (problem || !tier.success) {
      io.stderr(`tablewright import: ${problem}\n\n${USAGE}\n`);
      return EXIT.unreadable;
    }
    const text = (name: string) => (typeof flags[name] === "string" ? (flags[name] as string) : undefined);
    const config = resolveAwsAccessConfig();
    if (typeof flags.endpoint === "string") config.endpoint = flags.endpoint;
    const off = await liveCheckOffMessage(config);
    if (off) {
      io.stderr(`tablewright import: ${off}\n`);
      return EXIT.unreadable;
    }
    const api = createSdkDynamoDbApi({ config, profile: config.profilesByTier[tier.data] });
    try {
      const implied = await readImpliedTableRequest(
        {
          region: flags.region as string,
          tableName: flags.table as string,
          team: text("team") ?? "unassigned",
          tier: tier.data,
          service: text("service"),
          costCenter: text("cost-center"),
          requester: text("requester"),
        },
        { api, status: { enabled: true, mode: config.endpoint ? "endpoint" : "aws", message: "" } },
      );
      if (!implied.ok) {
        io.stderr(`tablewright import: ${implied.message}\n`);
        return EXIT.unreadable;
      }
      io.stdout(`${JSON.stringify(implied.request, null, 2)}\n`);
      for (const note of implied.notes) io.stderr(`note: ${note}\n`);
      const problems = implied.validation.issues;
      for (const issue of problems) io.stderr(`${issue.severity}: ${issue.path}: ${issue.code}: ${issue.message}\n`);
      return implied.validation.valid ? EXIT.ok : EXIT.invalid;
    } finally {
      api.destroy();
    }
  },
};
