import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A real git smart-HTTP server on loopback: Debian's `git http-backend` (the CGI program that
 * serves git over HTTP in production setups) behind a small Node HTTP server that asks for Basic
 * authentication. Pushes from isomorphic-git land in a real bare repository that the `git` CLI
 * can then inspect.
 */
export interface GitServer {
  /** http://127.0.0.1:<port>/<name>.git (name may hold a slash: acme/infra) */
  url: string;
  /** The bare repository on disk (for `git --git-dir`). */
  bareDir: string;
  port: number;
  /** Runs `git --git-dir <bare> ...args` and returns stdout (throws on a non-zero exit). */
  git(...args: string[]): string;
  /** Every request the server answered: method, path and status, for asserting what happened. */
  log: { method: string; path: string; status: number }[];
  /** Stops listening (a "server down" fault); `start()` listens again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

const HTTP_BACKEND = "/usr/lib/git-core/git-http-backend";

function run(cwd: string, args: string[]): string {
  const result = spawnSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "Seed",
      GIT_AUTHOR_EMAIL: "seed@example.com",
      GIT_COMMITTER_NAME: "Seed",
      GIT_COMMITTER_EMAIL: "seed@example.com",
    },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout;
}

export async function startGitServer(
  options: { username?: string; password?: string; name?: string; baseBranch?: string } = {},
): Promise<GitServer> {
  const username = options.username ?? "tablewright";
  const password = options.password ?? "s3cret-push-token";
  const name = options.name ?? "infra";
  const baseBranch = options.baseBranch ?? "main";
  const root = mkdtempSync(path.join(tmpdir(), "tw-git-server-"));
  const work = path.join(root, "seed");
  const bareDir = path.join(root, `${name}.git`);
  run(root, ["init", "-q", "-b", baseBranch, work]);
  run(work, ["commit", "-q", "--allow-empty", "-m", "Initial commit"]);
  run(root, ["clone", "-q", "--bare", work, bareDir]);
  run(bareDir, ["config", "http.receivepack", "true"]);
  const log: GitServer["log"] = [];
  const expected = `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;

  const handler: Parameters<typeof createServer>[1] = (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const done = (status: number) => log.push({ method: req.method ?? "", path: url.pathname, status });
    if (req.headers.authorization !== expected) {
      res.writeHead(401, { "www-authenticate": 'Basic realm="git"' });
      res.end("authentication required\n");
      done(401);
      return;
    }
    const cgi = spawn(HTTP_BACKEND, [], {
      env: {
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: "1",
        PATH_INFO: url.pathname,
        QUERY_STRING: url.search.slice(1),
        REQUEST_METHOD: req.method ?? "GET",
        CONTENT_TYPE: req.headers["content-type"] ?? "",
        CONTENT_LENGTH: req.headers["content-length"] ?? "",
        HTTP_CONTENT_ENCODING: (req.headers["content-encoding"] as string | undefined) ?? "",
        HTTP_GIT_PROTOCOL: (req.headers["git-protocol"] as string | undefined) ?? "",
        REMOTE_USER: username,
        REMOTE_ADDR: "127.0.0.1",
        PATH: process.env.PATH ?? "/usr/bin:/bin",
      } as unknown as NodeJS.ProcessEnv,
    });
    req.pipe(cgi.stdin);
    let buffer = Buffer.alloc(0);
    let headersDone = false;
    cgi.stdout.on("data", (chunk: Buffer) => {
      if (headersDone) {
        res.write(chunk);
        return;
      }
      buffer = Buffer.concat([buffer, chunk]);
      const end = buffer.indexOf("\r\n\r\n");
      if (end < 0) return;
      headersDone = true;
      let status = 200;
      for (const line of buffer.subarray(0, end).toString("latin1").split("\r\n")) {
        const colon = line.indexOf(":");
        const key = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (key.toLowerCase() === "status") status = Number.parseInt(value, 10);
        else res.setHeader(key, value);
      }
      res.statusCode = status;
      done(status);
      res.write(buffer.subarray(end + 4));
    });
    cgi.stderr.resume();
    cgi.on("close", () => res.end());
    cgi.on("error", () => {
      res.statusCode = 500;
      res.end();
    });
  };

  let server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer(handler);
      server.once("error", reject);
      server.listen(port, "127.0.0.1", resolve);
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });

  return {
    url: `http://127.0.0.1:${port}/${name}.git`,
    bareDir,
    port,
    log,
    git: (...args: string[]) => run(bareDir, args),
    stop,
    start: listen,
    close: async () => {
      await stop().catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
