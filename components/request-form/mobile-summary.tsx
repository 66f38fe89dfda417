"use client";

import { useSyncExternalStore } from "react";
import { formatUsd } from "@/lib/domain/cost/format";
import type { PanelSummaryStore } from "./panel-summary";
import styles from "./request-form.module.css";

/**
 * On screens too narrow for the side panel (which then sits below the whole form), the sticky
 * Save bar repeats the cost, the DR pattern and the error count, with a link down to the panel.
 */
export function MobileSummary({ store }: { store: PanelSummaryStore }) {
  const summary = useSyncExternalStore(store.subscribe, store.get, store.get);
  return (
    <p className={styles.mobileSummary} data-testid="mobile-cost-summary">
      <span>
        <strong data-testid="mobile-cost-total">
          {summary.totalMonthlyUsd !== undefined ? `${formatUsd(summary.totalMonthlyUsd)}/month` : "Cost —"}
        </strong>
        {summary.drName ? ` · ${summary.drName}` : ""}
        {summary.errorCount > 0
          ? ` · ${summary.errorCount} error${summary.errorCount === 1 ? "" : "s"}`
          : " · no errors"}
      </span>
      <a href="#live-panel">Details</a>
    </p>
  );
}
