"use client";

import Link from "next/link";
import type { MouseEvent, RefObject } from "react";
import type { QueueView } from "@/lib/api/schemas/queue";
import { formatUsd } from "@/lib/domain/cost/format";
import styles from "./approval-queue.module.css";
import { splitQueue, waitingOnOthers } from "./split-queue";

export interface QueueRow {
  key: string;
  title: string;
  /** The requester's purpose: approvers read it first. */
  purpose: string;
  tier: string;
  team: string;
  requester: string;
  monthlyCostUsd: number;
  regions: string[];
  flags: string[];
  approvals: { count: number; required: number };
  /** Already formatted on the server ("3 d") so both renders agree. */
  waiting: string;
  waitingSinceIso: string;
  currentRevision: number;
  /** The viewer requested it or wrote the current revision (four-eyes: someone else decides). */
  isOwn: boolean;
  /** The viewer approved the current revision. */
  approvedByMe: boolean;
  /** A change to a managed table: its operation plan's risk and number of steps. */
  plan?: { risk: string; steps: number };
  /** The viewer's role may decide it (false: routed to other approvers). */
  mayDecide: boolean;
  routedRoles: string[];
  /** The AWS account its module targets; undefined: the default credentials' account. */
  account?: { accountId: string; name: string | null };
}

const FLAG_TEXT: Record<string, string> = {
  replacement: "replaces table",
  rebuild: "rebuilds index",
  protection: "lowers protection",
  policy: "policy",
  warnings: "warnings",
  "multi-region": "multi-Region",
};
const LOUD = new Set(["replacement", "rebuild", "protection"]);

interface ListProps {
  rows: QueueRow[];
  selectedKey?: string;
  hrefFor: (key: string) => string;
  listRef: RefObject<HTMLDivElement | null>;
  onSelect: (key: string) => void;
  /** The "Show" filter: the database already narrowed the rows to one side; show only its group. */
  view: QueueView;
  /** The queue has more than this page: an empty group speaks of this page only. */
  paged: boolean;
}

/**
 * The queue entries as links (Enter opens one in the review pane; the URL remembers it), in two
 * groups: what needs the viewer's decision, and what waits on others (their own requests, and
 * those they approved that need a second approver). Each entry leads with its purpose. The split
 * reads the facts the database filtered on (isOwn, approvedByMe), so it agrees with "Show".
 */
export function QueueList({ rows, selectedKey, hrefFor, listRef, onSelect, view, paged }: ListProps) {
  const { mine, others } = splitQueue(rows);
  const onThisPage = paged ? " on this page" : "";
  function onClick(event: MouseEvent, key: string) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onSelect(key);
  }
  const group = (id: string, title: string, items: QueueRow[], empty: string) => (
    <section className={styles.group} aria-labelledby={id} data-testid={`queue-group-${id}`}>
      <h2 id={id} className={styles.groupTitle}>
        {title} <span className={styles.groupCount}>({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p className={styles.groupEmpty}>{empty}</p>
      ) : (
        <ol className={styles.list} aria-labelledby={id}>
          {items.map((row) => (
            <QueueItem
              key={row.key}
              row={row}
              selected={row.key === selectedKey}
              href={hrefFor(row.key)}
              onClick={onClick}
            />
          ))}
        </ol>
      )}
    </section>
  );
  return (
    <div ref={listRef} className={styles.groups} data-testid="queue-list">
      {view !== "others" && group("needs-me", "Needs my decision", mine, `Nothing${onThisPage} needs your decision.`)}
      {view !== "mine" &&
        group("waiting-on-others", "Waiting on others", others, `Nothing${onThisPage} is waiting on others.`)}
    </div>
  );
}

function QueueItem({
  row,
  selected,
  href,
  onClick,
}: {
  row: QueueRow;
  selected: boolean;
  href: string;
  onClick: (event: MouseEvent, key: string) => void;
}) {
  const waiting = waitingOnOthers(row);
  return (
    <li>
      <Link
        href={href}
        scroll={false}
        data-key={row.key}
        data-testid="queue-item"
        aria-current={selected ? "true" : undefined}
        className={`${styles.item} ${selected ? styles.itemSelected : ""}`}
        onClick={(e) => onClick(e, row.key)}
      >
        <span className={styles.itemTop}>
          <span className={styles.itemKey}>{row.key}</span>
          <span className={`${styles.tier} ${styles[`tier-${row.tier}`] ?? ""}`}>{row.tier}</span>
          <span className={styles.itemCost}>{formatUsd(row.monthlyCostUsd)}/mo</span>
        </span>
        <span className={styles.itemPurpose} data-testid="queue-item-purpose">
          {row.purpose.trim() || "No purpose given"}
        </span>
        <span className={styles.itemTitle}>{row.title}</span>
        <span className={styles.itemMeta}>
          {row.account && (
            <span data-testid="queue-item-account">
              AWS {row.account.accountId}
              {row.account.name ? ` (${row.account.name})` : ""} ·{" "}
            </span>
          )}
          {row.team} · {row.requester}
          {row.isOwn ? " (you)" : ""} · waiting <time dateTime={row.waitingSinceIso}>{row.waiting}</time>
        </span>
        <span className={styles.itemMeta}>
          <span className={styles.approvals}>
            {row.approvals.count}/{row.approvals.required} approvals
          </span>
          {row.currentRevision > 1 && <span className={styles.chip}>rev {row.currentRevision}</span>}
          {row.plan && (
            <span
              className={`${styles.chip} ${row.plan.risk === "destructive" || row.plan.risk === "high" ? styles.chipLoud : ""}`}
              data-testid="queue-item-risk"
            >
              risk {row.plan.risk} · {row.plan.steps} step{row.plan.steps === 1 ? "" : "s"}
            </span>
          )}
          {row.flags.map((flag) => (
            <span key={flag} className={`${styles.chip} ${LOUD.has(flag) ? styles.chipLoud : ""}`}>
              {LOUD.has(flag) ? "⚠ " : ""}
              {FLAG_TEXT[flag] ?? flag}
            </span>
          ))}
        </span>
        {waiting && <span className={styles.itemWaiting}>{waiting}</span>}
      </Link>
    </li>
  );
}
