// Starts and stops what the benchmarks and the resilience suite run against: a production build in
// its own folder, throwaway PostgreSQL clusters, `next start` instances on loopback and API tokens
// written straight into the database. Everything started here is registered and stopped by
// `stopEverything()`, which also runs on exit and on SIGINT/SIGTERM, so a failed run leaves nothing behind.
import { execFile, execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { deployMigrations } from "../migrate.mjs";
import { buildIfNeeded } from "./build-if-needed.mjs";
import { freePort, startThrowawayPostgres } from "./throwaway-postgres.mjs";

/** A build folder of our own: a rebuild here never disturbs the `.next` that `npm start` or e2e serve. */
export const PERF_DIST_DIR = process.env.NEXT_DIST_DIR || "tmp/next-perf";

/** Server output of every instance started here (git-ignored). */
export const LOG_DIR = "tmp/perf-logs";

const cleanups = new Set();
let exitHooksInstalled = false;

function installExitHooks() {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on("exit", () => {
    for (const fn of [...cleanups].reverse()) {
      try {
        fn();
      } catch {
        // best effort on the way out
      }
    }
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      stopEverything();
      process.exit(130);
    });
  }
}

/** Registers a synchronous cleanup; returns a function that runs it once and unregisters it. */
function track(fn) {
  installExitHooks();
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    cleanups.delete(once);
    fn();
  };
  cleanups.add(once);
  return once;
}

/**
 * Runs a bench file's `main` when the file is the script Node was started with (not when
 * `npm run bench` imports it); a failure sets exit code 1, and whatever it started is stopped.
 */
export async function runIfMain(moduleUrl, main) {
  if (process.argv[1] !== fileURLToPath(moduleUrl)) return;
  try {
    await main();
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    stopEverything();
  }
}

/** Stops every process and cluster started through this module, newest first. */
export function stopEverything() {
  for (const fn of [...cleanups].reverse()) {
    try {
      fn();
    } catch (error) {
      console.error(`cleanup failed: ${error}`);
    }
  }
}

/**
 * Builds the app (and the CLI/seed bundles) into PERF_DIST_DIR when the sources changed. `next
 * build` adds its dist folder's type globs to tsconfig.json; that file is not ours, so it is put back.
 */
export function buildPortal() {
  const before = readFileSync("tsconfig.json", "utf8");
  // `next build` takes its output folder from the environment (next.config.js), not from buildIfNeeded.
  const previous = process.env.NEXT_DIST_DIR;
  process.env.NEXT_DIST_DIR = PERF_DIST_DIR;
  try {
    buildIfNeeded({ distDir: PERF_DIST_DIR });
  } finally {
    if (previous === undefined) delete process.env.NEXT_DIST_DIR;
    else process.env.NEXT_DIST_DIR = previous;
    if (readFileSync("tsconfig.json", "utf8") !== before) writeFileSync("tsconfig.json", before);
  }
}

export { freePort };

/** A migrated, demo-seeded PostgreSQL cluster of its own; destroyed by stopEverything(). */
export async function startDatabase({ seed = true } = {}) {
  const cluster = await startThrowawayPostgres({ database: "tablewright" });
  const destroy = track(() => cluster.destroy());
  await deployMigrations(cluster.url);
  if (seed) {
    const result = spawnSync(process.execPath, ["dist/seed.mjs"], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: cluster.url, TABLEWRIGHT_AWS_CHECKS: "off" },
    });
    if (result.status !== 0) throw new Error(`seeding failed: ${result.stderr || result.stdout}`);
  }
  return { ...cluster, destroy };
}

/**
 * Stops or starts a cluster from startDatabase() without blocking this process's event loop (the
 * cluster's own stop()/start() are synchronous), so in-flight client requests keep being measured.
 */
export function pgCtlAsync(database, action) {
  const bin = execFileSync("sh", ["-c", "ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1"], {
    encoding: "utf8",
  }).trim();
  const dataDir = `${database.dir}/data`;
  const args =
    action === "stop"
      ? ["-D", dataDir, "-m", "fast", "-w", "stop"]
      : [
          "-D",
          dataDir,
          "-l",
          `${database.dir}/server.log`,
          "-o",
          `-c listen_addresses=127.0.0.1 -p ${database.port} -k ${database.dir} -c fsync=off -c max_connections=200`,
          "-w",
          "start",
        ];
  const asRoot = process.getuid?.() === 0;
  const [cmd, full] = asRoot
    ? ["runuser", ["-u", "postgres", "--", `${bin}/pg_ctl`, ...args]]
    : [`${bin}/pg_ctl`, args];
  return new Promise((resolve, reject) => {
    execFile(cmd, full, (error, _stdout, stderr) =>
      error ? reject(new Error(`pg_ctl ${action}: ${stderr}`)) : resolve(),
    );
  });
}

/** Runs `fn` with a short-lived pg client (one connection, closed afterwards). */
export async function withPg(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates an API token for each demo account by writing the row the portal would write (only the
 * SHA-256 of the secret is stored). Faster and independent of the sign-in flow.
 * @param {string} url
 * @param {Record<string, { email: string, scopes: string }>} wanted name → account and scopes
 * @returns {Promise<Record<string, string>>} name → secret
 */
export async function createTokens(url, wanted) {
  return withPg(url, async (client) => {
    const secrets = {};
    for (const [name, { email, scopes }] of Object.entries(wanted)) {
      const user = await client.query('SELECT id FROM "User" WHERE email = $1', [email]);
      if (!user.rows[0]) throw new Error(`no user ${email}: is the database seeded?`);
      const secret = `tw_${randomBytes(32).toString("base64url")}`;
      await client.query(
        `INSERT INTO "ApiToken" (id, "userId", name, prefix, "tokenHash", scopes, "expiresAt")
         VALUES ($1, $2, $3, $4, $5, $6, now() + interval '1 day')`,
        [
          `bench${randomBytes(8).toString("hex")}`,
          user.rows[0].id,
          `bench ${name}`,
          secret.slice(0, 9),
          createHash("sha256").update(secret).digest("hex"),
          scopes,
        ],
      );
      secrets[name] = secret;
    }
    return secrets;
  });
}

/** Polls `url` until it answers with one of `statuses` (or any status when omitted). */
export async function waitForHttp(url, { timeoutMs = 30_000, statuses } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (!statuses || statuses.includes(res.status)) return res.status;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not become ready within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * `next start` on 127.0.0.1 against `databaseUrl`, ready when /api/health answers 200.
 * AWS checks are off (no AWS here) and the per-token rate limit is raised unless `env` says otherwise.
 */
export async function startPortal({ databaseUrl, port, env = {}, label = "portal", nodeArgs = [] }) {
  port ??= await freePort();
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = `${LOG_DIR}/${label.replaceAll(/[^a-z0-9-]+/gi, "-")}-${port}.log`;
  const logFd = openSync(logFile, "w");
  const child = spawn(
    process.execPath,
    [...nodeArgs, "node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        NEXT_DIST_DIR: PERF_DIST_DIR,
        DATABASE_URL: databaseUrl,
        TABLEWRIGHT_AWS_CHECKS: "off",
        TABLEWRIGHT_ALLOW_LOCAL_ACCOUNTS: "1",
        TABLEWRIGHT_RATE_LIMIT_PER_MINUTE: "10000000",
        ...env,
      },
      // Straight to a file: reading a JSON log line per request in this process would steal CPU
      // from the load generator; the file is there for error reports.
      stdio: ["ignore", logFd, logFd],
    },
  );
  closeSync(logFd);
  const tail = () => readFileSync(logFile, "utf8").split("\n").slice(-40).join("\n");
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const kill = track(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await Promise.race([
      waitForHttp(`${baseUrl}/api/health`, { statuses: [200] }),
      exited.then((code) => {
        throw new Error(`${label} exited with ${code} before it was ready:\n${tail()}`);
      }),
    ]);
  } catch (error) {
    kill();
    throw error;
  }
  return {
    baseUrl,
    port,
    pid: child.pid,
    logFile,
    /** The last lines the server wrote (logs, errors). */
    tail,
    /** Asks for a graceful stop, then kills after a grace period. */
    async stop(graceMs = 5_000) {
      if (child.exitCode !== null || child.signalCode !== null) return kill();
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
      kill();
    },
  };
}

/** Reads one of the example requests shipped in examples/requests/valid. */
export function exampleRequest(name) {
  return JSON.parse(readFileSync(`examples/requests/valid/${name}.json`, "utf8"));
}

/** The demo developer's team (dana is a member), so her tokens may create requests for it. */
export function checkoutRequest(base = "basic-dev", tableName = "bench-table") {
  const request = exampleRequest(base);
  request.owner.team = "checkout";
  request.owner.requester = "dana@example.com";
  request.tableName = tableName;
  if (request.tags) request.tags.Team = "checkout";
  return request;
}
