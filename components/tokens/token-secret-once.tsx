"use client";

import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { inputClassName } from "@/components/ui/form-controls";
import tokenStyles from "./tokens.module.css";

/**
 * The new token's secret, shown exactly once: we store only its hash, so after this panel is
 * dismissed (or the page reloaded) nobody, not even an admin, can show it again.
 */
export function TokenSecretOnce({
  token,
  onDismiss,
}: {
  token: { name: string; secret: string; scopes: string[]; expiresAt: string };
  onDismiss: () => void;
}) {
  const id = useId();
  const ref = useRef<HTMLElement>(null);
  // Move focus to the panel so keyboard and screen-reader users land on the secret and the warning.
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className={tokenStyles.secretPanel}
      aria-labelledby={`${id}-title`}
      data-testid="token-secret"
    >
      <h2 id={`${id}-title`} className={tokenStyles.secretTitle}>
        Token “{token.name}” created
      </h2>
      <p role="alert" className={tokenStyles.secretWarning}>
        <strong>Copy this secret now.</strong> It is shown only once: we keep only a hash of it, so it cannot be shown
        again. If you lose it, revoke the token and create a new one.
      </p>
      <label htmlFor={`${id}-secret`} className={tokenStyles.secretLabel}>
        Secret ({token.scopes.join(", ")}; expires {new Date(token.expiresAt).toISOString().slice(0, 10)})
      </label>
      <div className={tokenStyles.secretRow}>
        {/* A wrapping read-only textarea: the whole secret stays visible, and focus selects it for copying. */}
        <textarea
          id={`${id}-secret`}
          className={`${inputClassName} ${tokenStyles.secretValue}`}
          readOnly
          rows={2}
          value={token.secret}
          data-testid="token-secret-value"
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton text={token.secret} label="Copy secret" />
      </div>
      <p className={tokenStyles.usage}>
        Use it as <code>Authorization: Bearer {token.secret.slice(0, 9)}…</code>
      </p>
      <Button variant="secondary" onClick={onDismiss}>
        I have stored it safely
      </Button>
    </section>
  );
}
