"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import controls from "@/components/ui/controls.module.css";
import styles from "@/components/ui/page.module.css";
import { apiFetch } from "@/lib/client/api-fetch";
import { useCsrfToken } from "@/lib/client/csrf";
import type { AccountTarget } from "@/lib/domain/accounts/account-target";

/** The mappings, most general first; removing one makes its scope fall back to a wider mapping. */
export function AccountTargetList({ targets }: { targets: AccountTarget[] }) {
  const csrfToken = useCsrfToken();
  const router = useRouter();
  const remove = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/v1/account-targets/${id}`, { method: "DELETE", csrfToken }),
    onSuccess: () => router.refresh(),
  });
  if (targets.length === 0) {
    return (
      <p className={controls.emptyState} data-testid="account-targets-empty">
        No mappings yet: every table is checked and created with the default credentials&apos; account.
      </p>
    );
  }
  return (
    <table className={styles.table} data-testid="account-targets">
      <caption className="visually-hidden">Account mappings</caption>
      <thead>
        <tr>
          <th scope="col">Team</th>
          <th scope="col">Tier</th>
          <th scope="col">Account</th>
          <th scope="col">Role</th>
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
              <code>{t.accountId}</code>
              {t.name && <span className={controls.hint}> {t.name}</span>}
            </td>
            <td>
              <code>{t.roleArn}</code>
              {t.externalId && <span className={controls.hint}> external ID set</span>}
            </td>
            <td>
              <button
                type="button"
                className={`${styles.button} ${styles.secondary}`}
                disabled={remove.isPending}
                onClick={() => remove.mutate(t.id)}
                aria-label={`Remove the mapping for ${t.team ?? "every team"} in ${t.tier ?? "every tier"}`}
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
