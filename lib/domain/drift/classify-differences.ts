import type { TableDifference } from "../import/diff-table-shapes";
import type { TableRequest } from "../request/schema";
import type { DriftClass } from "./drift-classes";

/** One classified difference between the approved table and the live one. */
export interface DriftFinding {
  /** Request-style path, as the live comparison reports it (e.g. `replicas["eu-west-1"]`). */
  path: string;
  class: DriftClass;
  expected: unknown;
  actual: unknown;
  /** One sentence for people: what changed, in DynamoDB's terms. */
  message: string;
}

/** Splits `globalSecondaryIndexes["by-status"].projection.type` into its segments. */
export function splitDriftPath(path: string): string[] {
  const segments: string[] = [];
  const pattern = /(?:^|\.)([A-Za-z_][A-Za-z0-9_]*)|\[("(?:[^"\\]|\\.)*")\]/g;
  for (const match of path.matchAll(pattern)) {
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(JSON.parse(match[2]) as string);
  }
  return segments;
}

const show = (value: unknown): string =>
  value === null || value === undefined ? "nothing" : typeof value === "string" ? value : JSON.stringify(value);

const turnedOff = (expected: unknown, actual: unknown) => expected === true && actual === false;

interface Rule {
  class: DriftClass;
  message: string;
}

/** The rule for one difference, by what it is about. Anything unforeseen needs a decision. */
function ruleFor(request: TableRequest, diff: TableDifference): Rule {
  const [top = "", name = "", ...rest] = splitDriftPath(diff.path);
  const { expected, actual } = diff;
  const region = request.regions.primary;
  const isGlobal = request.regions.replicas.length > 0;
  const field = [name, ...rest].filter(Boolean).join(".");
  switch (top) {
    case "tableName":
      return { class: "protection_lost", message: `the table ${request.tableName} does not exist in ${region}` };
    case "partitionKey":
    case "sortKey":
      return {
        class: "shape",
        message:
          `the key schema differs (${top} ${field || ""} ${show(expected)} → ${show(actual)}): the live table is not the approved one`.replace(
            /\s+/g,
            " ",
          ),
      };
    case "billingMode":
      return {
        class: "shape",
        message: `billing mode switched from ${show(expected)} to ${show(actual)} outside Terraform`,
      };
    case "readCapacity":
    case "writeCapacity":
      return {
        class: "shape",
        message: `provisioned ${top === "readCapacity" ? "read" : "write"} capacity changed outside Terraform (${show(expected)} → ${show(actual)})`,
      };
    case "onDemandThroughput":
      return {
        class: "shape",
        message: `on-demand ${name} changed outside Terraform (${show(expected)} → ${show(actual)})`,
      };
    case "globalSecondaryIndexes":
    case "localSecondaryIndexes": {
      const kind = top === "globalSecondaryIndexes" ? "global secondary index" : "local secondary index";
      if (rest.length === 0 && expected === null)
        return { class: "shape", message: `${kind} ${name} was added outside Terraform` };
      if (rest.length === 0 && actual === null)
        return { class: "shape", message: `${kind} ${name} was removed outside Terraform` };
      return {
        class: "shape",
        message: `${kind} ${name}: ${rest.join(".")} changed (${show(expected)} → ${show(actual)})`,
      };
    }
    case "stream":
      if (name === "enabled" && turnedOff(expected, actual) && isGlobal) {
        return {
          class: "protection_lost",
          message: "the stream of a global table is off: replicas stop receiving writes",
        };
      }
      return {
        class: "shape",
        message: `stream ${name} changed outside Terraform (${show(expected)} → ${show(actual)})`,
      };
    case "pointInTimeRecovery":
      if (name === "enabled" && turnedOff(expected, actual)) {
        return { class: "protection_lost", message: `point-in-time recovery was turned off in ${region}` };
      }
      if (name === "recoveryPeriodInDays" && typeof expected === "number" && actual === null) {
        return { class: "protection_lost", message: `there is no PITR recovery window (approved: ${expected} days)` };
      }
      if (
        name === "recoveryPeriodInDays" &&
        typeof expected === "number" &&
        typeof actual === "number" &&
        actual < expected
      ) {
        return {
          class: "protection_lost",
          message: `the PITR recovery window shrank from ${expected} to ${actual} days`,
        };
      }
      return {
        class: "shape",
        message: `point-in-time recovery ${name} changed outside Terraform (${show(expected)} → ${show(actual)})`,
      };
    case "encryption":
      return {
        class: "protection_lost",
        message: `encryption at rest changed (${name}: ${show(expected)} → ${show(actual)})`,
      };
    case "deletionProtection":
      if (turnedOff(expected, actual))
        return { class: "protection_lost", message: `deletion protection was turned off in ${region}` };
      return {
        class: "shape",
        message: "deletion protection was turned on outside Terraform; the next apply turns it off",
      };
    case "tags":
      if (expected === null) return { class: "harmless", message: `tag ${name} was added outside Terraform` };
      if (actual === null) return { class: "shape", message: `tag ${name} was removed outside Terraform` };
      return { class: "shape", message: `tag ${name} changed outside Terraform (${show(expected)} → ${show(actual)})` };
    case "replicas":
      if (rest.length === 0 && actual === null)
        return { class: "protection_lost", message: `the replica in ${name} is missing` };
      if (rest.length === 0 && expected === null)
        return { class: "shape", message: `a replica in ${name} was added outside Terraform` };
      if ((rest[0] === "pointInTimeRecovery" || rest[0] === "deletionProtection") && turnedOff(expected, actual)) {
        return {
          class: "protection_lost",
          message: `${rest[0] === "pointInTimeRecovery" ? "point-in-time recovery" : "deletion protection"} was turned off on the replica in ${name}`,
        };
      }
      if (rest[0] === "kmsKeyArn")
        return { class: "protection_lost", message: `the encryption key of the replica in ${name} changed` };
      return {
        class: "shape",
        message: `replica ${name}: ${rest.join(".")} changed (${show(expected)} → ${show(actual)})`,
      };
    case "witnessRegion":
      if (expected && !actual) return { class: "protection_lost", message: `the witness in ${show(expected)} is gone` };
      return { class: "shape", message: `the witness Region changed (${show(expected)} → ${show(actual)})` };
    case "consistency":
      return { class: "shape", message: `multi-Region consistency is ${show(actual)}, approved ${show(expected)}` };
    case "tableClass":
      return {
        class: "shape",
        message: `table class switched from ${show(expected)} to ${show(actual)} outside Terraform`,
      };
    case "ttl":
      return {
        class: "shape",
        message: `time to live ${name} changed outside Terraform (${show(expected)} → ${show(actual)})`,
      };
    default:
      return { class: "shape", message: `${diff.path} changed (${show(expected)} → ${show(actual)})` };
  }
}

/**
 * Classifies the differences the live comparison (`compareLiveTable`) found. Pure: the request
 * gives the context (its Regions, whether it is a global table).
 */
export function classifyDifferences(request: TableRequest, differences: readonly TableDifference[]): DriftFinding[] {
  return differences.map((diff) => {
    const rule = ruleFor(request, diff);
    return { path: diff.path, class: rule.class, expected: diff.expected, actual: diff.actual, message: rule.message };
  });
}
