import "server-only";
import { AppError } from "@/lib/domain/app-error";
import { can } from "@/lib/domain/auth";
import {
  type DeliveryTarget,
  type DeliveryTargetInput,
  DeliveryTargetInputSchema,
  resolveDeliveryTarget,
} from "@/lib/domain/delivery";
import type { Actor } from "../actor";
import { parseScopedTargetInput, scopeColumns, scopeOfColumns } from "../admin-targets/scoped-target-input";
import { recordAuditEvent } from "../audit";
import { type Db, getDb } from "../db";

type Row = {
  id: string;
  team: string;
  tier: string;
  provider: string;
  repoUrl: string;
  baseBranch: string;
  pathTemplate: string;
  apiBaseUrl: string | null;
  mode: string;
  credentialRef: string;
  webhookSecretRef: string | null;
};

/** A stored target in the domain's terms (the scope columns as for account targets). */
export function toDeliveryTarget(row: Row): DeliveryTarget {
  return {
    id: row.id,
    ...scopeOfColumns(row),
    provider: row.provider as DeliveryTarget["provider"],
    repoUrl: row.repoUrl,
    baseBranch: row.baseBranch,
    pathTemplate: row.pathTemplate,
    ...(row.apiBaseUrl ? { apiBaseUrl: row.apiBaseUrl } : {}),
    mode: row.mode as DeliveryTarget["mode"],
    credentialRef: row.credentialRef,
    ...(row.webhookSecretRef ? { webhookSecretRef: row.webhookSecretRef } : {}),
  };
}

function requireAdmin(actor: Actor): void {
  if (!can(actor, "admin")) throw new AppError("FORBIDDEN", "only administrators manage delivery targets");
}

/** Every target, most general first. They hold references, not secrets, so anyone signed in may read them. */
export async function listDeliveryTargets(db?: Db): Promise<DeliveryTarget[]> {
  db ??= await getDb();
  const rows = await db.deliveryTarget.findMany({ orderBy: [{ team: "asc" }, { tier: "asc" }] });
  return rows.map(toDeliveryTarget);
}

/** Creates or replaces the target for a team/tier scope. Bad input is a 422 naming each field and its rule. */
export async function saveDeliveryTarget(actor: Actor, input: unknown, db?: Db): Promise<DeliveryTarget> {
  requireAdmin(actor);
  db ??= await getDb();
  const value: DeliveryTargetInput = await parseScopedTargetInput(
    DeliveryTargetInputSchema,
    input,
    { code: "DELIVERY_TARGET_INVALID", what: "delivery target" },
    db,
  );
  const scope = scopeColumns(value);
  const data = {
    provider: value.provider,
    repoUrl: value.repoUrl,
    baseBranch: value.baseBranch,
    pathTemplate: value.pathTemplate,
    apiBaseUrl: value.apiBaseUrl ?? null,
    mode: value.mode,
    credentialRef: value.credentialRef,
    webhookSecretRef: value.webhookSecretRef ?? null,
  };
  const row = await db.$transaction(async (tx) => {
    const saved = await tx.deliveryTarget.upsert({
      where: { team_tier: scope },
      create: { ...scope, ...data },
      update: data,
    });
    await recordAuditEvent(tx, actor, {
      action: "DELIVERY_TARGET_SAVED",
      details: {
        team: value.team,
        tier: value.tier,
        provider: value.provider,
        repoUrl: value.repoUrl,
        mode: value.mode,
      },
    });
    return saved;
  });
  return toDeliveryTarget(row);
}

/** Removes a target; requests of that scope fall back to a more general target or to the zip download only. */
export async function deleteDeliveryTarget(actor: Actor, id: string, db?: Db): Promise<{ id: string; deleted: true }> {
  requireAdmin(actor);
  db ??= await getDb();
  await db.$transaction(async (tx) => {
    const existing = await tx.deliveryTarget.findUnique({ where: { id } });
    if (!existing) throw new AppError("NOT_FOUND", "delivery target not found");
    await tx.deliveryTarget.delete({ where: { id } });
    await recordAuditEvent(tx, actor, {
      action: "DELIVERY_TARGET_DELETED",
      details: { team: existing.team || null, tier: existing.tier || null, repoUrl: existing.repoUrl },
    });
  });
  return { id, deleted: true };
}

/** The target a team's request in a tier publishes to, or undefined (no publishing, the zip only). */
export async function findDeliveryTarget(
  scope: { team: string; tier: string },
  db?: Db,
): Promise<DeliveryTarget | undefined> {
  db ??= await getDb();
  const rows = await db.deliveryTarget.findMany({
    where: { team: { in: [scope.team, ""] }, tier: { in: [scope.tier, ""] } },
  });
  return resolveDeliveryTarget(rows.map(toDeliveryTarget), scope);
}
