"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDeleteDialog } from "@/components/ui/confirm-delete-dialog";
import controls from "@/components/ui/controls.module.css";
import { ACTIONS_COLUMN, DataTable } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format-date";
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
        <DataTable
          caption="Your API tokens, newest first"
          className={tokenStyles.table}
          columns={["Name", "Token", "Scopes", "Created", "Expires", "Last used", "Status", ACTIONS_COLUMN]}
        >
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
        </DataTable>
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
  const router = useRouter();
  return (
    <ConfirmDeleteDialog
      title={`Revoke “${token.name}”?`}
      endpoint={`/api/v1/tokens/${encodeURIComponent(token.id)}`}
      confirmLabel="Revoke token"
      pendingLabel="Revoking…"
      failure="The token was not revoked"
      onClose={onClose}
      onDeleted={() => {
        router.refresh();
        onRevoked();
      }}
    >
      <p>
        Anything using <code>{token.prefix}…</code> gets 401 Unauthorized from its next call. This cannot be undone.
      </p>
    </ConfirmDeleteDialog>
  );
}
