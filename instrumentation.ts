/**
 * Runs once when a server instance starts: checks the configuration (a bad setting stops the
 * process with the variable named), stops clients from forging X-Forwarded-* headers unless a
 * trusted proxy is configured, and installs the bounded graceful shutdown.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertValidEnv } = await import("./lib/env");
  const env = assertValidEnv();
  const { installForwardedHeaderGuard } = await import("./lib/server/http/forwarded-header-guard");
  installForwardedHeaderGuard(env.TABLEWRIGHT_TRUSTED_PROXIES ?? 0);
  const { installGracefulShutdown } = await import("./lib/server/shutdown");
  installGracefulShutdown(env.TABLEWRIGHT_SHUTDOWN_GRACE_MS ?? 25_000);
}
