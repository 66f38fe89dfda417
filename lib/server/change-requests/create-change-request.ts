import "server-only";
import { AppError } from "@/lib/domain/app-error";
import type { RenderContext } from "@/lib/domain/terraform/model";
import { validateTableRequest } from "@/lib/domain/validation";
import { canEditRequest } from "@/lib/domain/workflow";
import { findAccountTarget } from "../accounts";
import type { Actor } from "../actor";
import { recordAuditEvent, type Tx } from "../audit";
import { type Db, getDb } from "../db";
import { loadTierPolicy } from "../policy";
import { runTransaction } from "../run-transaction";
import { allocateChangeRequestNumber, keyForNumber } from "./allocate-key";
import { assertTableNameFree } from "./assert-table-name-free";
import {
  buildRevision,
  buildSearchText,
  describeStoredRequest,
  encodeFlags,
  revisionFlags,
  revisionRow,
  tierRank,
} from "./build-revision";

export interface CreateChangeRequestInput {
  request: unknown;
  title?: string;
  /** Submit for review straight away (otherwise it stays a draft). */
  submit?: boolean;
  /** Adopting an existing table (brownfield import): the module gets Terraform `import` blocks. */
  importExisting?: RenderContext["importExisting"];
}

/** Finds the owning team named in the request and checks the actor may create requests for it. */
async function resolveOwningTeam(db: Db, actor: Actor, teamSlug: string) {
  const team = await db.team.findUnique({ where: { slug: teamSlug } });
  if (!team) {
    throw new AppError("VALIDATION_FAILED", "the owning team does not exist", {
      issues: [{ path: "owner.team", code: "TEAM_UNKNOWN", message: `no team with the slug "${teamSlug}"` }],
    });
  }
  if (!canEditRequest({ teamId: team.id }, actor)) {
    throw new AppError("FORBIDDEN", `you are not a member of team ${teamSlug}`, {
      issues: [{ path: "owner.team", code: "TEAM_NOT_MEMBER", message: `you are not a member of team "${teamSlug}"` }],
    });
  }
  return team;
}

/**
 * Creates a change request with its first revision (validated, priced, previewed, rendered and
 * zipped), as a draft or submitted, with one audit event per transition, all in one transaction.
 * A draft is stored whatever its validation state (its issues go with it); submitting needs a
 * valid request. Either way the request must name a team the actor belongs to.
 */
export interface CreatedChangeRequest {
  key: string;
  status: string;
  version: number;
  currentRevision: number;
}

export async function createChangeRequest(
  actor: Actor,
  input: CreateChangeRequestInput,
  db?: Db,
  /** Runs inside the create's transaction with its result (e.g. to store an idempotent response atomically). */
  beforeCommit?: (tx: Tx, created: CreatedChangeRequest) => Promise<void>,
): Promise<CreatedChangeRequest> {
  db ??= await getDb();
  const policy = loadTierPolicy();
  const isDraft = !input.submit;
  const stored = describeStoredRequest(input.request);
  // The account the team/tier is mapped to: the live name check and the module's provider use it.
  const accountTarget =
    stored.team && stored.tier ? await findAccountTarget({ team: stored.team, tier: stored.tier }, db) : undefined;
  if (!isDraft) {
    const check = validateTableRequest(input.request, policy);
    if (!check.valid || !check.request) {
      throw new AppError("VALIDATION_FAILED", "the table request has errors", {
        issues: check.issues.filter((i) => i.severity === "error"),
      });
    }
    // An import expects the table to exist already; a new table must not.
    await assertTableNameFree(check.request, { expectExisting: Boolean(input.importExisting), accountTarget });
  }
  if (!stored.team) {
    throw new AppError("VALIDATION_FAILED", "a draft needs its owning team", {
      issues: [{ path: "owner.team", code: "SCHEMA_REQUIRED", message: "Choose the team that owns the table." }],
    });
  }
  const team = await resolveOwningTeam(db, actor, stored.team);
  const number = await allocateChangeRequestNumber(db);
  const key = keyForNumber(number);
  const revision = buildRevision(input.request, {
    policy,
    key,
    number: 1,
    requestedBy: `${actor.name} <${actor.email}>`,
    importExisting: input.importExisting,
    accountTarget,
    allowIncomplete: isDraft,
  });
  const { tableName, tier } = describeStoredRequest(revision.request);
  const title = (input.title?.trim() || (tableName ? `${tableName} (${tier || "draft"})` : "Untitled draft")).slice(
    0,
    200,
  );
  const status = input.submit ? "SUBMITTED" : "DRAFT";
  const now = new Date();
  const flags = revisionFlags(revision);

  const created = await runTransaction(db, async (tx) => {
    const cr = await tx.changeRequest.create({
      data: {
        number,
        key,
        title,
        tableName,
        tier,
        status,
        teamId: team.id,
        requesterId: actor.id,
        currentRevision: 1,
        regions: revision.regions.join(","),
        monthlyCostUsd: revision.monthlyCostUsd,
        flags: encodeFlags(flags),
        queueFlags: { create: flags.map((flag) => ({ flag })) },
        searchText: buildSearchText([key, title, tableName, team.slug, actor.email, actor.name]),
        importedTableJson: input.importExisting ? JSON.stringify(input.importExisting) : null,
        submittedAt: input.submit ? now : null,
        revisionAuthorId: actor.id,
        tierRank: tierRank(tier),
      },
    });
    await tx.revision.create({ data: revisionRow(revision, cr.id, 1, actor.id) });
    await recordAuditEvent(tx, actor, {
      action: "CHANGE_REQUEST_CREATED",
      changeRequestId: cr.id,
      toStatus: "DRAFT",
      revisionNumber: 1,
      details: { key, bundleSha256: revision.bundleSha256 },
    });
    if (input.submit) {
      await recordAuditEvent(tx, actor, {
        action: "SUBMIT",
        changeRequestId: cr.id,
        fromStatus: "DRAFT",
        toStatus: "SUBMITTED",
        revisionNumber: 1,
      });
    }
    const result = { key: cr.key, status: cr.status, version: cr.version, currentRevision: 1 };
    await beforeCommit?.(tx, result);
    return result;
  });
  return created;
}
