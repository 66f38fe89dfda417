import "server-only";
import { createHash } from "node:crypto";
import { analyzeTableRequest, type RequestAnalysis } from "@/lib/domain/analyze-request";
import { AppError } from "@/lib/domain/app-error";
import { withCatalogInfo, zipModule } from "@/lib/domain/bundle";
import { addImportBlocks } from "@/lib/domain/import/add-import-blocks";
import type { TierPolicy } from "@/lib/domain/policy/schema";
import type { TableRequest } from "@/lib/domain/request/schema";
import type { RenderContext } from "@/lib/domain/terraform/model";

/** Everything a revision freezes: what was asked, what the engine said, and the exact bundle bytes. */
export interface BuiltRevision {
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
}

/**
 * Validates, prices, previews, renders and zips a request for revision `number` of `key`.
 * A request with validation errors is refused (422 with the field issues): only a request that
 * renders to an apply-ready module becomes a revision.
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
    /** The account the team/tier is mapped to: the module's provider assumes its role. */
    accountTarget?: RenderContext["accountTarget"];
  },
): BuiltRevision {
  const analysis = analyzeTableRequest(input, {
    policy: options.policy,
    context: {
      changeRequestKey: options.key,
      revision: options.number,
      requestedBy: options.requestedBy,
      ...(options.accountTarget ? { accountTarget: options.accountTarget } : {}),
    },
  });
  const { request, estimate, drPreview } = analysis;
  if (!analysis.valid || !request || !analysis.files || !estimate || !drPreview) {
    throw new AppError("VALIDATION_FAILED", "the table request has errors", {
      issues: analysis.issues.filter((i) => i.severity === "error"),
    });
  }
  const moduleFiles = options.importExisting ? addImportBlocks(analysis.files, options.importExisting) : analysis.files;
  // The bundle also carries the table as a Backstage entity, linked to this change request's page.
  const files = withCatalogInfo(moduleFiles, request, {
    changeRequestKey: options.key,
    portalUrl: process.env.TABLEWRIGHT_PUBLIC_URL,
  });
  const zipped = zipModule(request.tableName, files);
  const bundle = new Uint8Array(new ArrayBuffer(zipped.byteLength));
  bundle.set(zipped);
  return {
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
  };
}

/** The Revision row for a built revision: the one place that decides what a revision freezes. */
export function revisionRow(revision: BuiltRevision, changeRequestId: string, number: number, createdById: string) {
  return {
    changeRequestId,
    number,
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

/** Flags the queue filters on, as `,a,b,` so a `contains: ",a,"` filter matches whole words. */
export function encodeFlags(flags: Iterable<string>): string {
  const unique = [...new Set(flags)].sort();
  return unique.length ? `,${unique.join(",")},` : "";
}

export function decodeFlags(encoded: string): string[] {
  return encoded.split(",").filter(Boolean);
}

/** Queue flags of a revision: validation warnings, policy findings, multi-Region. */
export function revisionFlags(revision: BuiltRevision, extra: readonly string[] = []): string {
  const flags = new Set(extra);
  if (revision.analysis.issues.some((i) => i.severity === "warning")) flags.add("warnings");
  if (revision.analysis.issues.some((i) => i.source === "policy")) flags.add("policy");
  if (revision.regions.length > 1) flags.add("multi-region");
  return encodeFlags(flags);
}
