"use client";

import { useMutation } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import { useCsrfToken } from "@/lib/client/csrf";
import { Button } from "./button";
import controls from "./controls.module.css";
import { Dialog } from "./dialog";
import styles from "./page.module.css";

/**
 * Asks before a DELETE that cannot be undone (a webhook, a token): what will happen, the server's
 * error if it refused, a danger button that says what it does and Cancel. The caller decides what
 * follows a success (refresh, navigate, announce).
 */
export function ConfirmDeleteDialog(props: {
  title: string;
  endpoint: string;
  /** The button, and its pending text: "Delete channel" / "Deleting…". */
  confirmLabel: string;
  pendingLabel: string;
  /** Said before the server's message when the DELETE fails: "The channel was not deleted". */
  failure: string;
  onDeleted: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const csrfToken = useCsrfToken();
  const remove = useMutation({
    mutationFn: () => apiFetch(props.endpoint, { method: "DELETE", csrfToken }),
    onSuccess: props.onDeleted,
  });
  return (
    <Dialog open title={props.title} onClose={props.onClose}>
      {props.children}
      {remove.error && (
        <p role="alert" className={styles.error}>
          {props.failure}: {remove.error.message}
        </p>
      )}
      <div className={controls.buttonRow}>
        <Button variant="danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
          {remove.isPending ? props.pendingLabel : props.confirmLabel}
        </Button>
        <Button variant="secondary" onClick={props.onClose}>
          Cancel
        </Button>
      </div>
    </Dialog>
  );
}
