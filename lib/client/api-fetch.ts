/** A problem+json answer from the API, thrown by apiFetch so callers can show field errors. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: { path: string; code: string; message: string }[];
  readonly requestId?: string;

  constructor(
    status: number,
    body: { detail?: string; code?: string; errors?: ApiProblem["errors"]; requestId?: string },
  ) {
    super(body.detail ?? `request failed with status ${status}`);
    this.status = status;
    this.code = body.code ?? "UNKNOWN";
    this.errors = body.errors ?? [];
    this.requestId = body.requestId;
  }
}

/** JSON fetch against our own API with the CSRF header on writes; errors become ApiProblem. */
export async function apiFetch<T>(
  path: string,
  init: RequestInit & { csrfToken?: string; json?: unknown } = {},
): Promise<T> {
  const { csrfToken, json, headers, ...rest } = init;
  const res = await fetch(path, {
    ...rest,
    headers: {
      accept: "application/json",
      ...(json !== undefined ? { "content-type": "application/json" } : {}),
      ...(csrfToken ? { "x-csrf-token": csrfToken } : {}),
      ...headers,
    },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
    credentials: "same-origin",
  });
  const text = await res.text();
  const body = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) throw new ApiProblem(res.status, (body ?? {}) as ConstructorParameters<typeof ApiProblem>[1]);
  return body as T;
}
