import "server-only";

/**
 * Process lifecycle shared by every route bundle: how many API requests are in flight and whether
 * the process is shutting down (readiness answers 503 from then on, so load balancers drain it).
 */
interface Lifecycle {
  inFlight: number;
  shuttingDown: boolean;
}

const holder = globalThis as typeof globalThis & { __tablewrightLifecycle?: Lifecycle };

export function lifecycle(): Lifecycle {
  holder.__tablewrightLifecycle ??= { inFlight: 0, shuttingDown: false };
  return holder.__tablewrightLifecycle;
}

/** Resolves when no API request is in flight, or after `timeoutMs`. */
export async function waitForIdle(timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (lifecycle().inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  return lifecycle().inFlight === 0;
}
