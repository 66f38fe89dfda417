"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import controls from "./controls.module.css";
import styles from "./page.module.css";

/**
 * The body of an error.tsx: says what failed in words, offers a retry (Next's `reset`) and a way
 * out, and moves focus to the message so keyboard and screen-reader users land on it.
 */
export function RouteError({
  what,
  error,
  reset,
}: {
  what: string;
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} role="alert" className={`${styles.card} ${styles.narrow}`}>
      <h1>Could not load {what}</h1>
      <p>
        Something went wrong on our side. Retry; if it keeps failing, tell the platform team
        {error.digest ? (
          <>
            {" "}
            and quote the reference <code>{error.digest}</code>
          </>
        ) : null}
        .
      </p>
      <div className={controls.buttonRow}>
        <button type="button" className={styles.button} onClick={reset}>
          Retry
        </button>
        <Link href="/">Back to your requests</Link>
      </div>
    </div>
  );
}
