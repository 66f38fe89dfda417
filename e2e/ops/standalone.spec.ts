import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

/**
 * The container image cannot be built here (no Docker engine), so this test does what the
 * Dockerfile does by hand: a standalone build, the same files copied into an empty folder, migrations
 * and seed from that folder, then `node server.js` as the image's CMD. It fails when the Dockerfile
 * would copy a path the build does not produce.
 */
const DIST = ".next-standalone";

test.setTimeout(300_000);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The runtime stage's COPY sources, read from the Dockerfile itself. */
function dockerfileCopies(): string[] {
  return [...readFileSync("Dockerfile", "utf8").matchAll(/^COPY --from=build --chown=\S+ \/app\/(\S+) /gm)].map(
    (m) => m[1] as string,
  );
}

test("the standalone server starts like the container's CMD and serves pages, assets and the API", async () => {
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    env: { ...process.env, NEXT_OUTPUT_STANDALONE: "1", NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
    timeout: 240_000,
  });
  expect(build.status, build.stdout + build.stderr).toBe(0);

  const app = mkdtempSync(path.join(os.tmpdir(), "tw-image-"));
  let server: ChildProcess | undefined;
  try {
    for (const source of dockerfileCopies()) {
      const from = source.replace(/^\.next\//, `${DIST}/`);
      expect(existsSync(from), `the Dockerfile copies ${source}, which the build must produce`).toBe(true);
      if (source === "node_modules") {
        symlinkSync(path.resolve("node_modules"), path.join(app, "node_modules"), "dir");
      } else if (source === ".next/standalone") {
        // Its top-level node_modules is replaced by the full one, as in the image; Turbopack's
        // aliases for external packages (under the dist folder's node_modules) are kept.
        const own = path.resolve(from, "node_modules");
        cpSync(from, app, {
          recursive: true,
          filter: (src) => path.resolve(src) !== own && !path.resolve(src).startsWith(`${own}${path.sep}`),
        });
      } else {
        cpSync(from, path.join(app, source.replace(/^\.next\//, `${DIST}/`)), { recursive: true });
      }
    }
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: `file:${path.join(app, "data", "portal.db")}`,
      TABLEWRIGHT_AWS_CHECKS: "off",
      TABLEWRIGHT_ALLOW_LOCAL_ACCOUNTS: "1",
    };
    const migrate = spawnSync(process.execPath, ["scripts/migrate.mjs", "deploy"], { cwd: app, env, encoding: "utf8" });
    expect(migrate.status, migrate.stdout + migrate.stderr).toBe(0);
    const seed = spawnSync(process.execPath, ["dist/seed.mjs"], { cwd: app, env, encoding: "utf8" });
    expect(seed.status, seed.stdout + seed.stderr).toBe(0);

    const port = await freePort();
    let output = "";
    server = spawn(process.execPath, ["server.js"], {
      cwd: app,
      env: { ...env, PORT: String(port), HOSTNAME: "127.0.0.1" },
    });
    server.stdout?.on("data", (d) => {
      output += d;
    });
    server.stderr?.on("data", (d) => {
      output += d;
    });
    const url = `http://127.0.0.1:${port}`;
    let ready = 0;
    let readyBody = "";
    for (let i = 0; i < 150 && ready !== 200; i++) {
      const res = await fetch(`${url}/api/ready`).catch(() => undefined);
      ready = res?.status ?? 0;
      readyBody = res ? await res.text() : "";
      if (ready !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(ready, `${readyBody}\n${output}`).toBe(200);
    const signIn = await fetch(`${url}/sign-in`);
    const html = await signIn.text();
    expect(html).toContain("Demo accounts (embedded mode only)");
    expect(signIn.headers.get("content-security-policy")).toContain("nonce-");
    const css = /href="(\/_next\/static\/[^"]+\.css)"/.exec(html)?.[1];
    expect(css, "a stylesheet link").toBeTruthy();
    expect((await fetch(`${url}${css}`)).status).toBe(200);
    // The API reference is rendered by the app itself (no viewer assets to ship).
    const docs = await (await fetch(`${url}/api-docs`)).text();
    expect(docs).toContain("/api/v1/change-requests/{key}/approve");
    expect((await (await fetch(`${url}/api/v1/openapi.json`)).json()).openapi).toBe("3.1.0");
  } finally {
    server?.kill("SIGTERM");
    rmSync(app, { recursive: true, force: true });
    rmSync(DIST, { recursive: true, force: true });
  }
});
