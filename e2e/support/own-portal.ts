import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import net from "node:net";

/**
 * A portal of a spec's own: `next start` of the build the e2e run made, on loopback, for specs that
 * need settings the shared portal cannot have (SSO, a planner ticking every minute, an aws-5 policy,
 * notifications to loopback receivers, start-up failures).
 */
export interface OwnPortal {
  url: string;
  process: ChildProcess;
  /** Everything the server printed so far (stdout and stderr), for assertions and post-mortems. */
  output: () => string;
  exited: Promise<number | null>;
}

/** A loopback port free right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the portal with exactly `env` as its environment (build it from `process.env`, so a spec
 * can also remove variables; a function gets the portal's URL first, for TABLEWRIGHT_PUBLIC_URL)
 * and resolves once `/api/health` answers at all: a portal whose database is down still answers,
 * and some specs want to see that. Fails with the server's output when the process exits or
 * nothing answers within `timeoutMs`.
 */
export async function startOwnPortal(
  env: NodeJS.ProcessEnv | ((url: string) => NodeJS.ProcessEnv),
  { port: givenPort, timeoutMs = 60_000 }: { port?: number; timeoutMs?: number } = {},
): Promise<OwnPortal> {
  // A given port is for a spec that must name the URL before the portal runs (an OpenID client's redirect).
  const port = givenPort ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      env: { NEXT_TELEMETRY_DISABLED: "1", ...(typeof env === "function" ? env(url) : env) },
    },
  );
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    const up = await fetch(`${url}/api/health`).then(
      () => true,
      () => false,
    );
    if (up) return { url, process: child, output: () => output, exited };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`portal did not start:\n${output}`);
}

/** Migrates a spec's own database and seeds the labelled demo data (accounts, teams, requests). */
export function migrateAndSeed(env: NodeJS.ProcessEnv): void {
  for (const [script, args] of [
    ["scripts/migrate.mjs", ["deploy"]],
    ["dist/seed.mjs", []],
  ] as const) {
    const run = spawnSync(process.execPath, [script, ...args], {
      env: { NEXT_TELEMETRY_DISABLED: "1", ...env, TABLEWRIGHT_AWS_CHECKS: "off" },
      encoding: "utf8",
    });
    if (run.status !== 0) throw new Error(`${script} failed:\n${run.stdout}\n${run.stderr}`);
  }
}

/**
 * A portal on a database of its own, migrated and seeded under `base`, with the demo accounts and
 * TABLEWRIGHT_PUBLIC_URL set to its own address (the links in notifications and pull requests).
 * `portalEnv` goes to the portal only, not to the seed (e.g. a policy the demo data would break).
 */
export async function startSeededPortal(
  base: NodeJS.ProcessEnv,
  portalEnv: Record<string, string> = {},
): Promise<OwnPortal> {
  migrateAndSeed(base);
  return startOwnPortal((url) => ({
    ...base,
    TABLEWRIGHT_ALLOW_LOCAL_ACCOUNTS: "1",
    TABLEWRIGHT_PUBLIC_URL: url,
    ...portalEnv,
  }));
}
