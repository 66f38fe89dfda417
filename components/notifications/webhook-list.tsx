"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDeleteDialog } from "@/components/ui/confirm-delete-dialog";
import controls from "@/components/ui/controls.module.css";
import { ACTIONS_COLUMN, DataTable } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format-date";
import styles from "@/components/ui/page.module.css";
import type { WebhookView } from "@/lib/api/schemas/notifications";
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
        <DataTable
          caption={`Channels of team ${team}`}
          className={css.table}
          columns={["Channel", "Events", "Last delivery", ACTIONS_COLUMN]}
        >
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
        </DataTable>
      </div>
      {deleting && <DeleteDialog hook={deleting} onClose={() => setDeleting(null)} />}
    </>
  );
}

function DeleteDialog({ hook, onClose }: { hook: WebhookView; onClose: () => void }) {
  const router = useRouter();
  return (
    <ConfirmDeleteDialog
      title="Delete this channel?"
      endpoint={`/api/v1/webhooks/${encodeURIComponent(hook.id)}`}
      confirmLabel="Delete channel"
      pendingLabel="Deleting…"
      failure="The channel was not deleted"
      onClose={onClose}
      onDeleted={() => {
        onClose();
        router.replace(`/teams/${encodeURIComponent(hook.team)}/notifications`);
        router.refresh();
      }}
    >
      <p>
        <code>{hook.url}</code> stops receiving events now, and its delivery log is deleted with it.
      </p>
    </ConfirmDeleteDialog>
  );
}
