import type { TierPolicy } from "../policy/schema";
import type { TableRequest } from "../request/schema";
import { parseTableRequest } from "./parse";
import { createIssueReport } from "./report";
import { checkBackupAndAlarms } from "./rules/backup-alarms";
import { checkBilling } from "./rules/billing";
import type { Rule, RuleContext } from "./rules/context";
import { checkEncryption } from "./rules/encryption";
import { checkIndexes } from "./rules/indexes";
import { checkKeys } from "./rules/keys";
import { checkNames } from "./rules/names";
import { checkPointInTimeRecovery } from "./rules/pitr";
import { checkTierPolicy } from "./rules/policy";
import { checkRegions } from "./rules/regions";
import { checkStreamsAndTtl } from "./rules/streams-ttl";
import { checkTags } from "./rules/tags";
import { checkTerraformModule } from "./rules/terraform-module";
import { checkWarmThroughput } from "./rules/warm-throughput";
import { checkWorkload } from "./rules/workload";
import type { ValidationIssue, ValidationResult } from "./types";

/** Rule modules in the order their issues are listed: AWS and provider rules first, policy last. */
const RULES: readonly Rule[] = [
  checkNames,
  checkKeys,
  checkIndexes,
  checkBilling,
  checkWarmThroughput,
  checkStreamsAndTtl,
  checkPointInTimeRecovery,
  checkEncryption,
  checkRegions,
  checkTags,
  checkBackupAndAlarms,
  checkTerraformModule,
  checkWorkload,
  checkTierPolicy,
];

/**
 * Validates any JSON value as a table request under a tier policy: shape (zod), AWS limits,
 * Terraform provider gaps, platform advice and tier policy, each finding with a stable code and
 * a path to its field. Never throws; `valid` is false when any issue is an error.
 */
export function validateTableRequest(input: unknown, policy: TierPolicy): ValidationResult {
  const parsed = parseTableRequest(input);
  if (!parsed.success) return { valid: false, issues: parsed.issues };
  const issues = checkParsedTableRequest(parsed.request, policy);
  return { valid: !issues.some((i) => i.severity === "error"), issues, request: parsed.request };
}

/** Runs every rule on a request that already parsed (e.g. a stored one); never re-runs zod. */
export function checkParsedTableRequest(request: TableRequest, policy: TierPolicy): ValidationIssue[] {
  const report = createIssueReport();
  const isMrsc = request.regions.consistency === "STRONG";
  const context: RuleContext = {
    request,
    policy,
    report,
    isMrsc,
    isMrec: !isMrsc && request.regions.replicas.length > 0,
  };
  for (const rule of RULES) rule(context);
  return report.issues;
}
