/**
 * The one error type that crosses layers: a stable code, a message for people, optional field
 * issues. lib/api maps `code` to an HTTP status through APP_ERROR_STATUS.
 */
export const APP_ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION_FAILED: 422,
  TRANSITION_NOT_ALLOWED: 409,
  REVISION_NOT_APPROVED: 409,
  FOUR_EYES: 403,
  REASON_REQUIRED: 422,
  RATE_LIMITED: 429,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

export interface FieldIssue {
  path: string;
  code: string;
  message: string;
  severity?: "error" | "warning";
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly issues: FieldIssue[];
  readonly details: Record<string, unknown>;

  constructor(
    code: AppErrorCode,
    message: string,
    options: { issues?: FieldIssue[]; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.issues = options.issues ?? [];
    this.details = options.details ?? {};
  }

  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
