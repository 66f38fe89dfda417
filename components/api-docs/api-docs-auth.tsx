"use client";

import { createContext, type ReactNode, useContext, useId, useState } from "react";
import styles from "./api-docs.module.css";

/** How "Try it" authenticates: the browser session (with its CSRF token) or an API token typed here. */
export type TryAuth = { mode: "session" } | { mode: "token"; token: string };

const TryAuthContext = createContext<TryAuth>({ mode: "session" });

export function useTryAuth(): TryAuth {
  return useContext(TryAuthContext);
}

/**
 * The choice of credentials for every "Try it" on the page. The token stays in this page's memory
 * only (never stored), and requests made with it carry no cookie, so they act exactly as a script
 * with that token would.
 */
export function ApiDocsAuth({ signedIn, children }: { signedIn: boolean; children: ReactNode }) {
  const [mode, setMode] = useState<"session" | "token">(signedIn ? "session" : "token");
  const [token, setToken] = useState("");
  const tokenId = useId();
  const auth: TryAuth = mode === "session" ? { mode } : { mode, token: token.trim() };
  return (
    <TryAuthContext.Provider value={auth}>
      <fieldset className={styles.auth}>
        <legend>Try requests as</legend>
        <label className={styles.choice}>
          <input
            type="radio"
            name="try-auth"
            value="session"
            checked={mode === "session"}
            disabled={!signedIn}
            onChange={() => setMode("session")}
          />{" "}
          My session {signedIn ? "(writes send the CSRF header for you)" : "(sign in first)"}
        </label>
        <label className={styles.choice}>
          <input
            type="radio"
            name="try-auth"
            value="token"
            checked={mode === "token"}
            onChange={() => setMode("token")}
          />{" "}
          An API token
        </label>
        {mode === "token" && (
          <div className={styles.tokenField}>
            <label htmlFor={tokenId}>API token</label>
            <input
              id={tokenId}
              type="password"
              autoComplete="off"
              spellCheck={false}
              className={styles.input}
              value={token}
              placeholder="tw_…"
              onChange={(e) => setToken(e.target.value)}
              aria-describedby={`${tokenId}-hint`}
            />
            <p id={`${tokenId}-hint`} className={styles.hint}>
              Sent as Authorization: Bearer; kept in this page only. Create one under{" "}
              <a href="/settings/tokens">API tokens</a>.
            </p>
          </div>
        )}
      </fieldset>
      {children}
    </TryAuthContext.Provider>
  );
}
