import "server-only";
import { createHash } from "node:crypto";
import { analyzeTableRequest, type RequestAnalysis } from "@/lib/domain/analyze-request";
import { AppError } from "@/lib/domain/app-error";
import { withCatalogInfo, zipModule } from "@/lib/domain/bundle";
import { addImportBlocks } from "@/lib/domain/import/add-import-blocks";
import { addPlanToReadme, type OperationPlan, type PlanContext, planTableChange } from "@/lib/domain/plan";
import type { TierPolicy } from "@/lib/domain/policy/schema";
import type { TableRequest } from "@/lib/domain/request/schema";
import type { RenderContext } from "@/lib/domain/terraform/model";
import type { ValidationResult } from "@/lib/domain/validation";

/** Everything a revision freezes: what was asked, what the engine said, and the exact bundle bytes. */
export interface BuiltRevision {
  /**
   * False for a draft stored with errors: it has no module, bundle, and (when its shape did not
   * parse) no estimate or DR preview. Only a complete revision can be submitted or approved.
   */
  isComplete: boolean;
  /** The request as parsed (defaults applied) or, for a draft whose shape does not parse, as sent. */
  request: TableRequest;
  analysis: RequestAnalysis;
  requestJson: string;
  validationJson: string;
  costJson: string;
  pricesAsOf: string;
  drJson: string;
  filesJson: string;
  bundle: Uint8Array<ArrayBuffer>;
  bundleSha256: string;
  monthlyCostUsd: number;
  regions: string[];
  /** The account mapping the module was rendered with, as JSON ("null": the default credentials' account). */
  accountTargetJson: string;
  /**
   * From the live table (or nothing, for a create) to this revision; also in the module README.
   * Null for a draft kept with errors: there is no valid definition to plan yet.
   */
  plan: OperationPlan | null;
}

/** Codes that mean the input is too big or too deep to keep at all, even as a draft. */
const UNSTORABLE_CODES = new Set(["INPUT_TOO_LARGE", "INPUT_TOO_DEEP"]);

function refuse(analysis: RequestAnalysis): never {
  throw new AppError("VALIDATION_FAILED", "the table request has errors", {
    issues: analysis.issues.filter((i) => i.severity === "error"),
  });
}

/**
 * Validates, prices, previews, renders and zips a request for revision `number` of `key`.
 * A request with validation errors is refused (422 with the field issues) unless `allowIncomplete`:
 * a draft is kept whatever its state (within the size limits) with its issues, and without a
 * module; submitting it is what is refused until it is valid.
 */
export function buildRevision(
  input: unknown,
  options: {
    policy: TierPolicy;
    key: string;
    number: number;
    requestedBy: string;
    /** Adopting an existing table: the module also gets `imports.tf`. */
    importExisting?: RenderContext["importExisting"];
    /** What to plan against (the managed table's approved definition); none plans a create. */
    planning?: { live: TableRequest | null; approved?: TableRequest; context: PlanContext; against: string };
    /** The account the team/tier is mapped to: the module's provider assumes its role. */
    accountTarget?: RenderContext["accountTarget"];
    /** Store the revision even with errors (a draft that stays a draft). */
    allowIncomplete?: boolean;
    /** The caller's validation of this same input with this same policy, so it is not run twice. */
    validation?: ValidationResult;
  },
): BuiltRevision {
  const previousDefinition = options.planning?.approved ?? options.planning?.live;
  const analysis = analyzeTableRequest(input, {
    policy: options.policy,
    validation: options.validation,
    context: {
      changeRequestKey: options.key,
      revision: options.number,
      requestedBy: options.requestedBy,
      ...(options.accountTarget ? { accountTarget: options.accountTarget } : {}),
      // A change to a managed table: moved blocks for changed addresses, prevent_destroy lifted for a replacement.
      // Judged against what Terraform's state holds: the approved definition, even when the plan starts from drift.
      ...(previousDefinition ? { previousDefinition } : {}),
    },
  });
  const { request, estimate, drPreview } = analysis;
  if (!analysis.valid || !request || !analysis.files || !estimate || !drPreview) {
    if (!options.allowIncomplete || analysis.issues.some((i) => UNSTORABLE_CODES.has(i.code))) refuse(analysis);
    return {
      ...buildIncompleteRevision(input, analysis),
      accountTargetJson: snapshotAccountTarget(options.accountTarget),
    };
  }
  const planning = options.planning ?? { live: null, context: {}, against: "nothing: the table does not exist yet" };
  const plan = planTableChange(planning.live, request, planning.context);
  const moduleFiles = options.importExisting ? addImportBlocks(analysis.files, options.importExisting) : analysis.files;
  // The bundle also carries the table as a Backstage entity, linked to this change request's page.
  const files = withCatalogInfo(addPlanToReadme(moduleFiles, plan, planning.against), request, {
    changeRequestKey: options.key,
    portalUrl: process.env.TABLEWRIGHT_PUBLIC_URL,
  });
  const zipped = zipModule(request.tableName, files);
  const bundle = new Uint8Array(new ArrayBuffer(zipped.byteLength));
  bundle.set(zipped);
  return {
    isComplete: true,
    request,
    analysis,
    requestJson: JSON.stringify(request, null, 2),
    validationJson: JSON.stringify({ valid: analysis.valid, issues: analysis.issues }),
    costJson: JSON.stringify(estimate),
    pricesAsOf: estimate.pricesAsOf,
    drJson: JSON.stringify(drPreview),
    filesJson: JSON.stringify(files),
    bundle,
    bundleSha256: createHash("sha256").update(bundle).digest("hex"),
    monthlyCostUsd: estimate.totalMonthlyUsd,
    regions: [request.regions.primary, ...request.regions.replicas.map((r) => r.region)],
    plan,
    accountTargetJson: snapshotAccountTarget(options.accountTarget),
  };
}

/** A draft with errors: what was sent (parsed when its shape allows), its issues, no module or bundle. */
function buildIncompleteRevision(input: unknown, analysis: RequestAnalysis): Omit<BuiltRevision, "accountTargetJson"> {
  const stored = (analysis.request ?? input) as TableRequest;
  const raw = (input ?? {}) as { regions?: { primary?: unknown; replicas?: { region?: unknown }[] } };
  const regions = analysis.request
    ? [analysis.request.regions.primary, ...analysis.request.regions.replicas.map((r) => r.region)]
    : [
        raw.regions?.primary,
        ...(Array.isArray(raw.regions?.replicas) ? raw.regions.replicas : []).map((r) => r?.region),
      ]
        .filter((r): r is string => typeof r === "string")
        .slice(0, 40);
  const bundle = new Uint8Array(new ArrayBuffer(0));
  return {
    isComplete: false,
    request: stored,
    analysis,
    requestJson: JSON.stringify(stored, null, 2),
    validationJson: JSON.stringify({ valid: false, issues: analysis.issues }),
    costJson: JSON.stringify(analysis.estimate ?? null),
    pricesAsOf: analysis.estimate?.pricesAsOf ?? "",
    drJson: JSON.stringify(analysis.drPreview ?? null),
    filesJson: "{}",
    bundle,
    bundleSha256: "",
    monthlyCostUsd: analysis.estimate?.totalMonthlyUsd ?? 0,
    regions,
    plan: null,
  };
}

/** Owner team, table name and tier of a stored request, read defensively (a draft may have none). */
export function describeStoredRequest(request: unknown): { team?: string; tableName: string; tier: string } {
  const r = (request ?? {}) as { owner?: { team?: unknown }; tableName?: unknown; tier?: unknown };
  return {
    team: typeof r.owner?.team === "string" ? r.owner.team : undefined,
    tableName: typeof r.tableName === "string" ? r.tableName.slice(0, 255) : "",
    tier: r.tier === "dev" || r.tier === "staging" || r.tier === "prod" ? r.tier : "",
  };
}

/** The Revision row for a built revision: the one place that decides what a revision freezes. */
/**
 * The mapping a revision is rendered with, kept on the revision: the request page shows the account
 * the module targets even after an admin changes the mapping (and says that it changed).
 */
function snapshotAccountTarget(target: RenderContext["accountTarget"]): string {
  // "null" records the default credentials' account; a NULL column is a revision from before snapshots.
  return JSON.stringify(target ?? null);
}

export function revisionRow(
  revision: BuiltRevision,
  changeRequestId: string,
  number: number,
  createdById: string,
  planned: { baseline: string | null; acknowledgement?: { migrationNote?: string } },
) {
  const note = planned.acknowledgement?.migrationNote?.trim();
  return {
    planJson: revision.plan ? JSON.stringify(revision.plan) : null,
    planBaseline: planned.baseline,
    // Kept only where it was asked for: a destructive plan's acknowledgement.
    acknowledgementJson:
      revision.plan?.requiresAcknowledgement && note
        ? JSON.stringify({ destructive: true, migrationNote: note, at: new Date().toISOString() })
        : null,
    changeRequestId,
    number,
    accountTargetJson: revision.accountTargetJson,
    requestJson: revision.requestJson,
    validationJson: revision.validationJson,
    costJson: revision.costJson,
    pricesAsOf: revision.pricesAsOf,
    drJson: revision.drJson,
    filesJson: revision.filesJson,
    bundle: revision.bundle,
    bundleSha256: revision.bundleSha256,
    createdById,
  };
}

/** Lower-cased text the list's search matches, identical on SQLite and PostgreSQL. */
export function buildSearchText(parts: readonly (string | undefined)[]): string {
  return parts.filter(Boolean).join(" ").toLowerCase().slice(0, 2000);
}

const TIER_RANK: Record<string, number> = { prod: 0, staging: 1, dev: 2 };

/** The queue's "prod first" order as a number the database can index. */
export function tierRank(tier: string): number {
  return TIER_RANK[tier] ?? 2;
}

/** The queue flags as ChangeRequest.flags stores them for display, `,a,b,`. */
export function encodeFlags(flags: Iterable<string>): string {
  const unique = [...new Set(flags)].sort();
  return unique.length ? `,${unique.join(",")},` : "";
}

export function decodeFlags(encoded: string): string[] {
  return encoded.split(",").filter(Boolean);
}

/** Queue flags of a revision: validation warnings, policy findings, multi-Region, plus the diff's. */
export function revisionFlags(revision: BuiltRevision, extra: readonly string[] = []): string[] {
  const flags = new Set(extra);
  if (!revision.isComplete) flags.add("incomplete");
  if (revision.analysis.issues.some((i) => i.severity === "warning")) flags.add("warnings");
  if (revision.analysis.issues.some((i) => i.source === "policy")) flags.add("policy");
  if (revision.regions.length > 1) flags.add("multi-region");
  return [...flags].sort();
}

/**
 * The columns a change request mirrors from its current revision, for lists, the queue's indexed
 * filters and search. Creating a request and revising it both write them, from here, so that a
 * revision by a teammate keeps the requester (not the reviser) in the search text.
 */
export function currentRevisionColumns(input: {
  key: string;
  title: string;
  teamSlug: string;
  requester: { email: string; name: string };
  revision: BuiltRevision;
  flags: readonly string[];
  authorId: string;
}) {
  const { tableName, tier } = describeStoredRequest(input.revision.request);
  const { plan } = input.revision;
  return {
    tableName,
    tier,
    tierRank: tierRank(tier),
    regions: input.revision.regions.join(","),
    monthlyCostUsd: input.revision.monthlyCostUsd,
    flags: encodeFlags(input.flags),
    searchText: buildSearchText([
      input.key,
      input.title,
      tableName,
      input.teamSlug,
      input.requester.email,
      input.requester.name,
    ]),
    risk: plan?.kind === "change" ? plan.risk : "",
    revisionAuthorId: input.authorId,
  };
}
