"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ReactNode, useEffect, useLayoutEffect, useRef, useState, useTransition } from "react";
import {
  RequestActions,
  type RequestActionsHandle,
  type RequestActionsProps,
} from "@/components/request-detail/request-actions";
import controls from "@/components/ui/controls.module.css";
import { Dialog } from "@/components/ui/dialog";
import type { QueueView } from "@/lib/api/schemas/queue";
import styles from "./approval-queue.module.css";
import { QueueList, type QueueRow } from "./queue-list";
import { QUEUE_SHORTCUTS, shortcutFor } from "./queue-shortcuts";
import { orderQueue } from "./split-queue";

export interface QueueWorkspaceProps {
  rows: QueueRow[];
  selectedKey?: string;
  /** The current filters as a query string, kept when the selection changes. */
  filterQuery: string;
  /** The selected request's decision controls (null when nothing is selected or it failed to load). */
  decision: Omit<RequestActionsProps, "ref" | "decisionsOnly"> | null;
  /** The server-rendered review of the selected request. */
  review: ReactNode;
  /** The "Show" filter (which groups the list shows). */
  view: QueueView;
  /** The queue has more than this page. */
  paged: boolean;
}

/**
 * The queue: the list on the left, the selected request's review on the right, and single-key
 * shortcuts (j/k move, a/r/c decide, o open, ? help) that stay quiet while someone types.
 */
export function QueueWorkspace({
  rows: given,
  selectedKey,
  filterQuery,
  decision,
  review,
  view,
  paged,
}: QueueWorkspaceProps) {
  const router = useRouter();
  const rows = orderQueue(given);
  const actionsRef = useRef<RequestActionsHandle>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const focusAfterMove = useRef(false);
  const [pendingKey, setPendingKey] = useState<string | undefined>();
  const [isPending, startTransition] = useTransition();
  const [helpOpen, setHelpOpen] = useState(false);
  const [announcement, setAnnouncement] = useState("");

  const hrefFor = (key: string) => `/queue?${filterQuery ? `${filterQuery}&` : ""}selected=${encodeURIComponent(key)}`;
  const shownKey = isPending ? pendingKey : selectedKey;

  function select(key: string) {
    setPendingKey(key);
    startTransition(() => router.push(hrefFor(key), { scroll: false }));
  }

  // After j/k, move keyboard focus with the selection so Enter and Tab continue from there.
  useEffect(() => {
    if (!focusAfterMove.current || !shownKey) return;
    const link = listRef.current?.querySelector<HTMLAnchorElement>(`[data-key="${shownKey}"]`);
    link?.focus();
    link?.scrollIntoView({ block: "nearest" });
    focusAfterMove.current = false;
  }, [shownKey]);

  // A layout effect, not a passive one: it swaps in the handler for this render in the same task
  // that commits the DOM. With useEffect, a key pressed the moment a new review pane is painted
  // (the Reject button already visible) still reached the previous render's handler, which saw the
  // selection as loading and did nothing: a user's "r" was lost, as one CI run caught.
  useLayoutEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const action = shortcutFor(event);
      if (!action) return;
      const index = rows.findIndex((row) => row.key === shownKey);
      if (action === "next" || action === "previous") {
        if (rows.length === 0) return;
        const next = index === -1 ? 0 : Math.min(rows.length - 1, Math.max(0, index + (action === "next" ? 1 : -1)));
        const row = rows[next];
        if (!row) return;
        event.preventDefault();
        focusAfterMove.current = true;
        if (row.key !== shownKey) {
          select(row.key);
          setAnnouncement(`${row.key} selected: ${row.title}`);
        }
        return;
      }
      if (action === "help") {
        event.preventDefault();
        setHelpOpen(true);
        return;
      }
      if (!shownKey || isPending) return;
      if (action === "open") {
        event.preventDefault();
        router.push(`/requests/${encodeURIComponent(shownKey)}`);
        return;
      }
      event.preventDefault();
      const opened = actionsRef.current?.open(action) ?? false;
      if (!opened) {
        setAnnouncement(
          decision?.isFourEyesBlocked
            ? "You cannot decide on your own request: another approver must review it."
            : "That decision is not available for this request.",
        );
      }
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  });

  return (
    <div className={styles.workspace}>
      <div className={styles.listPane}>
        <QueueList
          rows={rows}
          selectedKey={shownKey}
          hrefFor={hrefFor}
          listRef={listRef}
          onSelect={select}
          view={view}
          paged={paged}
        />
        <p className={`${controls.hint} ${styles.shortcutHint}`} data-testid="shortcut-hint">
          Press <kbd className={controls.kbd}>?</kbd> for keyboard shortcuts.{" "}
          <button type="button" className={styles.linkButton} onClick={() => setHelpOpen(true)}>
            Show shortcuts
          </button>
        </p>
      </div>
      <section
        className={styles.reviewPane}
        aria-label={shownKey ? `Review of ${shownKey}` : "Review"}
        aria-busy={isPending || undefined}
        data-testid="queue-review"
      >
        {isPending && <p className={styles.loadingNote}>Loading {pendingKey}…</p>}
        {decision && !isPending && (
          <div className={styles.decisionBar}>
            <RequestActions {...decision} ref={actionsRef} decisionsOnly />
          </div>
        )}
        <div className={isPending ? styles.stale : undefined}>{review}</div>
      </section>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      <Dialog open={helpOpen} title="Keyboard shortcuts" onClose={() => setHelpOpen(false)}>
        <dl className={styles.shortcuts}>
          {QUEUE_SHORTCUTS.map((s) => (
            <div key={s.key}>
              <dt>
                <kbd className={controls.kbd}>{s.key}</kbd>
              </dt>
              <dd>{s.description}</dd>
            </div>
          ))}
        </dl>
        <p className={controls.hint}>Shortcuts are off while you type in a field or a dialog is open.</p>
        <Link href="#main" onClick={() => setHelpOpen(false)}>
          Back to the queue
        </Link>
      </Dialog>
    </div>
  );
}
