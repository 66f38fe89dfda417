"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import controls from "@/components/ui/controls.module.css";
import { ACTIONS_COLUMN, DataTable } from "@/components/ui/data-table";
import styles from "@/components/ui/page.module.css";
import { apiFetch } from "@/lib/client/api-fetch";
import { useCsrfToken } from "@/lib/client/csrf";

interface ScopedTarget {
  id: string;
  team: string | null;
  tier: string | null;
}

/**
 * The list every admin "target for a scope" page shares: team and tier first, the caller's columns,
 * then a Remove button that DELETEs `${endpoint}/${id}`. An explicit empty state instead of a blank table.
 */
export function ScopedTargetList<T extends ScopedTarget>(props: {
  targets: T[];
  endpoint: string;
  caption: string;
  testId: string;
  empty: ReactNode;
  /** The caller's columns between the scope and the Remove button. */
  columns: { heading: string; cell: (target: T) => ReactNode }[];
  /** What one target is called in the Remove button's accessible name ("mapping", "delivery target"). */
  noun: string;
}) {
  const csrfToken = useCsrfToken();
  const router = useRouter();
  const remove = useMutation({
    mutationFn: (id: string) => apiFetch(`${props.endpoint}/${id}`, { method: "DELETE", csrfToken }),
    onSuccess: () => router.refresh(),
  });
  if (props.targets.length === 0) {
    return (
      <p className={controls.emptyState} data-testid={`${props.testId}-empty`}>
        {props.empty}
      </p>
    );
  }
  return (
    <DataTable
      caption={props.caption}
      className={styles.table}
      testId={props.testId}
      columns={["Team", "Tier", ...props.columns.map((c) => c.heading), ACTIONS_COLUMN]}
    >
      {props.targets.map((t) => (
        <tr key={t.id}>
          <td>{t.team ?? "every team"}</td>
          <td>{t.tier ?? "every tier"}</td>
          {props.columns.map((c) => (
            <td key={c.heading}>{c.cell(t)}</td>
          ))}
          <td>
            <button
              type="button"
              className={`${styles.button} ${styles.secondary}`}
              disabled={remove.isPending}
              onClick={() => remove.mutate(t.id)}
              aria-label={`Remove the ${props.noun} for ${t.team ?? "every team"} in ${t.tier ?? "every tier"}`}
            >
              Remove
            </button>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
