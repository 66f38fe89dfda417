"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, type Ref, useId, useImperativeHandle, useState } from "react";
import controls from "@/components/ui/controls.module.css";
import { Dialog } from "@/components/ui/dialog";
import styles from "@/components/ui/page.module.css";
import {
  describeActionError,
  isVersionConflict,
  type RequestActionKind,
  useChangeRequestAction,
} from "./use-change-request-action";
import { useReasonDraft } from "./use-reason-draft";

/** The workflow actions getChangeRequest reports as available to the viewer. */
export type WorkflowActionName =
  | "SUBMIT"
  | "REVISE"
  | "APPROVE"
  | "REJECT"
  | "REQUEST_CHANGES"
  | "WITHDRAW"
  | "RECORD_VERIFICATION";

export interface RequestActionsProps {
  changeRequestKey: string;
  version: number;
  currentRevision: number;
  availableActions: readonly string[];
  /** The viewer may decide in general but wrote this request or its current revision. */
  isFourEyesBlocked: boolean;
  /** Lets the approval queue open a dialog from a keyboard shortcut. */
  ref?: Ref<RequestActionsHandle>;
  /** The queue offers only decisions; the detail page offers everything. */
  decisionsOnly?: boolean;
}

export interface RequestActionsHandle {
  open(kind: "approve" | "reject" | "request-changes"): boolean;
}

const ACTION_OF: Record<RequestActionKind, WorkflowActionName> = {
  submit: "SUBMIT",
  withdraw: "WITHDRAW",
  approve: "APPROVE",
  reject: "REJECT",
  "request-changes": "REQUEST_CHANGES",
};

interface DialogCopy {
  title: string;
  description: string;
  confirm: string;
  needsReason?: boolean;
  allowsComment?: boolean;
  tone: "primary" | "danger" | "warning";
}

function copyFor(kind: RequestActionKind, key: string, revision: number): DialogCopy {
  switch (kind) {
    case "submit":
      return {
        title: `Submit ${key} for review?`,
        description: `The platform team will review revision ${revision}. You can still withdraw it.`,
        confirm: "Submit for review",
        tone: "primary",
      };
    case "withdraw":
      return {
        title: `Withdraw ${key}?`,
        description: "A withdrawn request leaves the review queue for good. Start a new request to try again.",
        confirm: "Withdraw request",
        tone: "danger",
      };
    case "approve":
      return {
        title: `Approve revision ${revision} of ${key}?`,
        description: `You approve exactly revision ${revision} as shown on this page. A later revision clears your approval.`,
        confirm: `Approve revision ${revision}`,
        allowsComment: true,
        tone: "primary",
      };
    case "reject":
      return {
        title: `Reject ${key}?`,
        description: "Rejection is final. Tell the requester why, so their next request gets it right.",
        confirm: "Reject request",
        needsReason: true,
        tone: "danger",
      };
    case "request-changes":
      return {
        title: `Request changes to ${key}?`,
        description: "The requester revises the request and it comes back to review as a new revision.",
        confirm: "Request changes",
        needsReason: true,
        tone: "warning",
      };
  }
}

/**
 * The buttons for what the viewer may do now, each behind a confirmation dialog; reject and
 * request changes need a reason. A stale page (409) keeps the dialog and its text and offers a reload.
 */
export function RequestActions(props: RequestActionsProps) {
  const { changeRequestKey: key, version, currentRevision, availableActions, isFourEyesBlocked, decisionsOnly } = props;
  const [openKind, setOpenKind] = useState<RequestActionKind | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const has = (kind: RequestActionKind) => availableActions.includes(ACTION_OF[kind]);

  useImperativeHandle(props.ref, () => ({
    open(kind) {
      if (!has(kind)) return false;
      setOpenKind(kind);
      return true;
    },
  }));

  const button = (kind: RequestActionKind, label: string, tone: string) =>
    has(kind) && (
      <button key={kind} type="button" className={`${styles.button} ${tone}`} onClick={() => setOpenKind(kind)}>
        {label}
      </button>
    );

  const decisionButtons = [
    button("approve", `Approve revision ${currentRevision}`, ""),
    button("request-changes", "Request changes", controls.warningButton ?? ""),
    button("reject", "Reject", styles.danger ?? ""),
  ];
  const ownerButtons = decisionsOnly
    ? []
    : [
        button("submit", "Submit for review", ""),
        availableActions.includes("REVISE") && (
          <Link key="revise" className={`${styles.button} ${styles.secondary}`} href={`/requests/new?revise=${key}`}>
            Revise (new revision)
          </Link>
        ),
        button("withdraw", "Withdraw", `${styles.secondary}`),
      ];
  const visible = [...decisionButtons, ...ownerButtons].filter(Boolean);

  return (
    <div className={controls.buttonRow} data-testid="request-actions">
      {visible}
      {isFourEyesBlocked && (
        <p className={styles.notice} data-testid="four-eyes-note">
          <strong>Four-eyes rule:</strong> you wrote this request (or its current revision), so another approver must
          review it. You cannot approve, reject or request changes here.
        </p>
      )}
      {visible.length === 0 && !isFourEyesBlocked && <p className={controls.hint}>No actions are open to you now.</p>}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {openKind && (
        <ActionDialog
          kind={openKind}
          changeRequestKey={key}
          version={version}
          revision={currentRevision}
          onClose={() => setOpenKind(null)}
          onDone={(status) => {
            setOpenKind(null);
            setAnnouncement(`${key} is now ${status.replaceAll("_", " ").toLowerCase()}.`);
          }}
        />
      )}
    </div>
  );
}

function ActionDialog({
  kind,
  changeRequestKey,
  version,
  revision,
  onClose,
  onDone,
}: {
  kind: RequestActionKind;
  changeRequestKey: string;
  version: number;
  revision: number;
  onClose: () => void;
  onDone: (status: string) => void;
}) {
  const copy = copyFor(kind, changeRequestKey, revision);
  const ids = useId();
  const [text, setText] = useReasonDraft(`tablewright:${changeRequestKey}:${kind}`);
  const [missingReason, setMissingReason] = useState(false);
  const action = useChangeRequestAction(changeRequestKey);
  const router = useRouter();
  const stale = isVersionConflict(action.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (copy.needsReason && !text.trim()) {
      setMissingReason(true);
      return;
    }
    action.mutate(
      {
        kind,
        expectedVersion: version,
        revision,
        reason: copy.needsReason ? text : undefined,
        comment: copy.allowsComment ? text : undefined,
      },
      {
        onSuccess: (result) => {
          setText("");
          onDone(result.status);
        },
      },
    );
  }

  const confirmTone =
    copy.tone === "danger" ? styles.danger : copy.tone === "warning" ? (controls.warningButton ?? "") : "";
  return (
    <Dialog open title={copy.title} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p id={`${ids}-desc`}>{copy.description}</p>
        {(copy.needsReason || copy.allowsComment) && (
          <div className={styles.field}>
            <label htmlFor={`${ids}-text`}>{copy.needsReason ? "Reason (required)" : "Comment (optional)"}</label>
            <textarea
              id={`${ids}-text`}
              className={controls.textarea}
              value={text}
              required={copy.needsReason}
              aria-invalid={missingReason && !text.trim() ? true : undefined}
              aria-describedby={missingReason ? `${ids}-missing` : `${ids}-desc`}
              onChange={(e) => {
                setText(e.target.value);
                if (e.target.value.trim()) setMissingReason(false);
              }}
              maxLength={5000}
              // The reviewer opened the dialog to write: the field is the first thing they need.
              data-autofocus
            />
            {missingReason && !text.trim() && (
              <p id={`${ids}-missing`} role="alert" className={controls.fieldError}>
                Write a reason the requester can act on.
              </p>
            )}
          </div>
        )}
        {action.error && (
          <div role="alert" className={styles.error}>
            {describeActionError(action.error)}
            {stale && (
              <div className={controls.buttonRow} style={{ marginTop: "0.5rem" }}>
                <button
                  type="button"
                  className={`${styles.button} ${styles.secondary} ${controls.small}`}
                  onClick={() => {
                    // Re-reads the request in place: the dialog and the typed text stay.
                    action.reset();
                    router.refresh();
                  }}
                >
                  Reload the request
                </button>
              </div>
            )}
          </div>
        )}
        <div className={controls.buttonRow}>
          <button type="submit" className={`${styles.button} ${confirmTone}`} disabled={action.isPending}>
            {action.isPending ? "Working…" : copy.confirm}
          </button>
          <button type="button" className={`${styles.button} ${styles.secondary}`} onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
