"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ApiProblem, apiFetch } from "@/lib/client/api-fetch";
import { useCsrfToken } from "@/lib/client/csrf";

/** The workflow endpoints a person can trigger from the detail page or the queue. */
export type RequestActionKind = "submit" | "withdraw" | "approve" | "reject" | "request-changes";

export interface RequestActionInput {
  kind: RequestActionKind;
  expectedVersion: number;
  revision?: number;
  reason?: string;
  comment?: string;
}

export interface TransitionResult {
  key: string;
  status: string;
  version: number;
  currentRevision: number;
}

function bodyFor(input: RequestActionInput): Record<string, unknown> {
  const { kind, expectedVersion } = input;
  if (kind === "approve") {
    return { revision: input.revision, expectedVersion, ...(input.comment?.trim() ? { comment: input.comment } : {}) };
  }
  if (kind === "reject" || kind === "request-changes") return { reason: input.reason ?? "", expectedVersion };
  return { expectedVersion };
}

/**
 * Posts one workflow action, then refreshes the server components so the page shows the new
 * status, timeline and buttons from the database rather than from a guess made here.
 */
export function useChangeRequestAction(changeRequestKey: string) {
  const csrfToken = useCsrfToken();
  const router = useRouter();
  return useMutation({
    mutationFn: (input: RequestActionInput) =>
      apiFetch<TransitionResult>(`/api/v1/change-requests/${encodeURIComponent(changeRequestKey)}/${input.kind}`, {
        method: "POST",
        csrfToken,
        json: bodyFor(input),
      }),
    onSuccess: () => router.refresh(),
  });
}

/** Whether the failure means the page is stale (someone else acted first). */
export function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiProblem && error.status === 409 && error.code === "VERSION_CONFLICT";
}

/** A sentence a person can act on, for any failure of a workflow action. */
export function describeActionError(error: unknown): string {
  if (isVersionConflict(error)) {
    return "This request changed since you loaded it — reload to see the latest version, then decide again. Your text is kept.";
  }
  if (error instanceof ApiProblem) {
    if (error.code === "FOUR_EYES") return "You cannot decide on your own request: another approver must review it.";
    if (error.code === "REASON_REQUIRED") return "Give a reason the requester can act on.";
    if (error.status === 401) return "Your session has ended. Sign in again, then retry.";
    const details = error.errors.map((e) => e.message).join("; ");
    return details ? `${error.message} (${details})` : error.message;
  }
  return "The request did not reach the server. Check your connection and retry.";
}
