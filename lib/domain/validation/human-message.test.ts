import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeTableRequest } from "../analyze-request";
import { DEFAULT_TIER_POLICY } from "../policy/default-policy";
import { humanizeIssueMessage } from "./human-message";

const ROOT = path.resolve(__dirname, "../../../examples/requests");

/** Every message the engine gives on the examples (one per code at least), with its request. */
function exampleMessages() {
  const out: { file: string; code: string; message: string; request: Record<string, unknown> }[] = [];
  for (const dir of ["invalid", "warnings", "valid"]) {
    for (const file of readdirSync(path.join(ROOT, dir))) {
      const request = JSON.parse(readFileSync(path.join(ROOT, dir, file), "utf8"));
      const analysis = analyzeTableRequest(request, { policy: DEFAULT_TIER_POLICY, render: false });
      for (const issue of analysis.allIssues) out.push({ file, code: issue.code, message: issue.message, request });
    }
  }
  return out;
}

// AWS's own API operation names: people look these up in AWS's documentation.
const AWS_WORDS = new Set(["TransactWriteItems", "TransactGetItems"]);

/** What must not reach a person: paths, camelCase field names, UPPER_SNAKE enum values or codes. */
function internalWords(message: string): string[] {
  const unquoted = message.replace(/"[^"]*"|`[^`]*`/g, "");
  return [
    ...(unquoted.match(/\[\d+\]/g) ?? []),
    ...(unquoted.match(/\b[a-z]+[A-Z][A-Za-z]*\b/g) ?? []),
    ...(unquoted.match(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\bPROVISIONED\b/g) ?? []),
  ].filter((word) => !AWS_WORDS.has(word));
}

describe("humanizeIssueMessage", () => {
  it.each([
    [
      'Index name "by-user" is already used by globalSecondaryIndexes[0].',
      'Index name "by-user" is already used by GSI 1 (by-user).',
    ],
    [
      "A KMS key only applies to CUSTOMER_MANAGED encryption, not AWS_MANAGED.",
      "A KMS key only applies to customer-managed encryption, not AWS-managed.",
    ],
    ["copyRetentionDays needs a copyRegion to copy to.", "copy retention needs a copy Region to copy to."],
    [
      "The dev tier allows SINGLE_REGION_PITR, BACKUP_CROSS_REGION_COPY; this request is ACTIVE_ACTIVE_MREC.",
      "The dev tier allows single Region with point-in-time recovery, backups copied to another Region; this request is active-active.",
    ],
    [
      "A read capacity override needs PROVISIONED billing (and no replica read override can be rendered; see PROVIDER_REPLICA_READ_CAPACITY_OVERRIDE_UNSUPPORTED).",
      "A read capacity override needs provisioned billing (and no replica read override can be rendered).",
    ],
    [
      'Attribute "cartId" is N here but S at partitionKey; one name has one type.',
      'Attribute "cartId" is N here but S at partition key; one name has one type.',
    ],
    ["Too big: at most 10000000.", "Too big: at most 10,000,000."],
  ])("%s", (input, expected) => {
    expect(humanizeIssueMessage(input, { globalSecondaryIndexes: [{ name: "by-user" }] })).toBe(expected);
  });

  it("leaves no path, field name or enum value in any message the engine gives on the examples", () => {
    const leaks = exampleMessages()
      .map(({ file, code, message, request }) => ({
        file,
        code,
        shown: humanizeIssueMessage(message, request as never),
      }))
      .filter(({ shown }) => internalWords(shown).length > 0);
    expect(leaks).toEqual([]);
  });
});
