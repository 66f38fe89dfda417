"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import controls from "@/components/ui/controls.module.css";
import { ACTIONS_COLUMN, DataTable } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format-date";
import styles from "@/components/ui/page.module.css";
import type { DeliveryView } from "@/lib/api/schemas/notifications";
import { apiFetch } from "@/lib/client/api-fetch";
import { useCsrfToken } from "@/lib/client/csrf";
import { NOTIFICATION_EVENTS } from "@/lib/domain/notifications";
import css from "./notifications.module.css";
import { DeliveryStatus } from "./webhook-list";

function ResendButton({
  webhookId,
  delivery,
  onDone,
}: {
  webhookId: string;
  delivery: DeliveryView;
  onDone: (m: string) => void;
}) {
  const csrfToken = useCsrfToken();
  const router = useRouter();
  const resend = useMutation({
    mutationFn: () =>
      apiFetch(
        `/api/v1/webhooks/${encodeURIComponent(webhookId)}/deliveries/${encodeURIComponent(delivery.id)}/resend`,
        { method: "POST", csrfToken },
      ),
    onSuccess: () => {
      onDone(`Delivery ${delivery.id} queued again.`);
      router.refresh();
    },
    onError: (error) => onDone(`Not re-sent: ${error.message}`),
  });
  return (
    <button
      type="button"
      className={`${styles.button} ${styles.secondary} ${controls.small}`}
      onClick={() => resend.mutate()}
      disabled={resend.isPending}
      aria-label={`Re-send delivery ${delivery.id}`}
    >
      {resend.isPending ? "Re-sending…" : "Re-send"}
    </button>
  );
}

/**
 * A channel's deliveries, newest first: the event, the outcome with the receiver's response code,
 * every attempt (expandable) and a re-send button. The delivery id is what receivers deduplicate by.
 */
export function DeliveryLog({ webhookId, deliveries }: { webhookId: string; deliveries: DeliveryView[] }) {
  const [announcement, setAnnouncement] = useState("");
  if (deliveries.length === 0) {
    return (
      <p className={controls.emptyState} data-testid="deliveries-empty">
        Nothing delivered yet: deliveries appear here when a subscribed event happens.
      </p>
    );
  }
  return (
    <>
      <div className={css.tableWrap}>
        <DataTable
          caption="Deliveries, newest first"
          className={css.table}
          testId="delivery-log"
          columns={["Event", "Outcome", "Attempts", "Created", ACTIONS_COLUMN]}
        >
          {deliveries.map((d) => (
            <tr key={d.id} data-testid="delivery-row">
              <th scope="row">
                <div>{NOTIFICATION_EVENTS[d.eventType]?.label ?? d.eventType}</div>
                <code className={css.url}>{d.id}</code>
              </th>
              <td>
                <DeliveryStatus status={d.status} />
                {d.lastStatusCode !== null && <span data-testid="delivery-code"> HTTP {d.lastStatusCode}</span>}
                {d.lastError && d.status !== "DELIVERED" && <div className={css.error}>{d.lastError}</div>}
                {d.nextAttemptAt && <div className={styles.muted}>next try {formatDateTime(d.nextAttemptAt)}</div>}
              </td>
              <td>
                {d.attempts} of {d.attemptLimit}
                {d.attemptLog.length > 0 && (
                  <details>
                    <summary>History</summary>
                    <ol className={css.attempts}>
                      {d.attemptLog.map((a) => (
                        <li key={a.number}>
                          {formatDateTime(a.startedAt)}: {a.statusCode !== null ? `HTTP ${a.statusCode}` : "no answer"}
                          {" · "}
                          {a.durationMs} ms{a.error ? ` · ${a.error}` : ""}
                        </li>
                      ))}
                    </ol>
                  </details>
                )}
              </td>
              <td>{formatDateTime(d.createdAt)}</td>
              <td>
                <ResendButton webhookId={webhookId} delivery={d} onDone={setAnnouncement} />
              </td>
            </tr>
          ))}
        </DataTable>
      </div>
      <p role="status" className={announcement ? styles.muted : "visually-hidden"}>
        {announcement}
      </p>
    </>
  );
}
