"use client";

import { useMemo } from "react";
import { useWatch } from "react-hook-form";
import { OperationPlanView } from "@/components/operation-plan/operation-plan";
import ui from "@/components/ui/page.module.css";
import { analyzeTableRequest } from "@/lib/domain/analyze-request";
import { type PlanContext, planTableChange } from "@/lib/domain/plan";
import type { TierPolicy } from "@/lib/domain/policy/schema";
import type { TableRequest } from "@/lib/domain/request/schema";
import { MIN_MIGRATION_NOTE_LENGTH } from "@/lib/domain/workflow/acknowledgement";
import type { RequestFormValues } from "./form-schema";
import styles from "./request-form.module.css";
import { toTableRequest } from "./to-table-request";

/** What a change is planned against: the managed table's approved definition and the planner's context. */
export interface PlanAgainst {
  tableId: string;
  live: TableRequest;
  context: PlanContext;
  /** For people: "managed table orders-prod (us-east-1) as approved in TW-5 revision 1". */
  against: string;
}

export interface AcknowledgementState {
  destructive: boolean;
  migrationNote: string;
}

/**
 * The operation plan of the change being edited, recomputed in the browser on every edit with the
 * same pure planner (and the same live definition and context) the server stores with the
 * revision. A destructive plan asks for the requester's acknowledgement and migration note here.
 */
export function ChangePlanSection({
  planAgainst,
  policy,
  acknowledgement,
  onAcknowledgementChange,
  acknowledgementError,
}: {
  planAgainst: PlanAgainst;
  policy: TierPolicy;
  acknowledgement: AcknowledgementState;
  onAcknowledgementChange: (next: AcknowledgementState) => void;
  acknowledgementError?: string;
}) {
  const values = useWatch<RequestFormValues>() as RequestFormValues;
  const plan = useMemo(() => {
    const { request } = analyzeTableRequest(toTableRequest(values), { policy });
    return request ? planTableChange(planAgainst.live, request, planAgainst.context) : null;
  }, [values, policy, planAgainst]);
  const destructive = plan?.requiresAcknowledgement ?? false;
  const noteId = "acknowledgement.migrationNote";
  return (
    <fieldset className={styles.section} id="operation-plan" tabIndex={-1} data-testid="change-plan">
      <legend className={styles.legend}>Operation plan</legend>
      <p className={styles.sectionDescription}>
        What it takes to get from the table as it is to this definition, by DynamoDB&apos;s and Terraform&apos;s rules.
        It updates as you edit; approvers see the same plan.
      </p>
      {plan ? (
        <OperationPlanView plan={plan} against={planAgainst.against} />
      ) : (
        <p className={ui.muted}>The plan appears once the request&apos;s shape is complete.</p>
      )}
      {destructive && (
        <div className={styles.acknowledgement} data-testid="destructive-acknowledgement">
          <label className={styles.checkboxRow}>
            <input
              type="checkbox"
              checked={acknowledgement.destructive}
              onChange={(e) => onAcknowledgementChange({ ...acknowledgement, destructive: e.target.checked })}
            />
            <span>I understand that Terraform replaces the table and every item is lost unless migrated.</span>
          </label>
          <label htmlFor={noteId} className={styles.noteLabel}>
            Migration note (how the items are exported, copied into the new table, and when clients move)
          </label>
          <textarea
            id={noteId}
            className={ui.input}
            rows={4}
            value={acknowledgement.migrationNote}
            aria-invalid={acknowledgementError ? true : undefined}
            aria-describedby={acknowledgementError ? `${noteId}-error` : undefined}
            minLength={MIN_MIGRATION_NOTE_LENGTH}
            onChange={(e) => onAcknowledgementChange({ ...acknowledgement, migrationNote: e.target.value })}
          />
          {acknowledgementError && (
            <p id={`${noteId}-error`} className={ui.error} role="alert">
              {acknowledgementError}
            </p>
          )}
        </div>
      )}
    </fieldset>
  );
}
