"use client";

import { type FormEvent, useId, useState } from "react";
import { useCsrfToken } from "@/lib/client/csrf";
import styles from "./api-docs.module.css";
import { useTryAuth } from "./api-docs-auth";
import { type ApiOperation, fillPath } from "./openapi-model";

interface Result {
  status: number;
  statusText: string;
  contentType: string;
  body: string;
  ms: number;
}

async function readBody(res: Response): Promise<string> {
  const type = res.headers.get("content-type") ?? "";
  if (type.includes("json")) {
    const text = await res.text();
    try {
      return JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      return text;
    }
  }
  if (type.startsWith("text/")) return res.text();
  const bytes = (await res.arrayBuffer()).byteLength;
  return `(${bytes.toLocaleString("en-US")} bytes of ${type || "binary data"})`;
}

/** The "Try it" disclosure: the form is built only once someone opens it (the page has dozens). */
export function TryDetails({ operation }: { operation: ApiOperation }) {
  const [opened, setOpened] = useState(false);
  return (
    <details className={styles.tryDetails} onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>Try it</summary>
      {opened && <TryOperation operation={operation} />}
    </details>
  );
}

/**
 * "Try it" for one operation: fields for its parameters, the body (pre-filled with an example),
 * and the answer with its status. With the session, writes carry the x-csrf-token header (the
 * API refuses cookie writes without it); with a token, the request carries no cookie at all.
 */
export function TryOperation({ operation }: { operation: ApiOperation }) {
  const auth = useTryAuth();
  const csrfToken = useCsrfToken();
  const baseId = useId();
  const [values, setValues] = useState<Record<string, string>>({});
  const [body, setBody] = useState(operation.body?.example ?? "");
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function send(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (auth.mode === "token" && !auth.token) {
      setError("Type an API token above, or choose your session.");
      return;
    }
    const query = new URLSearchParams();
    const headers: Record<string, string> = { accept: "application/json, */*" };
    for (const p of operation.parameters) {
      const value = values[p.name]?.trim();
      if (!value) continue;
      if (p.in === "query") query.set(p.name, value);
      if (p.in === "header") headers[p.name] = value;
    }
    if (operation.body) headers["content-type"] = "application/json";
    if (auth.mode === "token") headers.authorization = `Bearer ${auth.token}`;
    else if (operation.isWrite && csrfToken) headers["x-csrf-token"] = csrfToken;
    const url = `${fillPath(operation.path, values)}${query.size ? `?${query}` : ""}`;
    setSending(true);
    const started = performance.now();
    try {
      const res = await fetch(url, {
        method: operation.method,
        headers,
        body: operation.body ? body : undefined,
        credentials: auth.mode === "token" ? "omit" : "same-origin",
      });
      const text = await readBody(res);
      setResult({
        status: res.status,
        statusText: res.statusText,
        contentType: res.headers.get("content-type") ?? "",
        body: text,
        ms: Math.round(performance.now() - started),
      });
    } catch (cause) {
      setError(`The request did not complete: ${cause instanceof Error ? cause.message : String(cause)}`);
    } finally {
      setSending(false);
    }
  }

  return (
    <form className={styles.try} onSubmit={send} aria-label={`Try ${operation.method} ${operation.path}`}>
      {operation.parameters.map((p) => {
        const id = `${baseId}-${p.in}-${p.name}`;
        return (
          <div key={`${p.in}-${p.name}`} className={styles.field}>
            <label htmlFor={id}>
              {p.name}{" "}
              <span className={styles.hint}>
                ({p.in}
                {p.required ? ", required" : ""})
              </span>
            </label>
            {p.options ? (
              <select
                id={id}
                className={styles.input}
                value={values[p.name] ?? ""}
                onChange={(e) => setValues({ ...values, [p.name]: e.target.value })}
              >
                <option value="">{p.required ? "Choose…" : "(any)"}</option>
                {p.options.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                className={styles.input}
                required={p.required}
                value={values[p.name] ?? ""}
                onChange={(e) => setValues({ ...values, [p.name]: e.target.value })}
              />
            )}
          </div>
        );
      })}
      {operation.body && (
        <div className={styles.field}>
          <label htmlFor={`${baseId}-body`}>Request body (JSON)</label>
          <textarea
            id={`${baseId}-body`}
            className={styles.body}
            rows={Math.min(18, body.split("\n").length + 1)}
            spellCheck={false}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
        </div>
      )}
      <div className={styles.tryBar}>
        <button type="submit" className={styles.send} disabled={sending}>
          {sending ? "Sending…" : `Send ${operation.method}`}
        </button>
        <span className={styles.hint}>
          {auth.mode === "token"
            ? "with your API token"
            : operation.isWrite
              ? "with your session and CSRF header"
              : "with your session"}
        </span>
      </div>
      <div role="status" aria-live="polite" className={styles.result}>
        {error && <p className={styles.error}>{error}</p>}
        {result && (
          <>
            <p className={result.status < 400 ? styles.ok : styles.error} data-testid="try-status">
              <strong>
                {result.status} {result.statusText}
              </strong>{" "}
              · {result.contentType || "no body"} · {result.ms} ms
            </p>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a long answer scrolls and must be reachable by keyboard */}
            <section className={styles.response} tabIndex={0} aria-label="Response body" data-testid="try-body">
              <pre>{result.body || "(empty)"}</pre>
            </section>
          </>
        )}
      </div>
    </form>
  );
}
