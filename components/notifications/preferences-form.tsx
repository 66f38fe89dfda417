"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { DataTable } from "@/components/ui/data-table";
import styles from "@/components/ui/page.module.css";
import type { NotificationPreferencesResult } from "@/lib/api/schemas/notifications";
import { apiFetch } from "@/lib/client/api-fetch";
import { useCsrfToken } from "@/lib/client/csrf";
import { NOTIFICATION_EVENT_TYPES, NOTIFICATION_EVENTS, type NotificationEventType } from "@/lib/domain/notifications";
import css from "./notifications.module.css";

/** Which e-mails the person receives: per event, about their own requests and about their teams'. */
export function PreferencesForm({ initial }: { initial: NotificationPreferencesResult }) {
  const id = useId();
  const csrfToken = useCsrfToken();
  const [own, setOwn] = useState<NotificationEventType[]>(initial.preferences.own);
  const [team, setTeam] = useState<NotificationEventType[]>(initial.preferences.team);
  const [needsDecision, setNeedsDecision] = useState(initial.preferences.needsDecision);
  const save = useMutation({
    mutationFn: () =>
      apiFetch<NotificationPreferencesResult>("/api/v1/notification-preferences", {
        method: "POST",
        csrfToken,
        json: { own, team, needsDecision },
      }),
  });
  const toggle = (list: NotificationEventType[], type: NotificationEventType, on: boolean) =>
    on ? [...list.filter((t) => t !== type), type] : list.filter((t) => t !== type);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form onSubmit={submit} className={css.panel} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>E-mail me about</h2>
      {!initial.email.enabled && (
        <p className={styles.notice}>
          This portal has no SMTP server configured, so no e-mail is sent yet; your choices are kept for when it is.
        </p>
      )}
      <p className={styles.muted}>
        Mail goes to <strong>{initial.email.address}</strong>. You never get mail about what you did yourself.
      </p>
      {initial.canDecide && (
        <label className={`${css.check} ${css.decision}`}>
          <input type="checkbox" checked={needsDecision} onChange={(e) => setNeedsDecision(e.target.checked)} />
          <span>
            <strong>Needs your decision</strong>: a request is submitted (or waits for a second approver) and you could
            approve it.
          </span>
        </label>
      )}
      <div className={css.tableWrap}>
        <DataTable
          caption="Events you receive by e-mail"
          className={`${css.table} ${css.prefTable}`}
          columns={["Event", "My requests", "My teams' requests"]}
        >
          {NOTIFICATION_EVENT_TYPES.map((type) => (
            <tr key={type}>
              <th scope="row">
                {NOTIFICATION_EVENTS[type].label}
                <div className={styles.muted}>
                  <code>{type}</code>
                </div>
              </th>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${NOTIFICATION_EVENTS[type].label}: my requests`}
                  checked={own.includes(type)}
                  onChange={(e) => setOwn((list) => toggle(list, type, e.target.checked))}
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${NOTIFICATION_EVENTS[type].label}: my teams' requests`}
                  checked={team.includes(type)}
                  onChange={(e) => setTeam((list) => toggle(list, type, e.target.checked))}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      </div>
      {save.error && (
        <div role="alert" className={styles.error}>
          Not saved: {save.error.message}
        </div>
      )}
      <p role="status" className={styles.muted}>
        {save.isSuccess && !save.isPending ? "Saved." : ""}
      </p>
      <button type="submit" className={styles.button} disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save preferences"}
      </button>
    </form>
  );
}
