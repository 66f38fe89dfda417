import "server-only";
import type { Publication, PublicationStatus, PullRequestState } from "@/lib/domain/delivery";

/** A publication row as Prisma returns it (both databases). */
export type PublicationRow = {
  status: string;
  revision: number;
  branch: string;
  commitSha: string | null;
  prUrl: string | null;
  prNumber: number | null;
  prState: string | null;
  error: string | null;
  attempts: number;
  updatedAt: Date;
};

/** The row as the API and the request page show it: absent values left out, times as ISO strings. */
export function toPublication(row: PublicationRow): Publication {
  return {
    status: row.status as PublicationStatus,
    revision: row.revision,
    branch: row.branch,
    ...(row.commitSha ? { commitSha: row.commitSha } : {}),
    ...(row.prUrl ? { prUrl: row.prUrl } : {}),
    ...(row.prNumber !== null ? { prNumber: row.prNumber } : {}),
    ...(row.prState ? { prState: row.prState as PullRequestState } : {}),
    ...(row.error ? { error: row.error } : {}),
    attempts: row.attempts,
    updatedAt: row.updatedAt.toISOString(),
  };
}
