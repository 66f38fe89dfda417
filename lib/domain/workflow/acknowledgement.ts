import * as z from "zod";
import type { OperationPlan } from "../plan/schema";
import type { ValidationIssue } from "../validation/types";

export const MIN_MIGRATION_NOTE_LENGTH = 20;

/**
 * The requester's acknowledgement of a destructive plan: Terraform will replace the table and
 * every item is lost unless migrated, so the requester says how the items are moved.
 */
export const AcknowledgementSchema = z
  .strictObject({
    destructive: z.literal(true).meta({ description: "I understand the table is replaced and its items are lost." }),
    migrationNote: z
      .string()
      .max(4000)
      .meta({ description: "How the items are exported and copied into the new table, and when clients move." }),
  })
  .meta({ id: "DestructiveAcknowledgement" });
export type Acknowledgement = z.output<typeof AcknowledgementSchema>;

/**
 * Field issues when a destructive plan lacks the requester's acknowledgement or its migration note
 * (path `acknowledgement.migrationNote`); none for any other plan.
 */
export function checkAcknowledgement(
  plan: Pick<OperationPlan, "requiresAcknowledgement"> | null,
  acknowledgement: { destructive?: boolean; migrationNote?: string } | undefined,
): ValidationIssue[] {
  if (!plan?.requiresAcknowledgement) return [];
  const note = acknowledgement?.migrationNote?.trim() ?? "";
  if (acknowledgement?.destructive === true && note.length >= MIN_MIGRATION_NOTE_LENGTH) return [];
  return [
    {
      path: "acknowledgement.migrationNote",
      code: "DESTRUCTIVE_ACKNOWLEDGEMENT_REQUIRED",
      severity: "error",
      source: "schema",
      message: `this change replaces the table and loses every item unless migrated: acknowledge it and describe the migration (at least ${MIN_MIGRATION_NOTE_LENGTH} characters)`,
    },
  ];
}
