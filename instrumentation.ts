/**
 * Runs once when a server instance starts: checks the configuration (a bad setting stops the
 * process with the variable named), stops clients from forging X-Forwarded-* headers unless a
 * trusted proxy is configured, installs the bounded graceful shutdown and starts the background
 * jobs (notifications, scheduled drift checks; pg-boss on PostgreSQL, in-process on SQLite). The
 * table inventory registers its ManagedTableSource (lib/server/drift) here, before startJobs, so
 * that the drift planner has tables to check. Then it recomputes the approval routing of submitted
 * requests (rows older than the routedRoles column, a changed policy file), without holding up
 * the server.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { assertValidEnv } = await import("./lib/env");
  const env = assertValidEnv();
  const { installForwardedHeaderGuard } = await import("./lib/server/http/forwarded-header-guard");
  installForwardedHeaderGuard(env.TABLEWRIGHT_TRUSTED_PROXIES ?? 0);
  const { installGracefulShutdown } = await import("./lib/server/shutdown");
  installGracefulShutdown(env.TABLEWRIGHT_SHUTDOWN_GRACE_MS ?? 25_000);
  const { registerManagedTableSource } = await import("./lib/server/drift/managed-table-source");
  const { inventoryDriftSource } = await import("./lib/server/inventory/drift-check-source");
  registerManagedTableSource(inventoryDriftSource);
  const { startJobs } = await import("./lib/server/jobs/start-jobs");
  // Not awaited: the server answers while pg-boss installs or migrates its schema.
  void startJobs({ working: env.TABLEWRIGHT_WORKER !== "off" });
  const { refreshRoutedRolesAtStartup } = await import("./lib/server/budget/refresh-routed-roles-at-startup");
  const { getLogger } = await import("./lib/server/logger");
  // Not awaited either; a database that is not reachable yet is logged, and the next write that
  // can move a team's routing (submit, revision, decision, budget) refreshes that team anyway.
  void refreshRoutedRolesAtStartup().catch((error: unknown) =>
    getLogger().warn({ err: String(error) }, "routing: start-up refresh of routed roles failed"),
  );
}
