"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import controls from "@/components/ui/controls.module.css";
import { Dialog } from "@/components/ui/dialog";
import { formatDateTime } from "@/components/ui/format-date";
import styles from "@/components/ui/page.module.css";
import { apiFetch } from "@/lib/client/api-fetch";
import { useCsrfToken } from "@/lib/client/csrf";
import type { TokenRow } from "./token-types";
import tokenStyles from "./tokens.module.css";

function statusOf(token: TokenRow): { text: string; tone: string | undefined } {
  if (token.revokedAt) return { text: "revoked", tone: tokenStyles.statusRevoked };
  if (!token.active) return { text: "expired", tone: tokenStyles.statusRevoked };
  return { text: "active", tone: tokenStyles.statusActive };
}

/** The person's tokens; revoking one asks first, then takes effect on the next API call. */
export function TokenList({ tokens }: { tokens: TokenRow[] }) {
  const [revoking, setRevoking] = useState<TokenRow | null>(null);
  const [announcement, setAnnouncement] = useState("");
  if (tokens.length === 0) {
    return (
      <p className={controls.emptyState} data-testid="tokens-empty">
        No tokens yet. Create one for a pipeline or script; it acts with your rights, limited to its scopes.
      </p>
    );
  }
  return (
    <>
      <div className={tokenStyles.tableWrap}>
        <table className={tokenStyles.table}>
          <caption className="visually-hidden">Your API tokens, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Token</th>
              <th scope="col">Scopes</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => {
              const status = statusOf(token);
              return (
                <tr key={token.id} data-testid="token-row">
                  <th scope="row">{token.name}</th>
                  <td>
                    <code>{token.prefix}…</code>
                  </td>
                  <td>{token.scopes.join(", ")}</td>
                  <td>{formatDateTime(token.createdAt)}</td>
                  <td>{formatDateTime(token.expiresAt)}</td>
                  <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "never"}</td>
                  <td>
                    <span className={`${tokenStyles.status} ${status.tone ?? ""}`}>{status.text}</span>
                  </td>
                  <td>
                    {token.active && (
                      <Button
                        variant="secondary"
                        size="small"
                        onClick={() => setRevoking(token)}
                        aria-label={`Revoke ${token.name}`}
                      >
                        Revoke
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {revoking && (
        <RevokeDialog
          token={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={() => {
            setAnnouncement(`Token ${revoking.name} revoked.`);
            setRevoking(null);
          }}
        />
      )}
    </>
  );
}

function RevokeDialog({ token, onClose, onRevoked }: { token: TokenRow; onClose: () => void; onRevoked: () => void }) {
  const csrfToken = useCsrfToken();
  const router = useRouter();
  const revoke = useMutation({
    mutationFn: () => apiFetch(`/api/v1/tokens/${encodeURIComponent(token.id)}`, { method: "DELETE", csrfToken }),
    onSuccess: () => {
      router.refresh();
      onRevoked();
    },
  });
  return (
    <Dialog open title={`Revoke “${token.name}”?`} onClose={onClose}>
      <p>
        Anything using <code>{token.prefix}…</code> gets 401 Unauthorized from its next call. This cannot be undone.
      </p>
      {revoke.error && (
        <p role="alert" className={styles.error}>
          The token was not revoked: {revoke.error.message}
        </p>
      )}
      <div className={controls.buttonRow}>
        <Button variant="danger" onClick={() => revoke.mutate()} disabled={revoke.isPending}>
          {revoke.isPending ? "Revoking…" : "Revoke token"}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </Dialog>
  );
}
