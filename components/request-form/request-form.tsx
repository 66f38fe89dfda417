"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { memo, useEffect, useMemo, useRef, useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import ui from "@/components/ui/page.module.css";
import { ApiProblem, apiFetch } from "@/lib/client/api-fetch";
import { useCsrfToken } from "@/lib/client/csrf";
import type { AccountTarget } from "@/lib/domain/accounts/account-target";
import { analyzeTableRequest, type RequestAnalysis } from "@/lib/domain/analyze-request";
import type { TierPolicy } from "@/lib/domain/policy/schema";
import type { TableRequestInput, Tier } from "@/lib/domain/request/schema";
import { humanizeIssueMessage } from "@/lib/domain/validation/human-message";
import { type AcknowledgementState, ChangePlanSection, type PlanAgainst } from "./change-plan-section";
import { DraftAutosave } from "./draft-autosave";
import { draftKey, mergeDraft, readDraft, removeDraft } from "./draft-storage";
import { ErrorSummary } from "./error-summary";
import { FieldDisplayStore } from "./field-display-store";
import { toFormPath } from "./field-paths";
import { fromStoredRequest, initialFormValues } from "./form-defaults";
import { RequestFormSchema, type RequestFormValues } from "./form-schema";
import { FieldDisplayContext, IssueStoreContext } from "./issue-context";
import { FieldIssueStore } from "./issue-store";
import { LivePanel } from "./live-panel";
import { LoadExample } from "./load-example";
import { MobileSummary } from "./mobile-summary";
import { PanelSummaryStore } from "./panel-summary";
import styles from "./request-form.module.css";
import { ReviewDialog } from "./review-dialog";
import { AlarmsSection, WorkloadSection } from "./sections/alarms-workload-section";
import { CapacitySection } from "./sections/capacity-section";
import { EncryptionSection, StreamsTtlSection } from "./sections/encryption-streams-section";
import { IndexesSection } from "./sections/indexes-section";
import { OwnerSection } from "./sections/owner-section";
import { ProtectionSection } from "./sections/protection-section";
import { RegionsSection } from "./sections/regions-section";
import { TableKeysSection } from "./sections/table-keys-section";
import { TagsSection } from "./sections/tags-section";
import { TierSection } from "./sections/tier-section";
import { changeTier, describeTierValue, type TierFieldChange } from "./tier-change";
import { toTableRequest } from "./to-table-request";

interface CreatedChangeRequest {
  key: string;
  status: string;
  version: number;
}

function limitText(limit: number | bigint, origin: string): string {
  const n = Number(limit).toLocaleString("en-US");
  if (origin === "string") return `${n} character${n === "1" ? "" : "s"}`;
  if (origin === "array") return `${n} item${n === "1" ? "" : "s"}`;
  return n;
}

// zod's default messages name types ("expected number, received undefined"); people need an instruction.
const resolver = zodResolver(RequestFormSchema, {
  error: (issue) => {
    if (issue.code === "invalid_type" && (issue.expected === "number" || issue.expected === "int"))
      return "Enter a number.";
    if (issue.code === "invalid_value") return "Choose one of the options.";
    // zod's own words ("Too big: expected number to be <=365") name types; say the limit instead.
    if (issue.code === "too_big") return `At most ${limitText(issue.maximum, issue.origin)}.`;
    if (issue.code === "too_small") return `At least ${limitText(issue.minimum, issue.origin)}.`;
    return undefined;
  },
});

/** Editing an existing change request: its current revision becomes revision N+1 on save. */
export interface RevisionTarget {
  key: string;
  version: number;
  currentRevision: number;
  status: string;
  title?: string;
  /** The stored request; a draft saved with errors may not have the request's full shape. */
  request: TableRequestInput;
  /** The managed table the request is tied to, if any. */
  tableId?: string;
  approved?: boolean;
}

/** A new request filled from an existing one ("request another like this", "promote to prod"). */
export interface CloneSource {
  key: string;
  revision: number;
  request: TableRequestInput;
  /** Move the copy to this tier (its defaults fill untouched fields; its checks apply). */
  tier?: Tier;
}

/** "Adopt live" / "Revert" from a drifted table: what the form starts from instead of the approved definition. */
export interface DriftPrefill {
  kind: "adopt" | "revert";
  request: TableRequestInput;
  /** What the import path could not read from AWS (shown with the form). */
  notes: string[];
}

export interface RequestFormProps {
  teams: string[];
  requesterEmail: string;
  policy: TierPolicy;
  revise?: RevisionTarget;
  clone?: CloneSource;
  /** Changing a managed table: the form starts from its approved definition and shows the plan. */
  planAgainst?: PlanAgainst;
  /** A new request ties itself to this table ("Change this table"). */
  changeTable?: { id: string; name: string };
  /** Resolving a drift of `changeTable`: adopt the live table or revert to the approved definition. */
  driftPrefill?: DriftPrefill;
  /** Admins' account mappings, to show where the table will be created. */
  accountTargets?: AccountTarget[];
}

interface Baseline {
  values: RequestFormValues;
  /** For a promoted copy: what the new tier filled in. */
  tierChanges: TierFieldChange[];
}

/** The form's starting values: blank, the revision being edited, or a copy of another request. */
function buildBaseline(props: RequestFormProps): Baseline {
  const { teams, requesterEmail, policy, revise, clone, planAgainst, changeTable, driftPrefill } = props;
  const empty = initialFormValues({ teams, requesterEmail }, policy);
  if (revise)
    return { values: { ...fromStoredRequest(revise.request, empty), title: revise.title ?? "" }, tierChanges: [] };
  if (changeTable && planAgainst && driftPrefill) {
    const title =
      driftPrefill.kind === "adopt"
        ? `Adopt the live state of ${changeTable.name}`
        : `Revert ${changeTable.name} to its approved definition`;
    return { values: { ...fromStoredRequest(driftPrefill.request, empty), title }, tierChanges: [] };
  }
  if (changeTable && planAgainst) return { values: fromStoredRequest(planAgainst.live, empty), tierChanges: [] };
  if (!clone) return { values: empty, tierChanges: [] };
  const copy = fromStoredRequest(clone.request, empty);
  // The copy is the person's own request: their team (if the source's is not one of theirs) and email.
  const team = teams.includes(copy.owner.team) ? copy.owner.team : empty.owner.team;
  copy.owner = { ...copy.owner, team, requester: requesterEmail };
  const teamTag = copy.tags.find((t) => t.key === "Team");
  if (teamTag) teamTag.value = team;
  copy.title = "";
  if (!clone.tier || clone.tier === copy.tier) return { values: copy, tierChanges: [] };
  const promoted = changeTier(copy, clone.tier, policy);
  return { values: promoted.values, tierChanges: promoted.changes };
}

function storageKeyOf({ requesterEmail, revise, clone, changeTable, driftPrefill }: RequestFormProps): string {
  if (revise) return draftKey(`${requesterEmail}:${revise.key}`);
  if (changeTable && driftPrefill) return draftKey(`${requesterEmail}:table:${changeTable.id}:${driftPrefill.kind}`);
  // A table change's local draft is kept apart from the new-request draft.
  if (changeTable) return draftKey(`${requesterEmail}:table:${changeTable.id}`);
  if (clone) return draftKey(`${requesterEmail}:from:${clone.key}:${clone.tier ?? ""}`);
  return draftKey(requesterEmail);
}

/** The new-request page's client side: the form, its local draft, the live panel, review and saving. */
export function RequestForm(props: RequestFormProps) {
  const { teams, requesterEmail, policy, revise, clone, planAgainst, changeTable, driftPrefill, accountTargets } =
    props;
  const router = useRouter();
  const csrfToken = useCsrfToken();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the baseline depends on exactly these props
  const baseline = useMemo(
    () => buildBaseline(props),
    [teams, requesterEmail, policy, revise, clone, planAgainst, changeTable, driftPrefill],
  );
  const blank = baseline.values;
  const storageKey = storageKeyOf(props);
  const [acknowledgement, setAcknowledgement] = useState<AcknowledgementState>({
    destructive: false,
    migrationNote: "",
  });
  const [acknowledgementError, setAcknowledgementError] = useState<string>();
  /** A refused new request whose table is already managed: where to change it instead. */
  const [managedTableId, setManagedTableId] = useState<string>();
  const [store] = useState(() => new FieldIssueStore());
  const [summaryStore] = useState(() => new PanelSummaryStore());
  const form = useForm<RequestFormValues>({
    defaultValues: blank,
    resolver,
    mode: "onTouched",
    shouldFocusError: false,
  });
  const [displayStore] = useState(() => new FieldDisplayStore(form, blank));
  // Connected before the draft is restored below (effects run in order), so no change is missed.
  useEffect(() => displayStore.connect(), [displayStore]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [summaryVisible, setSummaryVisible] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [draftSavedAt, setDraftSavedAt] = useState<string>();
  const [restoredAt, setRestoredAt] = useState<string>();
  const [review, setReview] = useState<{ analysis: RequestAnalysis; request: TableRequestInput; title: string }>();
  // Set once the request is saved on the server, so a pending autosave cannot re-create the draft.
  const isLeaving = useRef(false);

  // Restore after hydration: the server render cannot see localStorage. keepDefaultValues keeps
  // the blank form as the baseline, so restored fields count as changed and show their issues.
  useEffect(() => {
    const draft = readDraft(storageKey);
    if (!draft) return;
    form.reset(mergeDraft(blank, draft.values), { keepDefaultValues: true });
    setRestoredAt(draft.savedAt);
    setDraftSavedAt(draft.savedAt);
  }, [storageKey, blank, form]);

  const discardDraft = () => {
    removeDraft(storageKey);
    form.reset(blank);
    store.setServerIssues([]);
    setDraftSavedAt(undefined);
    setRestoredAt(undefined);
    setSummaryVisible(false);
    setProblem(undefined);
  };

  // Sent only when given: the server asks for it when (and only when) the plan is destructive.
  const ackBody = acknowledgement.destructive || acknowledgement.migrationNote.trim() ? { acknowledgement } : {};
  const save = useMutation({
    mutationFn: (body: { request: unknown; submit: boolean; title: string }) => {
      const title = body.title.trim() || undefined;
      return revise
        ? apiFetch<CreatedChangeRequest>(`/api/v1/change-requests/${revise.key}/revisions`, {
            method: "POST",
            json: { request: body.request, expectedVersion: revise.version, ...(title ? { title } : {}), ...ackBody },
            csrfToken,
          })
        : apiFetch<CreatedChangeRequest>("/api/v1/change-requests", {
            method: "POST",
            json: {
              request: body.request,
              submit: body.submit,
              ...(title ? { title } : {}),
              ...(changeTable ? { tableId: changeTable.id } : {}),
              // A revert is planned by the server from the live table, as the form shows it.
              ...(changeTable && driftPrefill ? { driftResolution: driftPrefill.kind } : {}),
              ...ackBody,
            },
            csrfToken,
          });
    },
  });

  const showSummary = (message?: string) => {
    setProblem(message);
    setSummaryVisible(true);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const post = async (request: TableRequestInput, submit: boolean, title: string) => {
    store.setServerIssues([]);
    setAcknowledgementError(undefined);
    setManagedTableId(undefined);
    try {
      const created = await save.mutateAsync({ request, submit, title });
      isLeaving.current = true;
      removeDraft(storageKey);
      router.push(`/requests/${created.key}`);
    } catch (error) {
      setReview(undefined);
      if (error instanceof ApiProblem) {
        const current = form.getValues();
        // Issues beside the request (the acknowledgement) are shown by their own field.
        const ack = error.errors.find((e) => e.path.startsWith("acknowledgement"));
        setAcknowledgementError(ack?.message);
        const managed = error.errors.find((e) => e.code === "TABLE_ALREADY_MANAGED");
        setManagedTableId(managed ? /\/tables\/([a-z0-9]+)/.exec(managed.message)?.[1] : undefined);
        store.setServerIssues(
          error.errors
            .filter((e) => !e.path.startsWith("acknowledgement"))
            .map((e) => ({
              path: toFormPath(e.path, current, e.code),
              code: e.code,
              message: humanizeIssueMessage(e.message, current),
              severity: "error" as const,
              source: "server" as const,
            })),
        );
        showSummary(`The server refused the request: ${error.message}.`);
      } else {
        showSummary("The request could not reach the server. Nothing was lost: your draft is kept on this browser.");
      }
    }
  };

  // A draft is kept whatever state it is in: no checks stand between the person and Save draft.
  const saveDraft = () => {
    setSummaryVisible(false);
    const values = form.getValues();
    void post(toTableRequest(values), false, values.title);
  };

  // Sending to review asks for a valid request; the engine already knows, so say so without a round trip.
  const startReview = form.handleSubmit(
    (values) => {
      const request = toTableRequest(values);
      const analysis = analyzeTableRequest(request, { policy });
      if (!analysis.valid) {
        showSummary();
        return;
      }
      setSummaryVisible(false);
      setReview({ analysis, request, title: values.title });
    },
    () => showSummary(),
  );

  const isSaving = save.isPending || save.isSuccess;
  const nextRevision = revise ? revise.currentRevision + 1 : 1;

  return (
    <FormProvider {...form}>
      <IssueStoreContext.Provider value={store}>
        <FieldDisplayContext.Provider value={displayStore}>
          <DraftAutosave
            storageKey={storageKey}
            blank={blank}
            isLeaving={isLeaving}
            onSaved={(savedAt) => setDraftSavedAt(savedAt)}
          />
          <div className={styles.pageHeader} id="request-form-top" tabIndex={-1}>
            <div>
              <h1>
                {revise
                  ? `Revise ${revise.key}: revision ${nextRevision}`
                  : clone?.tier && clone.tier !== (clone.request as { tier?: string }).tier
                    ? `Promote ${clone.key} to ${clone.tier}`
                    : clone
                      ? `New request like ${clone.key}`
                      : changeTable && driftPrefill
                        ? `${driftPrefill.kind === "adopt" ? "Adopt the live state of" : "Revert"} ${changeTable.name}`
                        : changeTable
                          ? `Change ${changeTable.name}`
                          : "New table request"}
              </h1>
              <p className={styles.lead}>
                {revise
                  ? `Edit revision ${revise.currentRevision}; saving stores revision ${nextRevision}${
                      revise.status === "DRAFT" ? "" : " and sends it back for review (earlier approvals are cleared)"
                    }. The panel shows what changes as you type.`
                  : driftPrefill?.kind === "adopt"
                    ? "The form starts from the table as AWS describes it now. Approving it makes the approved definition match the live table; the operation plan below shows what changes from the approved definition."
                    : driftPrefill?.kind === "revert"
                      ? "The form starts from the table's approved definition, to apply it again. The operation plan below goes from the table as AWS describes it now (drifted) back to that definition."
                      : changeTable
                        ? "The form starts from the table's approved definition. Edit what should change; the operation plan below shows what it takes, step by step."
                        : "Describe the table; the panel shows its cost, disaster recovery and Terraform as you type."}
              </p>
            </div>
            {!revise && !clone && !changeTable && (
              <LoadExample blank={blank} teams={teams} requesterEmail={requesterEmail} storageKey={storageKey} />
            )}
          </div>
          {clone && <CloneNotice clone={clone} changes={baseline.tierChanges} />}
          {driftPrefill && driftPrefill.notes.length > 0 && (
            <div className={styles.draftBar} data-testid="drift-prefill-notes" role="note">
              <ul>
                {driftPrefill.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            </div>
          )}
          {draftSavedAt && (
            <div className={styles.draftBar} data-testid="draft-status">
              <span>
                {restoredAt ? "Restored your draft from this browser. " : ""}
                Draft saved locally at{" "}
                <time dateTime={draftSavedAt}>{new Date(draftSavedAt).toLocaleTimeString()}</time>.
              </span>
              <Button variant="secondary" size="small" onClick={discardDraft}>
                Discard draft
              </Button>
            </div>
          )}
          <div className={styles.layout}>
            <form
              className={styles.form}
              noValidate
              aria-label={revise ? `Revise ${revise.key}` : "New table request"}
              onSubmit={(event) => {
                event.preventDefault();
                if (revise?.status === "DRAFT") saveDraft();
                else void startReview();
              }}
            >
              <ErrorSummary ref={summaryRef} visible={summaryVisible} problem={problem} />
              {managedTableId && (
                <p className={`${ui.notice} ${styles.managedHint}`} data-testid="managed-table-hint">
                  This table is already managed by the portal. <Link href={`/tables/${managedTableId}`}>Open it</Link>{" "}
                  or <Link href={`/requests/new?table=${managedTableId}`}>change this table</Link> instead.
                </p>
              )}
              <FormSections teams={teams} policy={policy} accountTargets={accountTargets} />
              {planAgainst && (
                <ChangePlanSection
                  planAgainst={planAgainst}
                  policy={policy}
                  acknowledgement={acknowledgement}
                  onAcknowledgementChange={setAcknowledgement}
                  acknowledgementError={acknowledgementError}
                />
              )}
              <div className={styles.actions} data-sticky-actions>
                <MobileSummary store={summaryStore} />
                {revise ? (
                  <>
                    <Button type="submit" disabled={isSaving}>
                      {isSaving ? "Saving…" : `Save revision ${nextRevision}`}
                    </Button>
                    <span className={styles.actionsHelp}>
                      {revise.status === "DRAFT"
                        ? "The request stays a draft, saved as it is."
                        : "You review it, then it goes back to review."}
                    </span>
                  </>
                ) : (
                  <>
                    <Button variant="secondary" disabled={isSaving} onClick={saveDraft}>
                      Save draft
                    </Button>
                    <Button type="submit" disabled={isSaving}>
                      {isSaving ? "Saving…" : "Review and submit"}
                    </Button>
                    <span className={styles.actionsHelp}>
                      Save draft keeps it on the server as it is, errors and all; submitting needs a valid request.
                    </span>
                  </>
                )}
              </div>
            </form>
            <LivePanel policy={policy} summaryStore={summaryStore} showBudget={!revise} />
          </div>
          <ReviewDialog
            open={review !== undefined}
            analysis={review?.analysis}
            policy={policy}
            title={review?.title ?? ""}
            confirmLabel={revise ? `Save revision ${nextRevision} and send to review` : "Submit for review"}
            isSaving={isSaving}
            onConfirm={() => {
              if (review) void post(review.request, true, review.title);
            }}
            onClose={() => setReview(undefined)}
          />
        </FieldDisplayContext.Provider>
      </IssueStoreContext.Provider>
    </FormProvider>
  );
}

/**
 * The form's sections. Memoised: the page's own state (the draft's "saved at" after each autosave,
 * the error summary, saving) changes often and must not re-render every section and field; the
 * sections follow the form through react-hook-form themselves.
 */
const FormSections = memo(function FormSections({
  teams,
  policy,
  accountTargets,
}: {
  teams: string[];
  policy: TierPolicy;
  accountTargets?: AccountTarget[];
}) {
  return (
    <>
      <OwnerSection teams={teams} />
      <TierSection policy={policy} accountTargets={accountTargets} />
      <TableKeysSection />
      <IndexesSection />
      <CapacitySection />
      <ProtectionSection />
      <EncryptionSection />
      <StreamsTtlSection />
      <RegionsSection />
      <TagsSection mandatoryTags={policy.mandatoryTags} />
      <AlarmsSection />
      <WorkloadSection />
    </>
  );
});

/** Where a copied request came from, and what a promotion's tier filled in. */
function CloneNotice({ clone, changes }: { clone: CloneSource; changes: TierFieldChange[] }) {
  return (
    <div className={styles.draftBar} data-testid="clone-notice" role="note">
      <div>
        <p className={styles.cloneText}>
          Filled from {clone.key} revision {clone.revision}. Check the table name: it must be new in the account and
          Region it goes to.
        </p>
        {changes.length > 0 && (
          <>
            <p className={styles.cloneText}>
              The {clone.tier} tier filled in defaults where the source kept its tier&apos;s:
            </p>
            <ul className={styles.cloneText}>
              {changes.map((change) => (
                <li key={change.field}>
                  {change.label}: {describeTierValue(change.field, change.from)} →{" "}
                  <strong>{describeTierValue(change.field, change.to)}</strong>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
