// Starts a disposable PostgreSQL cluster on 127.0.0.1 in a temporary folder (tests, migration
// authoring, resilience runs). PostgreSQL refuses to run as root, so as root the cluster runs as
// the `postgres` user.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

function findPgBin() {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).filter((v) => existsSync(path.join(base, v, "bin", "initdb")));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(base, versions[0], "bin") : undefined;
}

export function isPostgresInstalled() {
  return findPgBin() !== undefined;
}

/** A port nothing listens on right now, on 127.0.0.1 (the harness uses it for its servers too). */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/**
 * @returns {Promise<{ url: string, port: number, dir: string, stop: () => void, start: () => void }>}
 */
export async function startThrowawayPostgres({ database = "tablewright" } = {}) {
  const bin = findPgBin();
  if (!bin)
    throw new Error("PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install -y postgresql)");
  const dir = mkdtempSync(path.join(os.tmpdir(), "tw-pg-"));
  chmodSync(dir, 0o777);
  const dataDir = path.join(dir, "data");
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const run = (cmd, args) => {
    const full = asRoot
      ? ["runuser", ["-u", "postgres", "--", path.join(bin, cmd), ...args]]
      : [path.join(bin, cmd), args];
    const res = spawnSync(full[0], full[1], { encoding: "utf8" });
    if (res.status !== 0) throw new Error(`${cmd} failed: ${res.stderr || res.stdout}`);
  };
  run("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  const start = () =>
    run("pg_ctl", [
      "-D",
      dataDir,
      "-l",
      path.join(dir, "server.log"),
      "-o",
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=200`,
      "-w",
      "start",
    ]);
  const stop = () => {
    try {
      run("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]);
    } catch {
      // already stopped
    }
  };
  start();
  execFileSync(
    asRoot ? "runuser" : path.join(bin, "createdb"),
    asRoot
      ? [
          "-u",
          "postgres",
          "--",
          path.join(bin, "createdb"),
          "-h",
          "127.0.0.1",
          "-p",
          String(port),
          "-U",
          "postgres",
          database,
        ]
      : ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", database],
  );
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/${database}`,
    port,
    dir,
    start,
    stop,
    destroy: () => {
      stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
