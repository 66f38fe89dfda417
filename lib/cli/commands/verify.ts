import { resolveAwsAccessConfig } from "../../aws/config";
import { createSdkDynamoDbApi } from "../../aws/dynamodb-api";
import { verifyTableRequest } from "../../aws/verify-table-request";
import { DEFAULT_TIER_POLICY } from "../../domain/policy/default-policy";
import { validateTableRequest } from "../../domain/validation";
import { parseArgs } from "../args";
import { type CliCommand, EXIT } from "../command";
import { readJsonInput } from "../read-input";
import { liveCheckOffMessage } from "./live-check-access";

const USAGE = `Usage: tablewright verify <request.json | -> [--table-region <region>] [--endpoint <url>]

Compares a table request with the live DynamoDB table of the same name, field by field (keys,
attribute types, billing and capacity, GSIs and LSIs, stream, TTL, PITR, encryption, deletion
protection, table class, tags, replicas), through DescribeTable, DescribeTimeToLive,
DescribeContinuousBackups and ListTagsOfResource. Prints the result as JSON:
{ verified, differences: [{ path, expected, actual }], checkedAt, ... }.

Arguments:
  <request.json>            the request file; - reads standard input
  --table-region <region>   the Region to read the table in (default: the request's primary)
  --endpoint <url>          a DynamoDB-compatible endpoint (default: DYNAMODB_ENDPOINT, else AWS)

AWS access comes from the default credential chain (AWS_PROFILE, environment, SSO, role).
TABLEWRIGHT_AWS_CHECKS=off turns live checks off.

Exit codes: 0 the table matches, 1 drift (differences printed) or the table is missing,
2 unreadable or invalid input, live checks off, or DynamoDB unreachable.`;

/** The local form of "verify": a request file against a live table, no portal needed. */
export const verifyCommand: CliCommand = {
  name: "verify",
  usage: USAGE,
  run: async (args, io) => {
    const { positional, flags } = parseArgs(args);
    // Unknown options never reach here: runCli refuses what USAGE does not name.
    const badValue = ["table-region", "endpoint"].find((f) => flags[f] === true);
    if (positional.length !== 1 || badValue) {
      const why = badValue ? `--${badValue} needs a value` : "give exactly one request file or -";
      io.stderr(`tablewright verify: ${why}\n\n${USAGE}\n`);
      return EXIT.unreadable;
    }
    const input = await readJsonInput(positional[0], io);
    if (!input.ok) {
      io.stderr(`tablewright verify: ${input.message}\n`);
      return EXIT.unreadable;
    }
    const { valid, issues, request } = validateTableRequest(input.value, DEFAULT_TIER_POLICY);
    if (!valid || !request) {
      io.stdout(`${JSON.stringify({ valid: false, issues }, null, 2)}\n`);
      io.stderr("tablewright verify: the request is invalid, so there is nothing to compare; fix the issues above\n");
      return EXIT.unreadable;
    }
    const tableRegion = flags["table-region"];
    if (typeof tableRegion === "string") request.regions.primary = tableRegion as typeof request.regions.primary;

    const config = resolveAwsAccessConfig();
    if (typeof flags.endpoint === "string") config.endpoint = flags.endpoint;
    const off = await liveCheckOffMessage(config);
    if (off) {
      io.stderr(`tablewright verify: ${off}\n`);
      return EXIT.unreadable;
    }
    const api = createSdkDynamoDbApi({ config, profile: config.profilesByTier[request.tier] });
    try {
      const result = await verifyTableRequest(request, {
        api,
        status: { enabled: true, mode: config.endpoint ? "endpoint" : "aws", message: "" },
      });
      io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      if (result.unavailable) {
        io.stderr(`tablewright verify: ${result.unavailable.reason}\n`);
        return EXIT.unreadable;
      }
      if (!result.verified) {
        io.stderr(
          result.tableMissing
            ? `tablewright verify: no table named "${request.tableName}" in ${request.regions.primary}\n`
            : `tablewright verify: ${result.differences.length} difference(s) between the request and the live table\n`,
        );
        return EXIT.invalid;
      }
      return EXIT.ok;
    } finally {
      api.destroy();
    }
  },
};
