/**
 * Runs once when a server instance starts: checks the configuration (a bad setting stops the
 * process with the variable named), installs the bounded graceful shutdown and starts the
 * background jobs (notifications, scheduled drift checks; pg-boss on PostgreSQL, in-process on
 * SQLite). The table inventory registers its ManagedTableSource (lib/server/drift) here, before
 * startJobs, so that the drift planner has tables to check.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { assertValidEnv } = await import("./lib/env");
  const env = assertValidEnv();
  const { installGracefulShutdown } = await import("./lib/server/shutdown");
  installGracefulShutdown(env.TABLEWRIGHT_SHUTDOWN_GRACE_MS ?? 25_000);
  const { startJobs } = await import("./lib/server/jobs/start-jobs");
  // Not awaited: the server answers while pg-boss installs or migrates its schema.
  void startJobs({ working: env.TABLEWRIGHT_WORKER !== "off" });
}
