import "server-only";
import { getDb } from "./db";
import { stopJobs } from "./jobs/start-jobs";
import { lifecycle, waitForIdle } from "./lifecycle";
import { getLogger } from "./logger";

/**
 * On SIGTERM/SIGINT: readiness turns 503 at once; Next stops accepting connections and lets
 * in-flight requests finish (its own handler); background jobs stop taking work and running ones
 * finish; once no API request or job is running the database pool is closed. If that takes longer than the grace period the process exits anyway, so a stuck
 * request cannot block a deploy.
 */
export function installGracefulShutdown(graceMs: number): void {
  const state = lifecycle() as ReturnType<typeof lifecycle> & { shutdownInstalled?: boolean };
  if (state.shutdownInstalled) return;
  state.shutdownInstalled = true;
  const onSignal = (signal: NodeJS.Signals) => {
    if (state.shuttingDown) return;
    state.shuttingDown = true;
    const log = getLogger();
    log.info({ signal, inFlight: state.inFlight, graceMs }, "shutdown: draining in-flight requests");
    setTimeout(() => {
      log.warn({ inFlight: state.inFlight }, "shutdown: grace period over, exiting");
      process.exit(1);
    }, graceMs).unref();
    void (async () => {
      const [idle] = await Promise.all([waitForIdle(graceMs), stopJobs(graceMs)]);
      await (await getDb()).$disconnect().catch(() => undefined);
      log.info({ idle }, "shutdown: database pool closed");
    })();
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
