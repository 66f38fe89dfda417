import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DrPreviewView } from "@/components/dr-diagram";
import { OperationPlanView, RiskBadge } from "@/components/operation-plan/operation-plan";
import { CostSummary } from "@/components/request-detail/cost-summary";
import styles from "@/components/request-detail/request-detail.module.css";
import { TerraformFiles } from "@/components/request-detail/terraform-files";
import { LiveStatusBadge } from "@/components/tables/live-status-badge";
import ui from "@/components/ui/page.module.css";
import { StatusBadge } from "@/components/ui/status-badge";
import { isAppError } from "@/lib/domain/app-error";
import { DRIFT_CLASS_INFO } from "@/lib/domain/drift/drift-classes";
import { isRiskLevel } from "@/lib/domain/plan";
import { listAccountNames } from "@/lib/server/accounts";
import { requirePageSession } from "@/lib/server/auth/page-session";
import { getManagedTable, tableIdParam } from "@/lib/server/inventory";

type Params = Promise<{ id: string }>;

export const metadata: Metadata = { title: "Table" };

const USD = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 2 });

/** A managed table: its approved definition, live status, cost, DR pattern and timeline of changes. */
export default async function TablePage({ params }: { params: Params }) {
  const { id } = await params;
  const { actor } = await requirePageSession(`/tables/${encodeURIComponent(id)}`);
  const [table, accountNames] = await Promise.all([
    getManagedTable(actor, tableIdParam(id)).catch((error: unknown) => {
      if (isAppError(error) && error.code === "NOT_FOUND") notFound();
      throw error;
    }),
    listAccountNames(),
  ]);
  const d = table.definition;
  const open = table.history.filter((h) => ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED"].includes(h.status));
  return (
    <>
      <nav aria-label="Breadcrumb" className={styles.small}>
        <Link href="/tables">Tables</Link> / <span aria-current="page">{table.name}</span>
      </nav>
      <div className={ui.pageHeader}>
        <div>
          <h1>{table.name}</h1>
          <p className={ui.muted}>
            {table.team.name} · {table.tier} · {table.regions.join(", ")}
            {" · "}
            <span data-testid="table-account">
              AWS account{" "}
              {table.account
                ? `${table.account}${accountNames[table.account] ? ` (${accountNames[table.account]})` : ""}`
                : "default (the portal's credentials)"}
            </span>
          </p>
        </div>
        {table.canChange && (
          <span className={ui.headerActions}>
            {/* Only after a check found drift: adopt what AWS has, or re-apply the approved definition. */}
            {table.lastDriftStatus === "drifted" && (
              <>
                <Link
                  className={ui.button}
                  href={`/requests/new?table=${table.id}&drift=adopt`}
                  data-testid="adopt-live"
                  title="Open a change request filled from the live table, so approving it records reality"
                >
                  Adopt live
                </Link>
                <Link
                  className={ui.button}
                  href={`/requests/new?table=${table.id}&drift=revert`}
                  data-testid="revert-drift"
                  title="Open a change request that re-applies the approved definition"
                >
                  Revert
                </Link>
              </>
            )}
            <Link className={ui.button} href={`/requests/new?table=${table.id}`}>
              Change this table
            </Link>
          </span>
        )}
      </div>
      {open.length > 0 && (
        <p className={ui.notice}>
          Open change requests for this table:{" "}
          {open.map((h, i) => (
            <span key={h.key}>
              {i > 0 && ", "}
              <Link href={`/requests/${h.key}`}>{h.key}</Link>
            </span>
          ))}
          . Approving one redefines the table; the others must then be revised against the new definition.
        </p>
      )}
      <dl className={styles.facts} data-testid="table-facts">
        <div>
          <dt>Live status</dt>
          <dd>
            <LiveStatusBadge status={table.liveStatus} />
          </dd>
        </div>
        <div>
          <dt>Last drift check</dt>
          <dd data-testid="table-last-check">
            {table.lastCheckedAt
              ? `${table.lastCheckedAt.toISOString().replace("T", " ").slice(0, 16)} UTC${
                  table.lastDriftStatus
                    ? ` (${table.lastDriftStatus.replace("_", " ")})`
                    : " (could not read the table)"
                }`
              : "not checked yet"}
          </dd>
        </div>
        {table.lastDriftStatus === "drifted" && table.lastDriftWorst && (
          <div>
            <dt>Drift</dt>
            {/* The most serious class found: what the drift asks of people (look now, decide, note). */}
            <dd data-testid="table-drift-class" title={DRIFT_CLASS_INFO[table.lastDriftWorst].description}>
              {DRIFT_CLASS_INFO[table.lastDriftWorst].label}
            </dd>
          </div>
        )}
        <div>
          <dt>Monthly estimate</dt>
          <dd data-testid="table-cost">{USD.format(table.monthlyCostUsd)}</dd>
        </div>
        <div>
          <dt>DR pattern</dt>
          <dd>{table.drPattern.replaceAll("_", " ").toLowerCase()}</dd>
        </div>
        <div>
          <dt>Defined by</dt>
          <dd>
            <Link href={`/requests/${table.definedByRequestKey}`}>
              {table.definedByRequestKey} revision {table.definedByRevision}
            </Link>
          </dd>
        </div>
        <div>
          <dt>Keys</dt>
          <dd>
            {d.partitionKey.name} ({d.partitionKey.type}){d.sortKey ? `, ${d.sortKey.name} (${d.sortKey.type})` : ""}
          </dd>
        </div>
        <div>
          <dt>Billing</dt>
          <dd data-testid="table-billing">
            {d.billing.mode === "PROVISIONED"
              ? `provisioned (${d.billing.read.units} RCU / ${d.billing.write.units} WCU)`
              : "on-demand"}
          </dd>
        </div>
        <div>
          <dt>Indexes</dt>
          <dd data-testid="table-indexes">
            {d.globalSecondaryIndexes.length
              ? d.globalSecondaryIndexes.map((g) => g.name).join(", ")
              : "no global secondary indexes"}
            {d.localSecondaryIndexes.length ? `; LSI ${d.localSecondaryIndexes.map((l) => l.name).join(", ")}` : ""}
          </dd>
        </div>
        <div>
          <dt>Protection</dt>
          <dd>
            PITR {d.pointInTimeRecovery.enabled ? `${d.pointInTimeRecovery.recoveryPeriodInDays} days` : "off"},
            deletion protection {d.deletionProtection ? "on" : "off"}
          </dd>
        </div>
      </dl>
      <div className={styles.layout} style={{ marginTop: "1.25rem" }}>
        <div className={styles.column}>
          {table.lastPlan && table.lastPlan.kind === "change" && (
            <section className={styles.section} aria-labelledby="plan-title">
              <h2 id="plan-title">Last approved change</h2>
              <OperationPlanView plan={table.lastPlan} compact />
            </section>
          )}
          {table.estimate && (
            <section className={styles.section} aria-labelledby="cost-title">
              <h2 id="cost-title">Monthly cost</h2>
              <CostSummary estimate={table.estimate} />
            </section>
          )}
          {table.drPreview && (
            <section className={styles.section} aria-labelledby="dr-title">
              <h2 id="dr-title">Disaster recovery</h2>
              <div className={styles.drWrap}>
                <DrPreviewView preview={table.drPreview} headingLevel={3} />
              </div>
            </section>
          )}
          <section className={styles.section} aria-labelledby="definition-title">
            <h2 id="definition-title">Approved definition</h2>
            <TerraformFiles files={{ "request.json": JSON.stringify(d, null, 2) }} revision={table.definedByRevision} />
          </section>
        </div>
        <aside className={styles.column} aria-label="Timeline of changes">
          <section className={styles.section} aria-labelledby="timeline-title">
            <h2 id="timeline-title">Timeline of changes</h2>
            <ol className={styles.timeline} data-testid="table-timeline">
              {table.history.map((h) => (
                <li key={h.key}>
                  <Link href={`/requests/${h.key}`}>{h.key}</Link> · {h.kind} · <StatusBadge status={h.status} />
                  {isRiskLevel(h.risk) && (
                    <>
                      {" "}
                      <RiskBadge risk={h.risk} />
                    </>
                  )}
                  {h.definesTable && <strong> · defines the table now</strong>}
                  <div className={styles.small}>
                    {h.title} — {h.requester.name},{" "}
                    <time dateTime={h.createdAt.toISOString()}>{h.createdAt.toISOString().slice(0, 10)}</time>
                  </div>
                </li>
              ))}
            </ol>
          </section>
        </aside>
      </div>
    </>
  );
}
