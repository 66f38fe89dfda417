import "server-only";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { checkDestination, normalizeAddress, type OutboundPolicy } from "./outbound-guard";

/** The destination was refused by the outbound policy (no request was sent). */
export class OutboundRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutboundRefusedError";
  }
}

export interface PostResult {
  status: number;
  /** At most the first 1 KB of the response body, as text. */
  bodyExcerpt: string;
}

export interface PostOptions {
  policy: OutboundPolicy;
  timeoutMs: number;
  headers: Record<string, string>;
  /** Tests resolve names without DNS; production uses the system resolver. */
  resolve?: (hostname: string) => Promise<{ address: string; family: number }[]>;
}

const EXCERPT_BYTES = 1_024;

/**
 * A lookup for the HTTP agent that resolves the name, keeps only the addresses the policy allows
 * and hands those to the connection: the address checked is the address connected to, so a DNS
 * answer that changes between the check and the connect (rebinding) cannot slip through.
 */
function guardedLookup(policy: OutboundPolicy, resolve: NonNullable<PostOptions["resolve"]>): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const refused: string[] = [];
        const allowed = addresses.filter((a) => {
          const check = checkDestination(policy, hostname, a.address);
          if (!check.allowed) refused.push(check.reason);
          return check.allowed;
        });
        if (allowed.length === 0) {
          const reason = refused[0] ?? `${hostname} did not resolve to any address`;
          callback(new OutboundRefusedError(`refused: ${reason}`), "", 4);
          return;
        }
        if ((options as { all?: boolean }).all) {
          (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, allowed);
        } else {
          const first = allowed[0] as { address: string; family: number };
          callback(null, first.address, first.family);
        }
      },
      (error: Error) => callback(error as NodeJS.ErrnoException, "", 4),
    );
  };
}

const systemResolve = (hostname: string) => dns.promises.lookup(hostname, { all: true, verbatim: true });

/**
 * POSTs a body to an http(s) URL under the outbound policy: address literals are checked before
 * connecting, names through the guarded lookup; no redirects are followed (a 3xx is a failed
 * attempt); the whole exchange is bounded by `timeoutMs`. Resolves with the status for any HTTP
 * answer; rejects on refusal, network failure or timeout.
 */
export function postGuarded(urlText: string, body: string, options: PostOptions): Promise<PostResult> {
  const url = new URL(urlText);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return Promise.reject(new OutboundRefusedError(`refused: only http and https URLs, not ${url.protocol}`));
  }
  // The URL parser already normalised odd IPv4 spellings (0x7f.1, 2130706433) to dotted form.
  const literal = normalizeAddress(url.hostname);
  if (literal) {
    const check = checkDestination(options.policy, url.hostname, literal.address);
    if (!check.allowed) return Promise.reject(new OutboundRefusedError(`refused: ${check.reason}`));
  }
  const client = url.protocol === "https:" ? https : http;
  return new Promise<PostResult>((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: "POST",
        headers: { ...options.headers, "content-length": String(Buffer.byteLength(body)) },
        lookup: guardedLookup(options.policy, options.resolve ?? systemResolve),
        timeout: options.timeoutMs,
        // A fresh connection per delivery: a pooled socket would skip the lookup (and its check).
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          if (size < EXCERPT_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            bodyExcerpt: Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString("utf8"),
          }),
        );
        res.on("error", reject);
      },
    );
    const deadline = setTimeout(
      () => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    req.on("error", reject);
    req.on("close", () => clearTimeout(deadline));
    req.end(body);
  });
}
