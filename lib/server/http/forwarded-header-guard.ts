import "server-only";
import http from "node:http";
import { FORWARDED_HEADERS, trustedProxyCount } from "./forwarded";

const INSTALLED = Symbol.for("tablewright.forwardedHeaderGuard");

/**
 * Next.js fills X-Forwarded-For, -Host and -Proto from the connection only when the request does
 * not carry them (`??=` in its base server), so without a proxy in front a client could write its
 * own address into the audit trail and its own host into redirects. When no trusted proxy is
 * configured, this drops those headers the moment a request reaches any HTTP server in this
 * process, before Next.js reads it; Next.js then writes the true values. With trusted proxies the
 * headers are left for `clientAddressFrom` to read from the right.
 */
export function installForwardedHeaderGuard(proxies = trustedProxyCount()): boolean {
  if (proxies > 0) return false;
  const prototype = http.Server.prototype as http.Server & { [INSTALLED]?: boolean };
  if (prototype[INSTALLED]) return true;
  const emit = prototype.emit;
  prototype.emit = function guardedEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      for (const name of FORWARDED_HEADERS) delete req.headers[name];
    }
    return (emit as (...all: unknown[]) => boolean).apply(this, [event, ...args]);
  } as typeof emit;
  prototype[INSTALLED] = true;
  return true;
}
