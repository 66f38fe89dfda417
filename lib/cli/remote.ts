import type { CliIo } from "./command";

/** Where the remote commands talk to: --server / --token, or TABLEWRIGHT_SERVER / TABLEWRIGHT_TOKEN. */
export interface RemoteTarget {
  server: string;
  token: string;
}

export function resolveRemote(
  flags: Record<string, string | true>,
  io: CliIo,
  command: string,
): RemoteTarget | undefined {
  const server = typeof flags.server === "string" ? flags.server : process.env.TABLEWRIGHT_SERVER;
  const token = typeof flags.token === "string" ? flags.token : process.env.TABLEWRIGHT_TOKEN;
  if (!server || !token) {
    io.stderr(
      `tablewright ${command}: give --server URL and --token T (or set TABLEWRIGHT_SERVER and TABLEWRIGHT_TOKEN); ` +
        "create a token under API tokens in the portal\n",
    );
    return undefined;
  }
  try {
    new URL(server);
  } catch {
    io.stderr(`tablewright ${command}: --server is not a URL: ${server}\n`);
    return undefined;
  }
  return { server: server.replace(/\/$/, ""), token };
}

export type RemoteResult =
  | { ok: true; status: number; body: unknown; headers: Headers; bytes?: Uint8Array }
  | {
      ok: false;
      status: number;
      problem: { detail?: string; code?: string; errors?: unknown[] } | undefined;
      message: string;
    };

/** One API call; network failures and problem+json answers come back as values, never throws. */
export async function callApi(
  target: RemoteTarget,
  method: string,
  path: string,
  options: { json?: unknown; headers?: Record<string, string>; binary?: boolean } = {},
): Promise<RemoteResult> {
  let res: Response;
  try {
    res = await fetch(`${target.server}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${target.token}`,
        accept: options.binary ? "application/zip" : "application/json",
        ...(options.json !== undefined ? { "content-type": "application/json" } : {}),
        ...options.headers,
      },
      body: options.json !== undefined ? JSON.stringify(options.json) : undefined,
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    return {
      ok: false,
      status: 0,
      problem: undefined,
      message: `cannot reach ${target.server}: ${(error as Error).message}`,
    };
  }
  if (!res.ok) {
    const text = await res.text();
    let problem: { detail?: string; code?: string; errors?: unknown[] } | undefined;
    try {
      problem = JSON.parse(text);
    } catch {
      problem = undefined;
    }
    return { ok: false, status: res.status, problem, message: problem?.detail ?? `HTTP ${res.status}` };
  }
  if (options.binary)
    return {
      ok: true,
      status: res.status,
      body: undefined,
      headers: res.headers,
      bytes: new Uint8Array(await res.arrayBuffer()),
    };
  return { ok: true, status: res.status, body: await res.json(), headers: res.headers };
}

/** Exit code for a failed call: 1 when the server refused the request itself, 2 for everything else. */
export function exitCodeFor(result: Extract<RemoteResult, { ok: false }>): number {
  return result.status === 409 || result.status === 422 || result.status === 403 || result.status === 404 ? 1 : 2;
}

export function reportFailure(io: CliIo, command: string, result: Extract<RemoteResult, { ok: false }>): number {
  if (result.problem) io.stdout(`${JSON.stringify(result.problem, null, 2)}\n`);
  io.stderr(`tablewright ${command}: ${result.message}\n`);
  return exitCodeFor(result);
}

export const REMOTE_FLAGS_HELP = `  --server URL         the portal, e.g. https://tablewright.internal (or TABLEWRIGHT_SERVER)
  --token T            an API token (or TABLEWRIGHT_TOKEN)`;
