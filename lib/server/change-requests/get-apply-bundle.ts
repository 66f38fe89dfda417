import "server-only";
import { analyzeTableRequest } from "@/lib/domain/analyze-request";
import { AppError } from "@/lib/domain/app-error";
import { withCatalogInfo, zipModule } from "@/lib/domain/bundle";
import { addImportBlocks } from "@/lib/domain/import/add-import-blocks";
import { addApplyToReadme, addPlanToReadme, applyModuleSpec, type OperationPlan } from "@/lib/domain/plan";
import type { TableRequest } from "@/lib/domain/request/schema";
import { findAccountTargetForInput } from "../accounts";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit";
import { type Db, getDb } from "../db";
import { loadTierPolicy } from "../policy";
import { loadWorkflowState } from "./load-change-request";

/** The definition a plan started from: the revision its baseline ("TW-5@2") names. */
async function loadBaselineDefinition(db: Db, baseline: string | null): Promise<TableRequest | null> {
  if (!baseline) return null;
  const at = baseline.lastIndexOf("@");
  const key = baseline.slice(0, at);
  const number = Number(baseline.slice(at + 1));
  const cr = await db.changeRequest.findUnique({ where: { key }, select: { id: true } });
  const revision = cr
    ? await db.revision.findUnique({
        where: { changeRequestId_number: { changeRequestId: cr.id, number } },
        select: { requestJson: true },
      })
    : null;
  if (!revision) throw new AppError("CONFLICT", `the plan's baseline ${baseline} is no longer stored`);
  return JSON.parse(revision.requestJson) as TableRequest;
}

/**
 * Module `apply` of the approved revision's operation plan, when the plan needs several applies
 * (e.g. two new GSIs: one UpdateTable each): rendered from the plan's definition after that apply,
 * with moved blocks and prevent_destroy judged against the definition before it, and a README that
 * opens with "Apply k of n". Rendered on request from stored, approved inputs with the pure
 * renderer, so the same revision and apply give the same bytes (zipModule is deterministic); the
 * approved revision's own stored bundle stays the whole change in one module.
 */
export async function getApplyBundle(actor: Actor, key: string, number: number, applyNumber: number, db?: Db) {
  db ??= await getDb();
  const { cr } = await loadWorkflowState(db, actor, key);
  if (cr.approvedRevision !== number) {
    throw new AppError(
      "CONFLICT",
      cr.approvedRevision
        ? `revision ${number} of ${key} is not the approved one; revision ${cr.approvedRevision} is`
        : `${key} has no approved revision yet`,
    );
  }
  const revision = await db.revision.findUnique({
    where: { changeRequestId_number: { changeRequestId: cr.id, number } },
    include: { createdBy: { select: { email: true } } },
  });
  if (!revision) throw new AppError("NOT_FOUND", `${key} has no revision ${number}`);
  const plan = revision.planJson ? (JSON.parse(revision.planJson) as OperationPlan) : null;
  const total = plan?.applies.length ?? 0;
  if (!plan || applyNumber > total) {
    throw new AppError(
      "NOT_FOUND",
      `the operation plan of ${key} revision ${number} has ${total} applies, not ${applyNumber}`,
    );
  }
  const live = await loadBaselineDefinition(db, revision.planBaseline);
  const spec = applyModuleSpec(plan, live, applyNumber);
  if (!spec) throw new AppError("NOT_FOUND", `apply ${applyNumber} of ${key} revision ${number} does not exist`);
  const analysis = analyzeTableRequest(spec.to, {
    policy: loadTierPolicy(),
    context: {
      changeRequestKey: key,
      revision: number,
      requestedBy: revision.createdBy.email,
      ...(spec.from ? { previousDefinition: spec.from } : {}),
      ...(await findAccountTargetForInput(spec.to, db).then((t) => (t ? { accountTarget: t } : {}))),
    },
  });
  if (!analysis.valid || !analysis.files) {
    const problems = analysis.issues.filter((i) => i.severity === "error").map((i) => `${i.path}: ${i.message}`);
    throw new AppError(
      "CONFLICT",
      `apply ${applyNumber} of ${total}: its intermediate definition does not pass today's rules (${problems.join("; ")}); follow the plan's instructions by hand`,
    );
  }
  // An adopted table keeps its import block in every module, as in its revisions (a no-op once imported).
  const module = cr.importedTableJson
    ? addImportBlocks(analysis.files, JSON.parse(cr.importedTableJson) as { tableName: string; region: string })
    : analysis.files;
  const against = spec.from ? `the table after apply ${applyNumber - 1}` : "the live table";
  // Like the approved bundle: the plan in the README and the table as a Backstage entity.
  const files = withCatalogInfo(addApplyToReadme(addPlanToReadme(module, plan, against), plan, applyNumber), spec.to, {
    changeRequestKey: key,
    portalUrl: process.env.TABLEWRIGHT_PUBLIC_URL,
  });
  const zipped = zipModule(spec.to.tableName, files);
  const bytes = new Uint8Array(new ArrayBuffer(zipped.byteLength));
  bytes.set(zipped);
  await recordAuditEvent(db, actor, {
    action: "BUNDLE_DOWNLOADED",
    changeRequestId: cr.id,
    revisionNumber: number,
    details: { apply: applyNumber, of: total },
  });
  return { bytes, filename: `${key}-r${number}-apply-${applyNumber}-of-${total}-${cr.tableName}.zip` };
}
