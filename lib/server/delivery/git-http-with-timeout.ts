import "server-only";
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import type { GitHttpRequest, GitHttpResponse, HttpClient } from "isomorphic-git";
import http from "isomorphic-git/http/node";

/** How long a git server may stay silent before a publish attempt gives up on it. */
export const DEFAULT_GIT_TIMEOUT_MS = 30_000;

/** The git timeout from TABLEWRIGHT_GIT_TIMEOUT_MS, or the default when unset or not a positive number. */
export function gitTimeoutMsFromEnv(): number {
  const value = Number(process.env.TABLEWRIGHT_GIT_TIMEOUT_MS);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_GIT_TIMEOUT_MS;
}

// Node's global agent closes a socket idle for 5 s (its keep-alive timeout), which isomorphic-git
// reports as a confusing protocol error; with these agents the deadline below is the only one.
const HTTP_AGENT = new HttpAgent({ keepAlive: false });
const HTTPS_AGENT = new HttpsAgent({ keepAlive: false });
const agentFor = (url: string) => (url.startsWith("https:") ? HTTPS_AGENT : HTTP_AGENT);

/** The git server accepted the connection but sent nothing for `timeoutMs`. */
export class GitTimeoutError extends Error {
  readonly code = "GitTimeoutError";
  /** The deadline in words, e.g. "30 s". */
  readonly within: string;
  constructor(readonly timeoutMs: number) {
    const within = `${Number((timeoutMs / 1000).toFixed(3))} s`;
    super(`the git server did not answer within ${within}`);
    this.within = within;
  }
}

/**
 * isomorphic-git's Node HTTP client with an inactivity deadline. isomorphic-git has no timeout of
 * its own: a server that accepts the connection and never answers (or stops mid-answer) would hang
 * a publish attempt, and the publication would stay "pending", forever. Each request is aborted
 * (its socket destroyed) when neither the response headers nor a further body chunk arrive within
 * `timeoutMs`; the git call then fails with GitTimeoutError, or with whatever isomorphic-git made of
 * the cut-off answer (its pkt-line reader swallows read errors), which `timedOut()` explains.
 */
export function gitHttpWithTimeout(timeoutMs: number): HttpClient & {
  /** The deadline that passed, if one did (isomorphic-git may report it as a protocol error instead). */
  timedOut(): GitTimeoutError | undefined;
} {
  let timedOut: GitTimeoutError | undefined;
  return {
    timedOut: () => timedOut,
    async request(request: GitHttpRequest): Promise<GitHttpResponse> {
      const controller = new AbortController();
      const timeout = new GitTimeoutError(timeoutMs);
      let timer: NodeJS.Timeout | undefined;
      let rejectSilence: (error: Error) => void = () => {};
      // Rejects when the deadline passes while a body chunk is awaited (the node client's body
      // iterator does not end when its socket is destroyed, so the wait must be cut here).
      const silence = new Promise<never>((_, reject) => {
        rejectSilence = reject;
      });
      silence.catch(() => {}); // observed only while a chunk is awaited
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          timedOut = timeout;
          controller.abort(timeout);
          rejectSilence(timeout);
        }, timeoutMs);
      };
      const disarm = () => clearTimeout(timer);
      arm();
      let response: GitHttpResponse;
      try {
        response = await http.request({ ...request, agent: agentFor(request.url), signal: controller.signal });
      } catch (error) {
        disarm();
        throw controller.signal.aborted ? timeout : error;
      }
      arm();
      const body = response.body;
      if (!body) {
        disarm();
        return response;
      }
      const iterator = body[Symbol.asyncIterator]();
      const guarded: AsyncIterableIterator<Uint8Array> = {
        async next() {
          try {
            const result = await Promise.race([iterator.next(), silence]);
            if (result.done) disarm();
            else arm();
            return result;
          } catch (error) {
            disarm();
            throw error;
          }
        },
        async return(value?: unknown) {
          disarm();
          await iterator.return?.();
          return { done: true, value };
        },
        [Symbol.asyncIterator]() {
          return guarded;
        },
      };
      return { ...response, body: guarded };
    },
  };
}
