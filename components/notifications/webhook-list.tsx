"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import controls from "@/components/ui/controls.module.css";
import { Dialog } from "@/components/ui/dialog";
import { formatDateTime } from "@/components/ui/format-date";
import styles from "@/components/ui/page.module.css";
import type { WebhookView } from "@/lib/api/schemas/notifications";
import { apiFetch } from "@/lib/client/api-fetch";
import { useCsrfToken } from "@/lib/client/csrf";
import css from "./notifications.module.css";

export function DeliveryStatus({ status }: { status: string }) {
  const tone = status === "DELIVERED" ? css.delivered : status === "FAILED" ? css.failed : css.pending;
  return <span className={`${css.status} ${tone}`}>{status.toLowerCase()}</span>;
}

/** The team's channels; each links to its delivery log, and can be deleted (after a confirmation). */
export function WebhookList({
  webhooks,
  team,
  selected,
}: {
  webhooks: WebhookView[];
  team: string;
  selected?: string;
}) {
  const [deleting, setDeleting] = useState<WebhookView | null>(null);
  if (webhooks.length === 0) {
    return (
      <p className={controls.emptyState} data-testid="webhooks-empty">
        No channels yet. Add a signed webhook or a Slack-compatible incoming webhook to hear about this team's requests
        and tables.
      </p>
    );
  }
  return (
    <>
      <div className={css.tableWrap}>
        <table className={css.table}>
          <caption className="visually-hidden">Channels of team {team}</caption>
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <th scope="col">Events</th>
              <th scope="col">Last delivery</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {webhooks.map((hook) => (
              <tr key={hook.id} data-testid="webhook-row" className={hook.id === selected ? css.selected : undefined}>
                <th scope="row">
                  <div>{hook.kind === "slack" ? "Slack" : "Webhook"}</div>
                  <div className={css.url}>{hook.url}</div>
                  {hook.description && <div className={styles.muted}>{hook.description}</div>}
                </th>
                <td>
                  <ul className={css.events}>
                    {hook.events.map((e) => (
                      <li key={e}>
                        <code>{e}</code>
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {hook.lastDelivery ? (
                    <>
                      <DeliveryStatus status={hook.lastDelivery.status} />
                      {hook.lastDelivery.statusCode !== null && <> HTTP {hook.lastDelivery.statusCode}</>}
                      <div className={styles.muted}>{formatDateTime(hook.lastDelivery.at)}</div>
                    </>
                  ) : (
                    <span className={styles.muted}>none yet</span>
                  )}
                </td>
                <td>
                  <div className={controls.buttonRow}>
                    <Link
                      href={`/teams/${encodeURIComponent(team)}/notifications?webhook=${encodeURIComponent(hook.id)}`}
                      className={`${styles.button} ${styles.secondary} ${controls.small}`}
                      aria-current={hook.id === selected ? "true" : undefined}
                    >
                      Delivery log
                    </Link>
                    <button
                      type="button"
                      className={`${styles.button} ${styles.secondary} ${controls.small}`}
                      onClick={() => setDeleting(hook)}
                      aria-label={`Delete ${hook.url}`}
                    >
                      Delete
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {deleting && <DeleteDialog hook={deleting} onClose={() => setDeleting(null)} />}
    </>
  );
}

function DeleteDialog({ hook, onClose }: { hook: WebhookView; onClose: () => void }) {
  const csrfToken = useCsrfToken();
  const router = useRouter();
  const remove = useMutation({
    mutationFn: () => apiFetch(`/api/v1/webhooks/${encodeURIComponent(hook.id)}`, { method: "DELETE", csrfToken }),
    onSuccess: () => {
      onClose();
      router.replace(`/teams/${encodeURIComponent(hook.team)}/notifications`);
      router.refresh();
    },
  });
  return (
    <Dialog open title="Delete this channel?" onClose={onClose}>
      <p>
        <code>{hook.url}</code> stops receiving events now, and its delivery log is deleted with it.
      </p>
      {remove.error && (
        <p role="alert" className={styles.error}>
          The channel was not deleted: {remove.error.message}
        </p>
      )}
      <div className={controls.buttonRow}>
        <button
          type="button"
          className={`${styles.button} ${styles.danger}`}
          onClick={() => remove.mutate()}
          disabled={remove.isPending}
        >
          {remove.isPending ? "Deleting…" : "Delete channel"}
        </button>
        <button type="button" className={`${styles.button} ${styles.secondary}`} onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
