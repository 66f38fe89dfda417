import type { OperationPlan } from "../plan/schema";
import type { TableRequest } from "../request/schema";
import { buildModuleModel, renderModule } from "../terraform";
import type { AwsProviderMajor } from "../terraform/model";
import { compareReplicas } from "./compare-replicas";
import { compareTable } from "./compare-table";
import { FindingList } from "./findings";
import { listModuleResources } from "./module-resources";
import { compareVersions, readConstraintBounds } from "./provider-constraint";
import { isDelete, isDeleteOnly, isReplace, type PlannedChange, readPlannedChanges } from "./read-plan";
import type { AttestationResult, TerraformPlan } from "./schema";

export interface ApprovedRevision {
  request: TableRequest;
  /** The revision's operation plan (absent for revisions stored before plans existed). */
  operationPlan?: OperationPlan | null;
  /** Whether the requester acknowledged the plan's destructive step (a migration note). */
  isDestructiveAcknowledged: boolean;
  awsProviderMajor: AwsProviderMajor;
  /** The module bytes the reviewers approved; rendered from the request when absent (the CLI). */
  moduleFiles?: Readonly<Record<string, string>>;
}

export interface AttestOptions {
  /**
   * Where the module sits in the plan (`module.orders`, "" for the root) when a root holds more
   * than one table of that name; by default the module of the table named as approved.
   */
  moduleAddress?: string;
}

const TABLE = "aws_dynamodb_table";
const REPLICA = "aws_dynamodb_table_replica";
const quoted = (s: string) => JSON.stringify(s);

/**
 * Compares a `terraform show -json` plan with the approved revision: the resources and what
 * Terraform will do to them, the table's settings field by field, resources the module does not
 * declare, and the hashicorp/aws version the configuration allows against the module's floor.
 * Pure; the verdict is ATTESTED only when there is no finding.
 */
export function attestPlan(
  plan: TerraformPlan,
  approved: ApprovedRevision,
  options: AttestOptions = {},
): AttestationResult {
  const { request, awsProviderMajor } = approved;
  const findings = new FindingList();
  const changes = readPlannedChanges(plan);
  const files = approved.moduleFiles ?? renderModule(request, { awsProviderMajor });
  const declared = new Set(listModuleResources(files));

  if (plan.errored)
    findings.add("plan", "PLAN_ERRORED", "Terraform reported errors while planning: the plan is incomplete.");
  checkTerraformVersion(plan.terraform_version, findings);
  checkProviderVersion(plan, request, awsProviderMajor, findings);

  const table = findTable(
    options.moduleAddress === undefined ? changes : changes.filter((c) => c.moduleAddress === options.moduleAddress),
    request.tableName,
    declared,
  );
  if (!table) {
    findings.add(
      "tableName",
      "TABLE_NOT_IN_PLAN",
      `The plan does not create, change or keep a table named ${quoted(request.tableName)}.`,
      request.tableName,
      undefined,
    );
    return result(plan, findings, "", changes.length);
  }
  const inModule = changes.filter((c) => c.moduleAddress === table.moduleAddress);
  checkActions(inModule, declared, approved, findings);
  checkOutsideModule(changes, table.moduleAddress, request.tableName, findings);
  if (!isDeleteOnly(table.actions)) {
    compareTable(table, request, findings);
    compareReplicas(
      table,
      inModule.filter((c) => c.type === REPLICA),
      request,
      findings,
    );
  }
  return result(plan, findings, table.moduleAddress, inModule.length);
}

function result(plan: TerraformPlan, findings: FindingList, moduleAddress: string, checked: number): AttestationResult {
  return {
    verdict: findings.items.length === 0 ? "ATTESTED" : "VIOLATIONS",
    findings: findings.items,
    terraformVersion: plan.terraform_version,
    moduleAddress,
    resourcesChecked: checked,
  };
}

/**
 * The table resource named as approved (a change that keeps it beats one that deletes it); else,
 * when its name was edited or made unknown, the one table at the module's own address, so the
 * findings name the difference instead of only "not found".
 */
function findTable(
  changes: readonly PlannedChange[],
  name: string,
  declared: ReadonlySet<string>,
): PlannedChange | undefined {
  const named = changes.filter((c) => c.type === TABLE && (c.after.name === name || c.before.name === name));
  const found = named.find((c) => !isDeleteOnly(c.actions)) ?? named[0];
  if (found) return found;
  const atModuleAddress = changes.filter((c) => c.type === TABLE && declared.has(c.base));
  return atModuleAddress.length === 1 ? atModuleAddress[0] : undefined;
}

/** Operation-plan change kinds that allow Terraform to delete or replace a replica. */
const REPLICA_REMOVAL_KINDS = new Set([
  "REPLICA_REMOVED",
  "REPLICA_RECREATED",
  "PRIMARY_REGION_CHANGED",
  "MRSC_REMOVED",
]);

function checkActions(
  inModule: readonly PlannedChange[],
  declared: ReadonlySet<string>,
  approved: ApprovedRevision,
  findings: FindingList,
): void {
  const kinds = new Set((approved.operationPlan?.steps ?? []).flatMap((s) => s.changes.map((c) => c.kind)));
  const allowsTableLoss =
    approved.operationPlan?.requiresAcknowledgement === true && approved.isDestructiveAcknowledged;
  const allowsReplicaLoss = [...kinds].some((k) => REPLICA_REMOVAL_KINDS.has(k)) || allowsTableLoss;
  const seen = new Set<string>();
  for (const c of inModule) {
    seen.add(c.base);
    const path = `resources[${quoted(c.address)}]`;
    const isDeclared = declared.has(c.base);
    if (c.type === TABLE && isDelete(c.actions) && !allowsTableLoss) {
      const replace = isReplace(c.actions);
      findings.add(
        path,
        replace ? "TABLE_REPLACED" : "TABLE_DELETED",
        replace
          ? "The plan destroys the table and creates it again, losing its items; the approved revision does not allow that."
          : "The plan deletes the table; the approved revision does not allow that.",
        replace ? "kept in place" : "kept",
        c.actions.join(" then "),
      );
      continue;
    }
    if (c.type === REPLICA && isDelete(c.actions) && !allowsReplicaLoss) {
      findings.add(
        path,
        isReplace(c.actions) ? "RESOURCE_REPLACED" : "RESOURCE_DELETED",
        `The plan ${isReplace(c.actions) ? "recreates" : "deletes"} a replica, which the approved revision's operation plan does not include.`,
        "kept in place",
        `${c.address}: ${c.actions.join(" then ")}`,
      );
      continue;
    }
    if (!isDeclared && !isDeleteOnly(c.actions)) {
      findings.add(
        path,
        "RESOURCE_EXTRA",
        "The plan manages a resource the approved module does not declare.",
        "not in the plan",
        `${c.address}: ${c.actions.join(" then ")}`,
      );
      continue;
    }
    if (isDeclared && isDeleteOnly(c.actions)) {
      findings.add(
        path,
        "RESOURCE_DELETED",
        `The plan deletes ${c.address}, which the approved module declares.`,
        "kept",
        "delete",
      );
    }
  }
  for (const address of declared) {
    if (!seen.has(address)) {
      findings.add(
        `resources[${quoted(address)}]`,
        "RESOURCE_MISSING",
        "The approved module declares a resource the plan does not contain: the configuration planned is not the approved one.",
        `${address}: in the plan`,
        "absent",
      );
    }
  }
}

/** DynamoDB resources for the same table outside the module (a second copy, a stray replica). */
function checkOutsideModule(
  changes: readonly PlannedChange[],
  moduleAddress: string,
  tableName: string,
  findings: FindingList,
): void {
  for (const c of changes) {
    if (c.moduleAddress === moduleAddress) continue;
    const name = c.after.name ?? c.before.name ?? c.after.global_table_arn;
    const touches = c.type === REPLICA || (c.type === TABLE && name === tableName);
    if (!touches) continue;
    const address = c.moduleAddress ? `${c.moduleAddress}.${c.address}` : c.address;
    findings.add(
      `resources[${quoted(address)}]`,
      "RESOURCE_EXTRA",
      "The plan manages a DynamoDB resource for this table outside the approved module; it belongs in the module.",
      "not in the plan",
      `${address}: ${c.actions.join(" then ")}`,
    );
  }
}

function checkTerraformVersion(version: string, findings: FindingList): void {
  // The module pins `>= 1.5.0, < 2.0.0` (TERRAFORM_REQUIRED_VERSION).
  if (compareVersions(version, "1.5.0") < 0 || compareVersions(version, "2.0.0") >= 0) {
    findings.add(
      "terraform.version",
      "TERRAFORM_VERSION_UNSUPPORTED",
      "The plan was made with a Terraform release outside the range the module requires.",
      "1.5.0 or later, before 2.0.0",
      version,
    );
  }
}

/**
 * The hashicorp/aws versions the configuration allows (every aws provider configuration's
 * constraint applies) must start at or above the module's floor and stay within the target major.
 */
function checkProviderVersion(
  plan: TerraformPlan,
  request: TableRequest,
  major: AwsProviderMajor,
  findings: FindingList,
): void {
  const floor = buildModuleModel(request, { awsProviderMajor: major }).versions.awsMinimum;
  const constraints = Object.values(plan.configuration?.provider_config ?? {})
    .filter((p) => p.name === "aws" && (p.full_name ?? "registry.terraform.io/hashicorp/aws").endsWith("hashicorp/aws"))
    .map((p) => p.version_constraint)
    .filter((c): c is string => typeof c === "string" && c.trim() !== "");
  const path = "provider.aws.version";
  const expected = `${floor} or later, before ${major + 1}.0.0`;
  if (constraints.length === 0) {
    findings.add(
      path,
      "PROVIDER_VERSION_UNCONSTRAINED",
      "The plan's configuration does not constrain the AWS provider version, so any release could apply it.",
      expected,
      "any version",
    );
    return;
  }
  const bounds = readConstraintBounds(constraints);
  const allowed = constraints.join(", ");
  if (!bounds.lower || compareVersions(bounds.lower, floor) < 0) {
    findings.add(
      path,
      "PROVIDER_VERSION_BELOW_FLOOR",
      "The configuration allows an AWS provider release older than the lowest one that supports every setting of the module.",
      expected,
      allowed,
    );
  }
  if (!bounds.upper || compareVersions(bounds.upper, `${major + 1}.0.0`) > 0) {
    findings.add(
      path,
      "PROVIDER_MAJOR_MISMATCH",
      `The configuration allows an AWS provider release outside major version ${major}, which the module was rendered for.`,
      expected,
      allowed,
    );
  }
}
