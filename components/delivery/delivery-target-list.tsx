"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import controls from "@/components/ui/controls.module.css";
import styles from "@/components/ui/page.module.css";
import { apiFetch } from "@/lib/client/api-fetch";
import { useCsrfToken } from "@/lib/client/csrf";
import type { DeliveryTarget } from "@/lib/domain/delivery/delivery-target";

/** The targets, most general first; removing one makes its scope fall back to a wider target (or none). */
export function DeliveryTargetList({ targets }: { targets: DeliveryTarget[] }) {
  const csrfToken = useCsrfToken();
  const router = useRouter();
  const remove = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/v1/delivery-targets/${id}`, { method: "DELETE", csrfToken }),
    onSuccess: () => router.refresh(),
  });
  if (targets.length === 0) {
    return (
      <p className={controls.emptyState} data-testid="delivery-targets-empty">
        No delivery targets yet: approved modules are downloaded as zip files only.
      </p>
    );
  }
  return (
    <table className={styles.table} data-testid="delivery-targets">
      <caption className="visually-hidden">Delivery targets</caption>
      <thead>
        <tr>
          <th scope="col">Team</th>
          <th scope="col">Tier</th>
          <th scope="col">Repository</th>
          <th scope="col">Path</th>
          <th scope="col">Publish</th>
          <th scope="col">Credential</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {targets.map((t) => (
          <tr key={t.id}>
            <td>{t.team ?? "every team"}</td>
            <td>{t.tier ?? "every tier"}</td>
            <td>
              <code>{t.repoUrl}</code> ({t.provider}, {t.baseBranch})
            </td>
            <td>
              <code>{t.pathTemplate}</code>
            </td>
            <td>{t.mode === "automatic" ? "on approval" : "by button"}</td>
            <td>
              <code>{t.credentialRef}</code>
              {t.webhookSecretRef && <span className={controls.hint}> webhook: {t.webhookSecretRef}</span>}
            </td>
            <td>
              <button
                type="button"
                className={`${styles.button} ${styles.secondary}`}
                disabled={remove.isPending}
                onClick={() => remove.mutate(t.id)}
                aria-label={`Remove the delivery target for ${t.team ?? "every team"} in ${t.tier ?? "every tier"}`}
              >
                Remove
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
