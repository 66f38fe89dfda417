// A small HTTP client for the resilience tests: bearer token, JSON in, status and parsed body out,
// and the checks every error response must pass (problem+json, no 5xx except a 503 when asked).

export interface ApiResponse {
  status: number;
  contentType: string;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the tests that read them
  body: any;
  text: string;
  ms: number;
}

export async function call(
  baseUrl: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  {
    rawBody,
    headers = {},
    timeoutMs = 30_000,
  }: { rawBody?: string; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<ApiResponse> {
  const started = performance.now();
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined || rawBody !== undefined ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return {
    status: res.status,
    contentType: res.headers.get("content-type") ?? "",
    body: parsed,
    text,
    ms: performance.now() - started,
  };
}

/** Why an error response is not a proper problem document, or undefined when it is. */
export function problemDefect(res: ApiResponse): string | undefined {
  if (res.status < 400) return undefined;
  if (!res.contentType.startsWith("application/problem+json")) return `content-type ${res.contentType || "(none)"}`;
  const b = res.body as { status?: unknown; title?: unknown; code?: unknown } | undefined;
  if (!b || b.status !== res.status || typeof b.title !== "string" || typeof b.code !== "string") {
    return `body is not a problem document: ${res.text.slice(0, 200)}`;
  }
  return undefined;
}

/** Runs `tasks` with at most `width` in flight (a bounded pool of clients). */
export async function pool<T>(width: number, tasks: Array<() => Promise<T>>): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await (tasks[i] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, worker));
  return results;
}

export function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}
