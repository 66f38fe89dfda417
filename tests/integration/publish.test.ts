import { spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { createServer as createHttpServer } from "node:http";
import { type AddressInfo, createServer as createTcpServer, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "../../lib/api/openapi";
import { ChangeRequestDetailSchema } from "../../lib/api/schemas";
import { AppError } from "../../lib/domain/app-error";
import type { Actor } from "../../lib/server/actor";
import { createChangeRequest, getChangeRequest, transitionChangeRequest } from "../../lib/server/change-requests";
import type { Db } from "../../lib/server/db";
import {
  listDeliveryTargets,
  pollPullRequests,
  publishAfterApproval,
  publishChangeRequest,
  receivePullRequestWebhook,
  requestPublication,
  saveDeliveryTarget,
} from "../../lib/server/delivery";
import { filesOfBundle, pushModule } from "../../lib/server/delivery/push-module";
import { devRequest } from "../fixtures/requests";
import { makeActor } from "../support/actors";
import { type FakeGithub, startFakeGithub } from "../support/fake-github";
import { type GitServer, startGitServer } from "../support/git-server";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/test-databases";

// Publishing, not AWS: live name checks are off (tests/integration/aws-* cover them).
process.env.TABLEWRIGHT_AWS_CHECKS = "off";
const TOKEN = "ghs_test-token-for-the-loopback-servers";
const WEBHOOK_SECRET = "webhook-secret-for-tests";
process.env.TW_TEST_GIT_TOKEN = TOKEN;
process.env.TW_TEST_WRONG_TOKEN = "not-the-token";
process.env.TW_TEST_PLAIN_GIT = `x-access-token:${TOKEN}`;
process.env.TW_TEST_WEBHOOK_SECRET = WEBHOOK_SECRET;

let tableSeq = 0;

async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/**
 * A git server that hangs: "accept" takes the connection and never sends a byte; "stall" answers
 * the ref advertisement's headers and the start of its body, then goes silent.
 */
async function startSilentGitServer(mode: "accept" | "stall") {
  const sockets = new Set<Socket>();
  let closed = 0;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
    socket.on("close", () => {
      closed += 1;
    });
  };
  const server =
    mode === "accept"
      ? createTcpServer((socket) => {
          track(socket);
          socket.resume(); // reads (and ignores) the request, so the client's close is seen
        })
      : createHttpServer((_req, res) => {
          track(res.socket as Socket);
          res.writeHead(200, { "content-type": "application/x-git-upload-pack-advertisement" });
          res.write("001e# service=git-upload-pack\n");
        });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/acme/infra.git`,
    /** Connections it accepted (and is holding). */
    get connections() {
      return sockets.size;
    },
    /** Sockets still open: the client must have given up on (closed) every one of them. */
    get open() {
      return sockets.size - closed;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

describe("a git server that accepts and never answers", () => {
  // 6 s: longer than the 5 s keep-alive timeout of Node's global agent, so the deadline that ends
  // the attempt is the one configured, not an accident of the agent.
  it.each([
    ["accept", 400],
    ["stall", 400],
    ["accept", 6_000],
  ] as const)(
    "bounds the push (%s, %i ms): the attempt fails within the timeout with a clear, retryable error",
    async (mode, timeoutMs) => {
      const silent = await startSilentGitServer(mode);
      try {
        const started = Date.now();
        const error = await pushModule({
          repoUrl: silent.url,
          baseBranch: "main",
          branch: "tablewright/TW-1-r1",
          modulePath: "dynamodb/t/",
          files: { "main.tf": new TextEncoder().encode("# module\n") },
          message: "m",
          auth: { username: "x-access-token", password: TOKEN },
          timeoutMs,
        }).then(
          () => undefined,
          (e: unknown) => e as { message: string; retryable: boolean },
        );
        expect(error?.message).toMatch(
          new RegExp(
            `^the git server 127\\.0\\.0\\.1:\\d+ did not answer within ${timeoutMs / 1000} s; it will be retried$`,
          ),
        );
        expect(error?.retryable).toBe(true);
        // isomorphic-git may try again on a cut-off answer: each try is bounded the same way.
        expect(silent.connections).toBeGreaterThanOrEqual(1);
        expect(Date.now() - started).toBeGreaterThanOrEqual(timeoutMs);
        expect(Date.now() - started).toBeLessThan(timeoutMs * 4 + 5_000);
        // The request was aborted, not left hanging on the socket.
        await expect.poll(() => silent.open, { timeout: 5_000 }).toBe(0);
      } finally {
        await silent.close();
      }
    },
  );
});

describe.each(databaseKinds())("publishing approved modules on %s", (kind) => {
  let t: TestDatabase;
  let db: Db;
  let dev: Actor;
  let approver: Actor;
  let admin: Actor;
  let git: GitServer;
  let github: FakeGithub;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    db = t.db;
    dev = await makeActor(db, "DEVELOPER", ["checkout", "payments", "search"]);
    approver = await makeActor(db, "PLATFORM_APPROVER", ["platform"]);
    admin = await makeActor(db, "ADMIN", ["platform"]);
    git = await startGitServer({ name: "acme/infra", username: "x-access-token", password: TOKEN });
    github = await startFakeGithub({ token: TOKEN, owner: "acme", repo: "infra" });
    await saveDeliveryTarget(
      admin,
      {
        team: "checkout",
        provider: "github",
        repoUrl: git.url,
        apiBaseUrl: github.url,
        mode: "automatic",
        credentialRef: "env:TW_TEST_GIT_TOKEN",
        webhookSecretRef: "env:TW_TEST_WEBHOOK_SECRET",
      },
      db,
    );
  });
  afterAll(async () => {
    await git?.close();
    await github?.close();
    await t?.drop();
  });

  /** A dev request of `team`, submitted and approved; returns its key and id. */
  async function approvedRequest(team: string) {
    const request = devRequest();
    request.owner.team = team;
    request.tags.Team = team;
    request.tableName = `published-${kind}-${++tableSeq}`;
    const created = await createChangeRequest(dev, { request, title: `Table ${tableSeq}`, submit: true }, db);
    const approval = await transitionChangeRequest(approver, created.key, "APPROVE", { revisionNumber: 1 }, db);
    expect(approval.status).toBe("APPROVED");
    const cr = await db.changeRequest.findUniqueOrThrow({ where: { key: created.key } });
    return { key: created.key, id: cr.id, tableName: request.tableName as string };
  }

  const branchFiles = (branch: string, folder: string) =>
    git.git("ls-tree", "-r", "--name-only", branch, folder).trim().split("\n").filter(Boolean).sort();
  const blob = (branch: string, path: string) => {
    const result = spawnSync("git", ["--git-dir", git.bareDir, "show", `${branch}:${path}`]);
    expect(result.status).toBe(0);
    return new Uint8Array(result.stdout);
  };

  it("an automatic target publishes on approval: the branch holds the approved bundle's bytes and a PR is open", async () => {
    const { key, id, tableName } = await approvedRequest("checkout");
    const result = await publishAfterApproval(id, db);
    expect(result?.publication).toMatchObject({
      status: "published",
      branch: `tablewright/${key}-r1`,
      prNumber: 1,
      prState: "open",
      attempts: 1,
    });
    expect(result?.publication.error).toBeUndefined();

    // The real git CLI reads what isomorphic-git pushed to the real server.
    const branch = `tablewright/${key}-r1`;
    const sha = git.git("rev-parse", branch).trim();
    expect(sha).toBe(result?.publication.commitSha);
    const revision = await db.revision.findUniqueOrThrow({
      where: { changeRequestId_number: { changeRequestId: id, number: 1 } },
    });
    const bundleFiles = filesOfBundle(new Uint8Array(revision.bundle));
    const folder = `dynamodb/${tableName}/`;
    expect(branchFiles(branch, folder)).toEqual(
      Object.keys(bundleFiles)
        .map((f) => `${folder}${f}`)
        .sort(),
    );
    for (const [name, bytes] of Object.entries(bundleFiles)) {
      expect(Buffer.from(blob(branch, `${folder}${name}`)).equals(Buffer.from(bytes)), name).toBe(true);
    }
    // One commit on top of main.
    expect(git.git("rev-list", "--count", `main..${branch}`).trim()).toBe("1");

    const pr = github.pulls[0] as { body: string; title: string; head: { ref: string }; base: { ref: string } };
    expect(pr.head.ref).toBe(branch);
    expect(pr.base.ref).toBe("main");
    expect(pr.title).toContain(key);
    expect(pr.body).toContain("## Monthly cost");
    expect(pr.body).toContain("## Disaster recovery");
    expect(pr.body).toContain("## Operation plan");
    expect(pr.body).toContain(`/requests/${key}`);
    expect(github.violations).toEqual([]);

    // GET /change-requests/{key} carries the publication, and its documented schema keeps it.
    const detail = await getChangeRequest(dev, key, db);
    expect(detail.publication).toEqual(result?.publication);
    expect(ChangeRequestDetailSchema.parse(detail).publication).toMatchObject({
      status: "published",
      prUrl: "https://github.com/acme/infra/pull/1",
      prState: "open",
      branch,
      commitSha: sha,
    });

    const audit = await db.auditEvent.findMany({ where: { changeRequestId: id, action: "PUBLISHED" } });
    expect(audit).toHaveLength(1);
    // The outbox announces it once (notifications deliver it to the team's channels).
    const events = await db.notificationEvent.findMany({
      where: { changeRequestId: id, type: "change_request.published" },
    });
    expect(events).toHaveLength(1);
  });

  it("publishing again, or retrying after a lost reply, reuses the branch and the PR: never a second one", async () => {
    const { key, id } = await approvedRequest("checkout");
    const first = await publishChangeRequest(id, { db });
    const pullsBefore = github.pulls.length;
    const again = await requestPublication(dev, key, db);
    expect(again).toMatchObject({ status: "published", commitSha: first.publication.commitSha, attempts: 1 });
    // As if the process died after pushing and opening the PR, before recording it.
    await db.publication.update({
      where: { changeRequestId: id },
      data: { status: "failed", prNumber: null, prUrl: null },
    });
    const retried = await publishChangeRequest(id, { db });
    expect(retried.publication).toMatchObject({
      status: "published",
      commitSha: first.publication.commitSha,
      prNumber: first.publication.prNumber,
      attempts: 2,
    });
    expect(github.pulls.length).toBe(pullsBefore);
    expect(await db.notificationEvent.count({ where: { changeRequestId: id, type: "change_request.published" } })).toBe(
      2,
    );
    expect(github.requests.filter((r) => r.method === "POST" && r.path.endsWith("/pulls"))).toHaveLength(
      github.pulls.length,
    );
    expect(github.violations).toEqual([]);
  });

  it("git server down during approval: the approval stands, the request shows why; back up, the retry publishes once", async () => {
    await git.stop();
    const { key, id } = await approvedRequest("checkout");
    const failed = await publishAfterApproval(id, db).finally(() => git.start());
    expect(failed?.retryable).toBe(true);
    expect(failed?.publication.status).toBe("failed");
    expect(failed?.publication.error).toMatch(
      /^publish failed: cannot reach the git server 127\.0\.0\.1:\d+ \((ECONNREFUSED|ECONNRESET)\)/,
    );
    const cr = await db.changeRequest.findUniqueOrThrow({ where: { id } });
    expect(cr).toMatchObject({ status: "APPROVED", approvedRevision: 1 });
    expect((await getChangeRequest(dev, key, db)).publication).toMatchObject({
      status: "failed",
      error: failed?.publication.error,
    });

    const pullsBefore = github.pulls.length;
    const retried = await requestPublication(dev, key, db);
    expect(retried).toMatchObject({ status: "published", attempts: 2, prState: "open" });
    const again = await requestPublication(dev, key, db);
    expect(again.attempts).toBe(2);
    expect(github.pulls.length).toBe(pullsBefore + 1);
    expect(git.git("branch", "--list", `tablewright/${key}-r*`).trim().split("\n")).toHaveLength(1);
    const events = await db.auditEvent.findMany({
      where: { changeRequestId: id, action: { in: ["PUBLISHED", "PUBLISH_FAILED"] } },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual(["PUBLISH_FAILED", "PUBLISHED"]);
  });

  it("refused credentials and a branch with other content are clear failures", async () => {
    await saveDeliveryTarget(
      admin,
      {
        team: "payments",
        provider: "github",
        repoUrl: git.url,
        apiBaseUrl: github.url,
        credentialRef: "env:TW_TEST_WRONG_TOKEN",
      },
      db,
    );
    const refused = await approvedRequest("payments");
    const result = await publishChangeRequest(refused.id, { db });
    expect(result.retryable).toBe(false);
    expect(result.publication.error).toMatch(
      /^publish failed: the git server 127\.0\.0\.1:\d+ refused the credentials \(HTTP 401\)/,
    );

    await saveDeliveryTarget(
      admin,
      {
        team: "payments",
        provider: "github",
        repoUrl: git.url,
        apiBaseUrl: github.url,
        credentialRef: "env:TW_TEST_UNSET_TOKEN",
      },
      db,
    );
    const unset = await publishChangeRequest(refused.id, { db });
    expect(unset.publication.error).toBe(
      "publish failed: the environment variable TW_TEST_UNSET_TOKEN (env:TW_TEST_UNSET_TOKEN) is not set",
    );

    const clash = await approvedRequest("checkout");
    git.git("branch", `tablewright/${clash.key}-r1`, "main");
    const conflicted = await publishChangeRequest(clash.id, { db });
    expect(conflicted.publication.status).toBe("failed");
    expect(conflicted.publication.error).toContain(`the branch tablewright/${clash.key}-r1 already exists`);
    expect(conflicted.publication.error).toContain("with other content");
  });

  it("a git server that never answers fails the publish job within TABLEWRIGHT_GIT_TIMEOUT_MS, retryable", async () => {
    const silent = await startSilentGitServer("accept");
    process.env.TABLEWRIGHT_GIT_TIMEOUT_MS = "500";
    try {
      await saveDeliveryTarget(
        admin,
        { team: "payments", provider: "git", repoUrl: silent.url, credentialRef: "env:TW_TEST_PLAIN_GIT" },
        db,
      );
      const { key, id } = await approvedRequest("payments");
      const result = await publishChangeRequest(id, { db });
      expect(result.retryable).toBe(true);
      expect(result.publication.status).toBe("failed");
      expect(result.publication.error).toMatch(
        /^publish failed: the git server 127\.0\.0\.1:\d+ did not answer within 0\.5 s; it will be retried$/,
      );
      expect((await getChangeRequest(dev, key, db)).publication?.error).toBe(result.publication.error);
    } finally {
      delete process.env.TABLEWRIGHT_GIT_TIMEOUT_MS;
      await silent.close();
    }
  });

  it("a plain git target pushes the branch and links it; a manual target waits for the button", async () => {
    await saveDeliveryTarget(
      admin,
      { team: "search", provider: "git", repoUrl: git.url, credentialRef: "env:TW_TEST_PLAIN_GIT", mode: "manual" },
      db,
    );
    const { key, id } = await approvedRequest("search");
    expect(await publishAfterApproval(id, db)).toBeUndefined();
    const published = await requestPublication(dev, key, db);
    expect(published).toMatchObject({
      status: "published",
      prUrl: `${git.url.replace(/\.git$/, "")}#tablewright/${key}-r1`,
    });
    expect(published.prNumber).toBeUndefined();
    expect(git.git("rev-parse", `tablewright/${key}-r1`).trim()).toBe(published.commitSha);
  });

  it("the OpenAPI document describes the publication on GET /change-requests/{key}", () => {
    const schemas = buildOpenApiDocument().components?.schemas as Record<string, { properties?: object }>;
    expect(Object.keys(schemas.ChangeRequestDetail?.properties ?? {})).toContain("publication");
    expect(Object.keys(schemas.Publication?.properties ?? {})).toEqual(
      expect.arrayContaining(["prUrl", "prState", "branch", "commitSha", "error"]),
    );
  });

  it("nothing to publish is a clear error: no target, or not approved", async () => {
    const request = devRequest();
    request.owner.team = "platform";
    request.tags.Team = "platform";
    request.tableName = `unpublished-${kind}`;
    const created = await createChangeRequest(admin, { request, title: "Draft" }, db);
    expect((await appError(requestPublication(admin, created.key, db))).code).toBe("CONFLICT");
    expect((await getChangeRequest(admin, created.key, db)).publication).toBeNull();
    expect((await listDeliveryTargets(db)).length).toBeGreaterThanOrEqual(3);
  });

  it("a signed webhook moves the PR state; a bad signature changes nothing; polling catches what webhooks miss", async () => {
    const { id } = await approvedRequest("checkout");
    const { publication } = await publishChangeRequest(id, { db });
    const pr = github.merge(publication.prNumber as number);
    const body = Buffer.from(JSON.stringify({ action: "closed", number: pr.number, pull_request: pr }));
    const sign = (secret: string) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
    const headers = {
      githubEvent: "pull_request",
      githubSignature: sign("wrong"),
      gitlabEvent: null,
      gitlabToken: null,
    };

    expect((await appError(receivePullRequestWebhook("github", headers, body, db))).code).toBe("UNAUTHENTICATED");
    expect((await db.publication.findUniqueOrThrow({ where: { changeRequestId: id } })).prState).toBe("open");

    const received = await receivePullRequestWebhook(
      "github",
      { ...headers, githubSignature: sign(WEBHOOK_SECRET) },
      body,
      db,
    );
    expect(received).toMatchObject({ updated: 1, event: { state: "merged" } });
    expect((await db.publication.findUniqueOrThrow({ where: { changeRequestId: id } })).prState).toBe("merged");

    const other = await approvedRequest("checkout");
    const otherPublished = await publishChangeRequest(other.id, { db });
    github.merge(otherPublished.publication.prNumber as number);
    const polled = await pollPullRequests(db);
    expect(polled.updated).toBeGreaterThanOrEqual(1);
    expect((await db.publication.findUniqueOrThrow({ where: { changeRequestId: other.id } })).prState).toBe("merged");
    expect(github.violations).toEqual([]);
  });
});
