import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DrPreviewView } from "@/components/dr-diagram";
import { OperationPlanView } from "@/components/operation-plan/operation-plan";
import { ApprovedBundle } from "@/components/request-detail/approved-bundle";
import { ChangeFlags } from "@/components/request-detail/change-flags";
import { Comments } from "@/components/request-detail/comments";
import { CostSummary } from "@/components/request-detail/cost-summary";
import { DecisionHistory } from "@/components/request-detail/decision-history";
import { LatestDecision } from "@/components/request-detail/latest-decision";
import { publishStateOf } from "@/components/request-detail/lifecycle-steps";
import { LiveTableCheck } from "@/components/request-detail/live-table-check";
import { PlanAttestations } from "@/components/request-detail/plan-attestations";
import { PublicationPanel } from "@/components/request-detail/publication-panel";
import { RequestActions } from "@/components/request-detail/request-actions";
import styles from "@/components/request-detail/request-detail.module.css";
import { RequestHeader } from "@/components/request-detail/request-header";
import { RevisionCompareForm, RevisionDiff } from "@/components/request-detail/revision-diff";
import { RevisionList } from "@/components/request-detail/revision-list";
import { StatusTimeline } from "@/components/request-detail/status-timeline";
import { TerraformFiles } from "@/components/request-detail/terraform-files";
import { ValidationIssues } from "@/components/request-detail/validation-issues";
import { CloneLinks } from "@/components/request-form/clone-links";
import { isAppError } from "@/lib/domain/app-error";
import { can } from "@/lib/domain/auth";
import { findAccountTarget } from "@/lib/server/accounts";
import { listLatestAttestations } from "@/lib/server/attestations";
import { requirePageSession } from "@/lib/server/auth/page-session";
import { getLiveCheckStatus } from "@/lib/server/aws";
import {
  diffChangeRequestRevisions,
  getChangeRequest,
  getChangeSafety,
  listChangeRequestAudit,
} from "@/lib/server/change-requests";
import { getDeliveryOfRequest } from "@/lib/server/delivery";

type Params = Promise<{ key: string }>;
type Search = Promise<Record<string, string | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { key } = await params;
  return { title: key };
}

/** A missing key and another team's key both render the not-found page (nothing leaks). */
async function orNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

/** Which two revisions to compare: the query's, when valid, else the previous against the current. */
function comparePair(search: Record<string, string | undefined>, current: number): [number, number] | null {
  if (current < 2) return null;
  const valid = (value: string | undefined) => {
    const n = Number(value);
    return Number.isInteger(n) && n >= 1 && n <= current ? n : undefined;
  };
  const from = valid(search.from) ?? current - 1;
  const to = valid(search.to) ?? current;
  return [from, to];
}

/** Request detail: status, the current revision under review, its history, and what the viewer may do. */
export default async function RequestDetailPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const [{ key }, search] = await Promise.all([params, searchParams]);
  const { actor } = await requirePageSession(`/requests/${encodeURIComponent(key)}`);
  const detail = await orNotFound(() => getChangeRequest(actor, key));
  const pair = comparePair(search, detail.currentRevision);
  const [audit, safety, diff, liveChecks, account, attestations, delivery] = await Promise.all([
    orNotFound(() => listChangeRequestAudit(actor, key)),
    orNotFound(() => getChangeSafety(actor, key)),
    pair && pair[0] !== pair[1] ? orNotFound(() => diffChangeRequestRevisions(actor, key, pair[0], pair[1])) : null,
    detail.approvedRevision ? getLiveCheckStatus() : null,
    findAccountTarget({ team: detail.team.slug, tier: detail.tier }),
    orNotFound(() => listLatestAttestations(actor, key)),
    detail.approvedRevision ? getDeliveryOfRequest(detail.key) : undefined,
  ]);
  const approved = detail.approvedRevision ? detail.revisions[detail.approvedRevision - 1] : undefined;
  const canComment = can(actor, "requests.write") || can(actor, "requests.decide_routed");

  return (
    <>
      <nav aria-label="Breadcrumb" className={styles.small}>
        <Link href="/">Requests</Link> / <span aria-current="page">{detail.key}</span>
      </nav>
      <RequestHeader detail={detail} currentAccount={account} />
      <div className={styles.actionsBar}>
        <RequestActions
          changeRequestKey={detail.key}
          version={detail.version}
          currentRevision={detail.currentRevision}
          availableActions={detail.availableActions}
          isFourEyesBlocked={detail.fourEyesBlocked}
        />
        {can(actor, "requests.write") && detail.current.isComplete && (
          <CloneLinks changeRequestKey={detail.key} tier={detail.tier} />
        )}
      </div>
      {!detail.current.isComplete && (
        <p className={styles.small} role="note" data-testid="incomplete-draft">
          This draft was saved with {detail.current.validation.issues.filter((i) => i.severity === "error").length}{" "}
          error(s). It has no Terraform module yet and can be submitted once a revision fixes them.
        </p>
      )}
      <LatestDecision detail={detail} />
      {approved && detail.approvedRevision && (
        <ApprovedBundle
          changeRequestKey={detail.key}
          revision={detail.approvedRevision}
          sha256={approved.bundleSha256}
          applies={approved.operationPlan?.applies.map((a) => ({ number: a.number, steps: a.steps })) ?? []}
        />
      )}
      {approved && delivery?.target && (
        <PublicationPanel
          changeRequestKey={detail.key}
          publication={delivery.publication}
          target={delivery.target}
          canPublish={can(actor, "requests.write")}
        />
      )}
      {liveChecks && (
        <LiveTableCheck
          changeRequestKey={detail.key}
          liveChecks={liveChecks}
          canVerify={detail.availableActions.includes("RECORD_VERIFICATION")}
        />
      )}
      {(detail.approvedRevision || attestations.length > 0) && (
        <PlanAttestations
          changeRequestKey={detail.key}
          approvedRevision={detail.approvedRevision}
          status={detail.status}
          liveStatus={detail.table?.liveStatus ?? null}
          attestations={attestations}
          publish={publishStateOf(delivery?.publication)}
        />
      )}
      <div className={styles.layout} style={{ marginTop: "1.25rem" }}>
        <div className={styles.column}>
          {detail.current.operationPlan && (
            <section className={styles.section} aria-labelledby="plan-title" data-testid="request-plan">
              <h2 id="plan-title">
                Operation plan (revision {detail.currentRevision})
                {detail.table && (
                  <>
                    {" "}
                    for <Link href={`/tables/${detail.table.id}`}>{detail.table.name}</Link>
                  </>
                )}
              </h2>
              <OperationPlanView plan={detail.current.operationPlan} />
              {detail.current.acknowledgement && (
                <p className={styles.small} data-testid="migration-note">
                  <strong>Requester acknowledged the replacement. Migration note:</strong>{" "}
                  {detail.current.acknowledgement.migrationNote}
                </p>
              )}
            </section>
          )}
          <section className={styles.section} aria-labelledby="safety-title">
            <h2 id="safety-title">Change safety</h2>
            <ChangeFlags safety={safety} />
          </section>
          {pair && (
            <section className={styles.section} id="changes" aria-labelledby="changes-title">
              <div className={styles.sectionHeader}>
                <h2 id="changes-title">
                  Changes from revision {pair[0]} to {pair[1]}
                </h2>
                <RevisionCompareForm revisions={detail.revisions.map((r) => r.number)} from={pair[0]} to={pair[1]} />
              </div>
              {diff ? <RevisionDiff diff={diff} /> : <p className={styles.muted}>Pick two different revisions.</p>}
            </section>
          )}
          <section className={styles.section} aria-labelledby="validation-title">
            <h2 id="validation-title">Validation and policy (revision {detail.currentRevision})</h2>
            <ValidationIssues issues={detail.current.validation.issues} />
          </section>
          <section className={styles.section} aria-labelledby="cost-title">
            <h2 id="cost-title">Monthly cost</h2>
            {detail.current.estimate ? (
              <CostSummary estimate={detail.current.estimate} />
            ) : (
              <p className={styles.muted}>No estimate: the draft is missing parts the estimate needs.</p>
            )}
          </section>
          <section className={styles.section} aria-labelledby="dr-title">
            <h2 id="dr-title">Disaster recovery</h2>
            <div className={styles.drWrap}>
              {detail.current.drPreview ? (
                <DrPreviewView preview={detail.current.drPreview} headingLevel={3} />
              ) : (
                <p className={styles.muted}>No DR preview: the draft is missing parts the preview needs.</p>
              )}
            </div>
          </section>
          <section className={styles.section} aria-labelledby="terraform-title">
            <h2 id="terraform-title">Terraform module (revision {detail.currentRevision})</h2>
            <TerraformFiles files={detail.current.files} revision={detail.currentRevision} />
          </section>
        </div>
        <aside className={styles.column} aria-label="History and discussion">
          <section className={styles.section} aria-labelledby="timeline-title">
            <h2 id="timeline-title">Timeline</h2>
            <StatusTimeline events={audit} />
          </section>
          <section className={styles.section} aria-labelledby="comments-title">
            <h2 id="comments-title">Comments ({detail.comments.length})</h2>
            <Comments changeRequestKey={detail.key} comments={detail.comments} canComment={canComment} />
          </section>
          <section className={styles.section} aria-labelledby="decisions-title">
            <h2 id="decisions-title">Decisions</h2>
            <DecisionHistory decisions={detail.decisions} />
          </section>
          <section className={styles.section} aria-labelledby="revisions-title">
            <h2 id="revisions-title">Revisions ({detail.revisions.length})</h2>
            <RevisionList
              revisions={detail.revisions}
              current={detail.currentRevision}
              approved={detail.approvedRevision}
            />
          </section>
        </aside>
      </div>
    </>
  );
}
