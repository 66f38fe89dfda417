"use client";

import { memo, useEffect, useMemo, useRef, useState } from "react";
import { useWatch } from "react-hook-form";
import { CostPanel } from "@/components/cost-panel";
import { TerraformPreview } from "@/components/terraform-preview";
import { analyzeTableRequest } from "@/lib/domain/analyze-request";
import { formatUsd } from "@/lib/domain/cost/format";
import type { TierPolicy } from "@/lib/domain/policy/schema";
import { humanizeIssueMessage } from "@/lib/domain/validation/human-message";
import { BudgetNotice } from "./budget-notice";
import { ChecksList } from "./checks-list";
import { DrPanel } from "./dr-panel";
import { toFormPath } from "./field-paths";
import type { RequestFormValues } from "./form-schema";
import { useIssueStore } from "./issue-context";
import styles from "./live-panel.module.css";
import type { PanelSummaryStore } from "./panel-summary";
import { TabList, tabPanelProps } from "./tab-list";
import { toTableRequest } from "./to-table-request";

type PanelTab = "cost" | "dr" | "terraform" | "checks";

/**
 * The live side panel. It re-analyses the request on every change with the same engine the
 * server uses (a few ms, no network), publishes the findings to the form's fields, and shows cost,
 * DR, Terraform and checks. `data-analysis-seq` goes up by one per analysis so the benchmark can
 * time input → panel. Memoised: it follows the form itself, so the page's own state changes (an
 * autosave's "saved at") do not re-render it.
 */
export const LivePanel = memo(function LivePanel({
  policy,
  summaryStore,
  showBudget = false,
}: {
  policy: TierPolicy;
  summaryStore: PanelSummaryStore;
  showBudget?: boolean;
}) {
  const values = useWatch<RequestFormValues>() as RequestFormValues;
  const store = useIssueStore();
  const seq = useRef(0);
  const [tab, setTab] = useState<PanelTab>("cost");

  // Rendering the Terraform module is the costliest step of the analysis and only its tab shows it:
  // the other tabs skip it, which keeps every edit (Add GSI included) within the 50 ms budget.
  const isTerraformShown = tab === "terraform";
  const { analysis, sequence } = useMemo(() => {
    const result = analyzeTableRequest(toTableRequest(values), { policy, render: isTerraformShown });
    seq.current += 1;
    return { analysis: result, sequence: seq.current };
  }, [values, policy, isTerraformShown]);

  useEffect(() => {
    store.setEngineIssues(
      analysis.allIssues.map((issue) => ({
        path: toFormPath(issue.path, values, issue.code),
        code: issue.code,
        severity: issue.severity,
        source: issue.source,
        message: humanizeIssueMessage(issue.message, values),
      })),
    );
  }, [analysis, values, store]);

  const errorCount = analysis.allIssues.filter((i) => i.severity === "error").length;
  const warningCount = analysis.allIssues.length - errorCount;
  const estimate = analysis.estimate;
  const preview = analysis.drPreview;

  useEffect(() => {
    summaryStore.set({ totalMonthlyUsd: estimate?.totalMonthlyUsd, drName: preview?.name, errorCount, warningCount });
  }, [summaryStore, estimate, preview, errorCount, warningCount]);

  return (
    <aside
      className={styles.panel}
      aria-label="Live preview"
      id="live-panel"
      tabIndex={-1}
      data-testid="live-panel"
      data-analysis-seq={sequence}
    >
      <div className={styles.summary}>
        <div aria-live="polite" aria-atomic="true" className={styles.totals}>
          <div>
            <span className={styles.label}>Estimated monthly cost</span>
            <strong className={styles.total} data-testid="cost-total">
              {estimate ? formatUsd(estimate.totalMonthlyUsd) : "—"}
            </strong>
            {estimate?.range && (
              <span className={styles.range}>
                {formatUsd(estimate.range.low)} – {formatUsd(estimate.range.high)} (tier default workload)
              </span>
            )}
          </div>
          <div>
            <span className={styles.label}>DR pattern</span>
            <strong data-testid="dr-pattern" data-pattern={preview?.pattern}>
              {preview ? preview.name : "—"}
            </strong>
          </div>
        </div>
        <p className={styles.status} data-testid="panel-status">
          {errorCount === 0 ? (
            <span className={styles.ok}>Ready to submit</span>
          ) : (
            <span className={styles.bad}>
              {errorCount} error{errorCount === 1 ? "" : "s"}
            </span>
          )}
          {warningCount > 0 && (
            <span className={styles.warn}>
              {warningCount} warning{warningCount === 1 ? "" : "s"}
            </span>
          )}
        </p>
        {showBudget && estimate && (
          <BudgetNotice
            policy={policy}
            team={values.owner?.team ?? ""}
            tier={values.tier}
            regions={[values.regions?.primary, ...(values.regions?.replicas ?? []).map((r) => r.region)].filter(
              (r): r is NonNullable<typeof r> => Boolean(r),
            )}
            monthlyUsd={estimate.totalMonthlyUsd}
          />
        )}
      </div>
      <TabList
        label="Preview"
        idPrefix="panel"
        selected={tab}
        onSelect={(id) => setTab(id as PanelTab)}
        tabs={[
          { id: "cost", label: "Cost" },
          { id: "dr", label: "DR" },
          { id: "terraform", label: "Terraform" },
          { id: "checks", label: `Checks${analysis.allIssues.length ? ` (${analysis.allIssues.length})` : ""}` },
        ]}
      />
      <div {...tabPanelProps("panel", tab)} className={styles.body}>
        {tab === "cost" &&
          (estimate ? (
            <CostPanel estimate={estimate} />
          ) : (
            <p className={styles.empty}>The estimate appears once the request&apos;s shape is complete.</p>
          ))}
        {tab === "dr" &&
          (preview ? (
            <DrPanel preview={preview} />
          ) : (
            <p className={styles.empty}>The DR preview appears once the request&apos;s shape is complete.</p>
          ))}
        {tab === "terraform" && <TerraformPreview files={analysis.files} folder={values.tableName || "table"} />}
        {tab === "checks" && <ChecksList />}
      </div>
    </aside>
  );
});
