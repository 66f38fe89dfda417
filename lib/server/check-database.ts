import "server-only";
import { databaseConfig, getDb } from "./db";

export interface DatabaseHealth {
  kind: "sqlite" | "postgresql";
  reachable: boolean;
  latencyMs: number;
  error?: string;
}

const PROBE_TIMEOUT_MS = 2_000;

/** Runs `SELECT 1` with a timeout so a dead database answers "unreachable" quickly instead of hanging. */
export async function checkDatabase(): Promise<DatabaseHealth> {
  const { kind } = databaseConfig();
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const db = await getDb();
    await Promise.race([
      db.$queryRawUnsafe("SELECT 1"),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
      }),
    ]);
    return { kind, reachable: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      kind,
      reachable: false,
      latencyMs: Math.round(performance.now() - started),
      error: (error as Error).message.split("\n")[0],
    };
  } finally {
    clearTimeout(timer);
  }
}
