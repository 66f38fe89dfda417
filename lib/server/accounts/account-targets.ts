import "server-only";
import { resetAssumeRoleProviders } from "@/lib/aws/assume-role";
import {
  type AccountTarget,
  type AccountTargetInput,
  AccountTargetInputSchema,
  type AssumeRoleTarget,
  resolveAccountTarget,
  toAssumeRoleTarget,
} from "@/lib/domain/accounts/account-target";
import { AppError } from "@/lib/domain/app-error";
import { can } from "@/lib/domain/auth";
import type { Actor } from "../actor";
import { parseScopedTargetInput, scopeColumns, scopeOfColumns } from "../admin-targets/scoped-target-input";
import { recordAuditEvent } from "../audit";
import { type Db, getDb } from "../db";

type Row = {
  id: string;
  team: string;
  tier: string;
  accountId: string;
  roleArn: string;
  externalId: string | null;
  accountName: string | null;
};

function toTarget(row: Row): AccountTarget {
  return {
    id: row.id,
    ...scopeOfColumns(row),
    accountId: row.accountId,
    roleArn: row.roleArn,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    ...(row.accountName ? { name: row.accountName } : {}),
  };
}

function requireAdmin(actor: Actor): void {
  if (!can(actor, "admin")) throw new AppError("FORBIDDEN", "only administrators manage account targets");
}

/** Every mapping, most general first (tier-wide, then per team). Anyone signed in may read them. */
export async function listAccountTargets(db?: Db): Promise<AccountTarget[]> {
  db ??= await getDb();
  const rows = await db.accountTarget.findMany({ orderBy: [{ team: "asc" }, { tier: "asc" }] });
  return rows.map(toTarget);
}

/**
 * Account IDs to the names admins gave them in the mappings, for lists that store only the ID
 * (the inventory: imported tables read it from the table's ARN, created ones from their mapping).
 */
export async function listAccountNames(db?: Db): Promise<Record<string, string>> {
  db ??= await getDb();
  const rows = await db.accountTarget.findMany({
    where: { accountName: { not: null } },
    select: { accountId: true, accountName: true },
    orderBy: { updatedAt: "asc" },
  });
  // Two mappings of one account with different names: the latest edit wins.
  return Object.fromEntries(rows.map((r) => [r.accountId, r.accountName as string]));
}

/**
 * Creates or replaces the mapping for a team/tier scope (one per scope). Bad input is a 422
 * naming each field and its rule; an unknown team is a field error on `team`.
 */
export async function saveAccountTarget(actor: Actor, input: unknown, db?: Db): Promise<AccountTarget> {
  requireAdmin(actor);
  db ??= await getDb();
  const value: AccountTargetInput = await parseScopedTargetInput(
    AccountTargetInputSchema,
    input,
    { code: "ACCOUNT_TARGET_INVALID", what: "account target" },
    db,
  );
  const scope = scopeColumns(value);
  const data = {
    accountId: value.accountId,
    accountName: value.name ?? null,
    roleArn: value.roleArn,
    externalId: value.externalId ?? null,
  };
  const row = await db.$transaction(async (tx) => {
    const saved = await tx.accountTarget.upsert({
      where: { team_tier: scope },
      create: { ...scope, ...data },
      update: data,
    });
    await recordAuditEvent(tx, actor, {
      action: "ACCOUNT_TARGET_SAVED",
      details: { team: value.team, tier: value.tier, accountId: value.accountId, roleArn: value.roleArn },
    });
    return saved;
  });
  // A changed role must not keep using the old role's cached session.
  resetAssumeRoleProviders();
  return toTarget(row);
}

/** Removes a mapping; that scope falls back to a more general mapping or the default account. */
export async function deleteAccountTarget(actor: Actor, id: string, db?: Db): Promise<{ id: string; deleted: true }> {
  requireAdmin(actor);
  db ??= await getDb();
  await db.$transaction(async (tx) => {
    const existing = await tx.accountTarget.findUnique({ where: { id } });
    if (!existing) throw new AppError("NOT_FOUND", "account target not found");
    await tx.accountTarget.delete({ where: { id } });
    await recordAuditEvent(tx, actor, {
      action: "ACCOUNT_TARGET_DELETED",
      details: { team: existing.team || null, tier: existing.tier || null, accountId: existing.accountId },
    });
  });
  resetAssumeRoleProviders();
  return { id, deleted: true };
}

/**
 * The mapping for a request body that may not be valid yet (owner.team and tier as sent): used
 * before rendering, which refuses an invalid body anyway.
 */
export async function findAccountTargetForInput(input: unknown, db?: Db): Promise<AssumeRoleTarget | undefined> {
  const body = (input ?? {}) as { owner?: { team?: unknown }; tier?: unknown };
  const team = body.owner?.team;
  const tier = body.tier;
  if (typeof team !== "string" || typeof tier !== "string") return undefined;
  return findAccountTarget({ team, tier }, db);
}

/**
 * The account a team's request in a tier deploys to, or undefined for the default credentials'
 * account. Used by rendering (assume_role) and by every live check.
 */
export async function findAccountTarget(
  scope: { team: string; tier: string },
  db?: Db,
): Promise<AssumeRoleTarget | undefined> {
  db ??= await getDb();
  const rows = await db.accountTarget.findMany({
    where: { team: { in: [scope.team, ""] }, tier: { in: [scope.tier, ""] } },
  });
  const target = resolveAccountTarget(rows.map(toTarget), scope);
  return target ? toAssumeRoleTarget(target) : undefined;
}
