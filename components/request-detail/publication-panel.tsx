"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import controls from "@/components/ui/controls.module.css";
import page from "@/components/ui/page.module.css";
import { ApiProblem, apiFetch } from "@/lib/client/api-fetch";
import { useCsrfToken } from "@/lib/client/csrf";
import type { Publication } from "@/lib/domain/delivery/delivery-target";
import styles from "./request-detail.module.css";

const STATUS_TEXT: Record<Publication["status"], string> = {
  pending: "Publishing…",
  published: "Published",
  failed: "Not published",
};

const PR_STATE_TEXT = { open: "open", merged: "merged", closed: "closed without merging" } as const;

/**
 * Where the approved module went: the branch, the commit and the pull request with its state, or
 * why publishing failed, with a Publish / Retry publish button for whoever may write requests.
 */
export function PublicationPanel(props: {
  changeRequestKey: string;
  publication?: Publication;
  target: { provider: string; repoUrl: string; baseBranch: string; mode: string };
  canPublish: boolean;
}) {
  const csrfToken = useCsrfToken();
  const router = useRouter();
  const publish = useMutation({
    mutationFn: () =>
      apiFetch(`/api/v1/change-requests/${encodeURIComponent(props.changeRequestKey)}/publish`, {
        method: "POST",
        csrfToken,
        json: {},
      }),
    onSettled: () => router.refresh(),
  });
  const p = props.publication;
  const problem =
    publish.error instanceof ApiProblem ? publish.error.message : publish.error ? String(publish.error) : null;
  const showButton = props.canPublish && (!p || p.status === "failed");
  return (
    <section className={styles.bundle} aria-labelledby="publication-title" data-testid="publication">
      <h2 id="publication-title" className={styles.bundleTitle}>
        Delivery
      </h2>
      <p className={styles.small}>
        {props.target.provider === "git" ? "Pushed" : "Published as a pull request"} to{" "}
        <code>{props.target.repoUrl}</code> (base <code>{props.target.baseBranch}</code>,{" "}
        {props.target.mode === "automatic" ? "automatically on approval" : "with the Publish button"}).
      </p>
      {p ? (
        <dl className={styles.small}>
          <dt>Status</dt>
          <dd data-testid="publication-status">{STATUS_TEXT[p.status]}</dd>
          <dt>Branch</dt>
          <dd>
            <code data-testid="publication-branch">{p.branch}</code>
            {p.commitSha && (
              <>
                {" "}
                at <code>{p.commitSha.slice(0, 12)}</code>
              </>
            )}
          </dd>
          {p.prUrl && (
            <>
              <dt>{p.prNumber !== undefined ? "Pull request" : "Link"}</dt>
              <dd>
                <a href={p.prUrl} data-testid="publication-link" rel="noreferrer" target="_blank">
                  {p.prNumber !== undefined ? `#${p.prNumber}` : p.prUrl}
                </a>
                {p.prState && <span data-testid="publication-pr-state"> ({PR_STATE_TEXT[p.prState]})</span>}
              </dd>
            </>
          )}
          {p.error && (
            <>
              <dt>Last error</dt>
              <dd role="alert" className={controls.fieldError} data-testid="publication-error">
                {p.error}
              </dd>
            </>
          )}
          <dt>Attempts</dt>
          <dd>{p.attempts}</dd>
        </dl>
      ) : (
        <p className={styles.small} data-testid="publication-status">
          Not published yet.
        </p>
      )}
      {problem && (
        <p role="alert" className={page.error}>
          {problem}
        </p>
      )}
      {showButton && (
        <div className={controls.buttonRow}>
          <button type="button" className={page.button} disabled={publish.isPending} onClick={() => publish.mutate()}>
            {publish.isPending ? "Publishing…" : p ? "Retry publish" : "Publish"}
          </button>
        </div>
      )}
    </section>
  );
}
