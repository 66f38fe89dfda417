"use client";

import Link from "next/link";
import type { MouseEvent, RefObject } from "react";
import { formatUsd } from "@/lib/domain/cost/format";
import styles from "./approval-queue.module.css";

export interface QueueRow {
  key: string;
  title: string;
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
  isOwn: boolean;
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

/** The queue entries as links (Enter opens one in the review pane; the URL remembers it). */
export function QueueList({
  rows,
  selectedKey,
  hrefFor,
  listRef,
  onSelect,
}: {
  rows: QueueRow[];
  selectedKey?: string;
  hrefFor: (key: string) => string;
  listRef: RefObject<HTMLOListElement | null>;
  onSelect: (key: string) => void;
}) {
  function onClick(event: MouseEvent, key: string) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onSelect(key);
  }
  return (
    <ol ref={listRef} className={styles.list} aria-label="Requests waiting for review" data-testid="queue-list">
      {rows.map((row) => {
        const selected = row.key === selectedKey;
        return (
          <li key={row.key}>
            <Link
              href={hrefFor(row.key)}
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
              <span className={styles.itemTitle}>{row.title}</span>
              <span className={styles.itemMeta}>
                {row.team} · {row.requester}
                {row.isOwn ? " (you)" : ""} · waiting <time dateTime={row.waitingSinceIso}>{row.waiting}</time>
              </span>
              <span className={styles.itemMeta}>
                <span className={styles.approvals}>
                  {row.approvals.count}/{row.approvals.required} approvals
                </span>
                {row.currentRevision > 1 && <span className={styles.chip}>rev {row.currentRevision}</span>}
                {row.flags.map((flag) => (
                  <span key={flag} className={`${styles.chip} ${LOUD.has(flag) ? styles.chipLoud : ""}`}>
                    {LOUD.has(flag) ? "⚠ " : ""}
                    {FLAG_TEXT[flag] ?? flag}
                  </span>
                ))}
              </span>
            </Link>
          </li>
        );
      })}
    </ol>
  );
}
