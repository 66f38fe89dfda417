import "server-only";
import type * as z from "zod";
import { AppError, type FieldIssue } from "@/lib/domain/app-error";
import type { Tier } from "@/lib/domain/request/schema";
import type { Db } from "../db";

/**
 * What account mappings and delivery targets share on the way in and out of the database: the
 * scope columns ("" means "every team" / "every tier", since a unique index cannot hold NULLs the
 * way the domain's null means it) and the parse of an admin's input with field-level errors.
 */

/** The stored scope columns of a domain scope. */
export function scopeColumns(scope: { team: string | null; tier: string | null }): { team: string; tier: string } {
  return { team: scope.team ?? "", tier: scope.tier ?? "" };
}

/** The domain scope of stored scope columns. */
export function scopeOfColumns(row: { team: string; tier: string }): { team: string | null; tier: Tier | null } {
  return { team: row.team === "" ? null : row.team, tier: row.tier === "" ? null : (row.tier as Tier) };
}

/**
 * The admin's input parsed by the target's schema: a 422 naming each field and its rule (under
 * `code`), and a field error on `team` when the named team does not exist.
 */
export async function parseScopedTargetInput<Schema extends z.ZodType<{ team: string | null }>>(
  schema: Schema,
  input: unknown,
  refusal: { code: string; what: string },
  db: Db,
): Promise<z.output<Schema>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issues: FieldIssue[] = parsed.error.issues.map((i) => ({
      path: i.path.join(".") || "body",
      code: refusal.code,
      message: i.message,
    }));
    throw new AppError("VALIDATION_FAILED", `the ${refusal.what} is not valid`, { issues });
  }
  const value = parsed.data;
  if (value.team !== null && !(await db.team.findUnique({ where: { slug: value.team }, select: { id: true } }))) {
    throw new AppError("VALIDATION_FAILED", "the team does not exist", {
      issues: [{ path: "team", code: "TEAM_UNKNOWN", message: `no team with the slug "${value.team}"` }],
    });
  }
  return value;
}
