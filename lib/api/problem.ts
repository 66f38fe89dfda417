import { APP_ERROR_STATUS, type AppErrorCode, type FieldIssue } from "@/lib/domain/app-error";

/** RFC 9457 problem details, as every API error is answered. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: AppErrorCode;
  requestId?: string;
  errors?: FieldIssue[];
  [extension: string]: unknown;
}

const TITLES: Record<AppErrorCode, string> = {
  BAD_REQUEST: "Bad request",
  UNAUTHENTICATED: "Authentication required",
  FORBIDDEN: "Forbidden",
  NOT_FOUND: "Not found",
  METHOD_NOT_ALLOWED: "Method not allowed",
  CONFLICT: "Conflict",
  VERSION_CONFLICT: "The resource changed",
  IDEMPOTENCY_KEY_REUSED: "Idempotency key reused with a different body",
  PAYLOAD_TOO_LARGE: "Payload too large",
  UNSUPPORTED_MEDIA_TYPE: "Unsupported media type",
  VALIDATION_FAILED: "Validation failed",
  TRANSITION_NOT_ALLOWED: "Transition not allowed",
  REVISION_NOT_APPROVED: "Revision not approved",
  FOUR_EYES: "Four-eyes rule",
  REASON_REQUIRED: "A reason is required",
  RATE_LIMITED: "Too many requests",
  DATABASE_UNAVAILABLE: "Service unavailable",
  INTERNAL: "Internal error",
};

export function problemType(code: AppErrorCode): string {
  return `urn:tablewright:problem:${code.toLowerCase().replaceAll("_", "-")}`;
}

export function buildProblem(
  code: AppErrorCode,
  detail: string,
  extra: { requestId?: string; errors?: FieldIssue[]; details?: Record<string, unknown> } = {},
): ProblemDetails {
  return {
    type: problemType(code),
    title: TITLES[code],
    status: APP_ERROR_STATUS[code],
    detail,
    code,
    ...(extra.requestId ? { requestId: extra.requestId } : {}),
    ...(extra.errors?.length ? { errors: extra.errors } : {}),
    ...(extra.details ?? {}),
  };
}

export function problemResponse(problem: ProblemDetails, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...headers },
  });
}
