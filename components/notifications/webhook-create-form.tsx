"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import controls from "@/components/ui/controls.module.css";
import { CopyButton } from "@/components/ui/copy-button";
import styles from "@/components/ui/page.module.css";
import type { WebhookView } from "@/lib/api/schemas/notifications";
import { ApiProblem, apiFetch } from "@/lib/client/api-fetch";
import { useCsrfToken } from "@/lib/client/csrf";
import { NOTIFICATION_EVENT_TYPES, NOTIFICATION_EVENTS, type NotificationEventType } from "@/lib/domain/notifications";
import css from "./notifications.module.css";

type Created = WebhookView & { secret: string | null };

const DEFAULT_EVENTS: NotificationEventType[] = [
  "change_request.submitted",
  "change_request.approved",
  "change_request.rejected",
  "table.drift_detected",
];

/** The signing secret of a new webhook, shown once (only the portal keeps it, to sign with). */
function SecretOnce({ created, onDismiss }: { created: Created; onDismiss: () => void }) {
  const id = useId();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  if (!created.secret) return null;
  return (
    <section ref={ref} tabIndex={-1} className={css.panel} aria-labelledby={`${id}-title`} data-testid="webhook-secret">
      <h2 id={`${id}-title`}>Webhook created: copy its signing secret</h2>
      <p role="alert">
        <strong>This secret is shown only once.</strong> Your receiver checks the <code>webhook-signature</code> header
        with it (docs/notifications.md shows how).
      </p>
      <label htmlFor={`${id}-secret`} className={controls.hint}>
        Signing secret
      </label>
      <div className={styles.row}>
        <textarea
          id={`${id}-secret`}
          className={styles.input}
          readOnly
          rows={2}
          cols={48}
          value={created.secret}
          data-testid="webhook-secret-value"
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton text={created.secret} label="Copy secret" />
      </div>
      <p>
        <button type="button" className={`${styles.button} ${styles.secondary}`} onClick={onDismiss}>
          I have stored it
        </button>
      </p>
    </section>
  );
}

/** Adds a channel for the team: a signed webhook or a Slack-compatible incoming webhook, and its events. */
export function WebhookCreateForm({ team }: { team: string }) {
  const id = useId();
  const csrfToken = useCsrfToken();
  const router = useRouter();
  const [kind, setKind] = useState<"webhook" | "slack">("webhook");
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<NotificationEventType[]>(DEFAULT_EVENTS);
  const [created, setCreated] = useState<Created | null>(null);
  const create = useMutation({
    mutationFn: () =>
      apiFetch<Created>("/api/v1/webhooks", {
        method: "POST",
        csrfToken,
        json: { url, team, events, kind, description },
      }),
    onSuccess: (result) => {
      setCreated(result);
      setUrl("");
      setDescription("");
      router.refresh();
    },
  });
  const problem = create.error instanceof ApiProblem ? create.error : null;
  const fieldError = (path: string) =>
    problem?.errors.find((e) => e.path === path || e.path.startsWith(`${path}[`))?.message;
  const urlError = fieldError("url");
  const eventsError = fieldError("events");

  function submit(event: FormEvent) {
    event.preventDefault();
    setCreated(null);
    create.mutate();
  }

  return (
    <div className={css.stack}>
      {created && <SecretOnce created={created} onDismiss={() => setCreated(null)} />}
      <form onSubmit={submit} className={css.panel} aria-labelledby={`${id}-title`} noValidate>
        <h2 id={`${id}-title`}>Add a channel</h2>
        <div className={styles.field}>
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select
            id={`${id}-kind`}
            className={styles.input}
            value={kind}
            onChange={(e) => setKind(e.target.value as "webhook" | "slack")}
          >
            <option value="webhook">Signed webhook (JSON, HMAC-SHA256)</option>
            <option value="slack">Slack-compatible incoming webhook</option>
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-url`}>URL</label>
          <input
            id={`${id}-url`}
            className={styles.input}
            type="url"
            inputMode="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder={
              kind === "slack" ? "https://hooks.slack.com/services/…" : "https://hooks.example.com/tablewright"
            }
            required
            aria-invalid={urlError ? true : undefined}
            aria-describedby={`${id}-url-hint${urlError ? ` ${id}-url-error` : ""}`}
          />
          <p id={`${id}-url-hint`} className={controls.hint}>
            http or https. Private and loopback addresses need the administrator's allowlist; cloud metadata addresses
            are never reached.
          </p>
          {urlError && (
            <p id={`${id}-url-error`} className={controls.fieldError}>
              {urlError}
            </p>
          )}
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-description`}>Description (optional)</label>
          <input
            id={`${id}-description`}
            className={styles.input}
            value={description}
            maxLength={200}
            onChange={(e) => setDescription(e.target.value)}
            placeholder="e.g. #checkout-alerts"
          />
        </div>
        <fieldset className={css.checks} aria-describedby={eventsError ? `${id}-events-error` : undefined}>
          <legend>Events</legend>
          {NOTIFICATION_EVENT_TYPES.map((type) => (
            <label key={type} className={css.check}>
              <input
                type="checkbox"
                checked={events.includes(type)}
                onChange={(e) =>
                  setEvents((current) => (e.target.checked ? [...current, type] : current.filter((t) => t !== type)))
                }
              />
              <span>
                {NOTIFICATION_EVENTS[type].label} <code className={css.eventName}>{type}</code>
              </span>
            </label>
          ))}
          {eventsError && (
            <p id={`${id}-events-error`} className={controls.fieldError}>
              {eventsError}
            </p>
          )}
        </fieldset>
        {create.error && (
          <div role="alert" className={styles.error}>
            {problem?.errors.length
              ? "The channel was not added: fix the fields marked above."
              : `The channel was not added: ${create.error.message}`}
          </div>
        )}
        <button type="submit" className={styles.button} disabled={create.isPending}>
          {create.isPending ? "Adding…" : "Add channel"}
        </button>
      </form>
    </div>
  );
}
