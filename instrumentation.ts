/**
 * Runs once when a server instance starts: checks the configuration (a bad setting stops the
 * process with the variable named) and installs the bounded graceful shutdown.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertValidEnv } = await import("./lib/env");
  const env = assertValidEnv();
  const { installGracefulShutdown } = await import("./lib/server/shutdown");
  installGracefulShutdown(env.TABLEWRIGHT_SHUTDOWN_GRACE_MS ?? 25_000);
}
