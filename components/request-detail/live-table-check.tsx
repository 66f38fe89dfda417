"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import ui from "@/components/ui/page.module.css";
import { ApiProblem, apiFetch } from "@/lib/client/api-fetch";
import { useCsrfToken } from "@/lib/client/csrf";
import styles from "./request-detail.module.css";

interface Verification {
  verified: boolean;
  recorded: boolean;
  status: string;
  checkedAt: string;
  region: string;
  tableMissing?: boolean;
  unavailable?: { reason: string };
  differences: { path: string; expected: unknown; actual: unknown }[];
}

const show = (value: unknown) => (value === undefined ? "(absent)" : JSON.stringify(value));

/**
 * After approval: compare the live table in AWS with the approved revision, field by field. The
 * result is recorded on the timeline (verified or drifted); when live checks are off the card
 * says so plainly instead of offering a button that cannot work.
 */
export function LiveTableCheck({
  changeRequestKey,
  liveChecks,
  canVerify,
}: {
  changeRequestKey: string;
  liveChecks: { enabled: boolean; message: string };
  canVerify: boolean;
}) {
  const csrfToken = useCsrfToken();
  const router = useRouter();
  const verify = useMutation({
    mutationFn: () =>
      apiFetch<Verification>(`/api/v1/change-requests/${encodeURIComponent(changeRequestKey)}/verify`, {
        method: "POST",
        json: {},
        csrfToken,
      }),
    onSuccess: (result) => {
      if (result.recorded) router.refresh();
    },
  });
  const result = verify.data;
  return (
    <section className={styles.section} aria-labelledby="live-check-title" data-testid="live-check">
      <h2 id="live-check-title">Live table</h2>
      <p className={styles.small}>{liveChecks.message}</p>
      {liveChecks.enabled && canVerify && (
        <Button disabled={verify.isPending} onClick={() => verify.mutate()}>
          {verify.isPending ? "Checking the live table…" : "Verify the live table"}
        </Button>
      )}
      <div aria-live="polite">
        {verify.error && (
          <p role="alert" className={ui.error}>
            {verify.error instanceof ApiProblem ? verify.error.message : "The check could not run."}
          </p>
        )}
        {result?.unavailable && <p className={ui.notice}>Not checked: {result.unavailable.reason}</p>}
        {result && !result.unavailable && result.tableMissing && (
          <p className={ui.notice}>The table does not exist in {result.region} yet: the module has not been applied.</p>
        )}
        {result && !result.unavailable && !result.tableMissing && result.verified && (
          <p className={styles.small}>
            Verified: the live table in {result.region} matches the approved revision (
            {new Date(result.checkedAt).toUTCString()}).
          </p>
        )}
        {result && !result.unavailable && !result.verified && result.differences.length > 0 && (
          <>
            <p role="alert" className={ui.error}>
              Drifted: {result.differences.length} difference{result.differences.length === 1 ? "" : "s"} from the
              approved revision.
            </p>
            <DataTable
              caption="Differences between the approved revision and the live table"
              className={ui.table}
              columns={["Field", "Approved", "Live"]}
            >
              {result.differences.map((d) => (
                <tr key={d.path}>
                  <td>
                    <code>{d.path}</code>
                  </td>
                  <td>
                    <code>{show(d.expected)}</code>
                  </td>
                  <td>
                    <code>{show(d.actual)}</code>
                  </td>
                </tr>
              ))}
            </DataTable>
          </>
        )}
      </div>
    </section>
  );
}
