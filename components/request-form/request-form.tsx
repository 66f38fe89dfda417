"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import ui from "@/components/ui/page.module.css";
import { ApiProblem, apiFetch } from "@/lib/client/api-fetch";
import { useCsrfToken } from "@/lib/client/csrf";
import type { AccountTarget } from "@/lib/domain/accounts/account-target";
import { analyzeTableRequest } from "@/lib/domain/analyze-request";
import type { TierPolicy } from "@/lib/domain/policy/schema";
import type { TableRequestInput } from "@/lib/domain/request/schema";
import { DraftAutosave } from "./draft-autosave";
import { draftKey, mergeDraft, readDraft, removeDraft } from "./draft-storage";
import { ErrorSummary } from "./error-summary";
import { toFormPath } from "./field-paths";
import { fromTableRequest, initialFormValues } from "./form-defaults";
import { RequestFormSchema, type RequestFormValues } from "./form-schema";
import { IssueStoreContext } from "./issue-context";
import { FieldIssueStore } from "./issue-store";
import { LivePanel } from "./live-panel";
import { LoadExample } from "./load-example";
import styles from "./request-form.module.css";
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
import { toTableRequest } from "./to-table-request";

interface CreatedChangeRequest {
  key: string;
  status: string;
  version: number;
}

// zod's default messages name types ("expected number, received undefined"); people need an instruction.
const resolver = zodResolver(RequestFormSchema, {
  error: (issue) => {
    if (issue.code === "invalid_type" && (issue.expected === "number" || issue.expected === "int"))
      return "Enter a number.";
    if (issue.code === "invalid_value") return "Choose one of the options.";
    return undefined;
  },
});

/** Editing an existing change request: its current revision becomes revision N+1 on save. */
export interface RevisionTarget {
  key: string;
  version: number;
  currentRevision: number;
  status: string;
  request: TableRequestInput;
}

export interface RequestFormProps {
  teams: string[];
  requesterEmail: string;
  policy: TierPolicy;
  revise?: RevisionTarget;
  /** Admins' account mappings, to show where the table will be created. */
  accountTargets?: AccountTarget[];
}

/** The new-request page's client side: the form, its local draft, the live panel, and saving. */
export function RequestForm({ teams, requesterEmail, policy, revise, accountTargets }: RequestFormProps) {
  const router = useRouter();
  const csrfToken = useCsrfToken();
  const blank = useMemo(() => {
    const empty = initialFormValues({ teams, requesterEmail }, policy);
    return revise ? fromTableRequest(revise.request, empty) : empty;
  }, [teams, requesterEmail, policy, revise]);
  // A revision's local draft is kept apart from the new-request draft.
  const storageKey = draftKey(revise ? `${requesterEmail}:${revise.key}` : requesterEmail);
  const [store] = useState(() => new FieldIssueStore());
  const form = useForm<RequestFormValues>({
    defaultValues: blank,
    resolver,
    mode: "onTouched",
    shouldFocusError: false,
  });
  const summaryRef = useRef<HTMLDivElement>(null);
  const [summaryVisible, setSummaryVisible] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [draftSavedAt, setDraftSavedAt] = useState<string>();
  const [restoredAt, setRestoredAt] = useState<string>();
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

  const save = useMutation({
    mutationFn: (body: { request: unknown; submit: boolean }) =>
      revise
        ? apiFetch<CreatedChangeRequest>(`/api/v1/change-requests/${revise.key}/revisions`, {
            method: "POST",
            json: { request: body.request, expectedVersion: revise.version },
            csrfToken,
          })
        : apiFetch<CreatedChangeRequest>("/api/v1/change-requests", { method: "POST", json: body, csrfToken }),
  });

  const showSummary = (message?: string) => {
    setProblem(message);
    setSummaryVisible(true);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const send = (submit: boolean) =>
    form.handleSubmit(
      async (values) => {
        const request = toTableRequest(values);
        // Submitting asks for a valid request; the engine already knows, so say so without a round trip.
        // Saving a draft goes to the server either way, which is the judge of what it stores.
        if (submit && !analyzeTableRequest(request, { policy }).valid) {
          showSummary();
          return;
        }
        store.setServerIssues([]);
        try {
          const created = await save.mutateAsync({ request, submit });
          isLeaving.current = true;
          removeDraft(storageKey);
          router.push(`/requests/${created.key}`);
        } catch (error) {
          if (error instanceof ApiProblem) {
            const current = form.getValues();
            store.setServerIssues(
              error.errors.map((e) => ({
                path: toFormPath(e.path, current, e.code),
                code: e.code,
                message: e.message,
                severity: "error" as const,
                source: "server" as const,
              })),
            );
            showSummary(`The server refused the request: ${error.message}.`);
          } else {
            showSummary(
              "The request could not reach the server. Nothing was lost: your draft is kept on this browser.",
            );
          }
        }
      },
      () => showSummary(),
    )();

  const isSaving = save.isPending || save.isSuccess;

  return (
    <FormProvider {...form}>
      <IssueStoreContext.Provider value={store}>
        <DraftAutosave
          storageKey={storageKey}
          blank={blank}
          isLeaving={isLeaving}
          onSaved={(savedAt) => setDraftSavedAt(savedAt)}
        />
        <div className={styles.pageHeader} id="request-form-top" tabIndex={-1}>
          <div>
            <h1>{revise ? `Revise ${revise.key}: revision ${revise.currentRevision + 1}` : "New table request"}</h1>
            <p className={styles.lead}>
              {revise
                ? `Edit revision ${revise.currentRevision}; saving stores revision ${revise.currentRevision + 1}${
                    revise.status === "DRAFT" ? "" : " and sends it back for review (earlier approvals are cleared)"
                  }. The panel shows what changes as you type.`
                : "Describe the table; the panel shows its cost, disaster recovery and Terraform as you type."}
            </p>
          </div>
          {!revise && <LoadExample blank={blank} teams={teams} requesterEmail={requesterEmail} />}
        </div>
        {draftSavedAt && (
          <div className={styles.draftBar} data-testid="draft-status">
            <span>
              {restoredAt ? "Restored your draft from this browser. " : ""}
              Draft saved locally at <time dateTime={draftSavedAt}>{new Date(draftSavedAt).toLocaleTimeString()}</time>.
            </span>
            <button
              type="button"
              className={`${ui.button} ${ui.secondary} ${styles.smallButton}`}
              onClick={discardDraft}
            >
              Discard draft
            </button>
          </div>
        )}
        <div className={styles.layout}>
          <form
            className={styles.form}
            noValidate
            aria-label={revise ? `Revise ${revise.key}` : "New table request"}
            onSubmit={(event) => {
              event.preventDefault();
              void send(true);
            }}
          >
            <ErrorSummary ref={summaryRef} visible={summaryVisible} problem={problem} />
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
            {revise ? (
              <div className={styles.actions}>
                <button type="submit" className={ui.button} disabled={isSaving}>
                  {isSaving ? "Saving…" : `Save revision ${revise.currentRevision + 1}`}
                </button>
                <span className={styles.actionsHelp}>
                  {revise.status === "DRAFT" ? "The request stays a draft." : "The request goes back to review."}
                </span>
              </div>
            ) : (
              <div className={styles.actions}>
                <button
                  type="button"
                  className={`${ui.button} ${ui.secondary}`}
                  disabled={isSaving}
                  onClick={() => void send(false)}
                >
                  Save draft
                </button>
                <button type="submit" className={ui.button} disabled={isSaving}>
                  {isSaving ? "Saving…" : "Submit for review"}
                </button>
                <span className={styles.actionsHelp}>Save draft stores it on the server without review.</span>
              </div>
            )}
          </form>
          <LivePanel policy={policy} />
        </div>
      </IssueStoreContext.Provider>
    </FormProvider>
  );
}
