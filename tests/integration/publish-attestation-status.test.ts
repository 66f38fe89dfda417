import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TerraformPlanSchema } from "../../lib/domain/attest";
import type { Actor } from "../../lib/server/actor";
import { attestRevisionPlan } from "../../lib/server/attestations";
import { createChangeRequest, getChangeRequest, transitionChangeRequest } from "../../lib/server/change-requests";
import type { Db } from "../../lib/server/db";
import {
  pollPullRequests,
  publishAfterApproval,
  receivePullRequestWebhook,
  saveDeliveryTarget,
} from "../../lib/server/delivery";
import { exampleRequest } from "../fixtures/requests";
import { makeActor } from "../support/actors";
import { selectAwsProvider5Policy } from "../support/aws5-policy";
import { type FakeGithub, startFakeGithub } from "../support/fake-github";
import { type FakeGitlab, startFakeGitlab } from "../support/fake-gitlab";
import { type GitServer, startGitServer } from "../support/git-server";
import { createTestDatabase, type TestDatabase } from "../support/test-databases";

// The real plan of lsi-table's module for hashicorp/aws 5.x (scripts/generate-plan-fixtures.ts):
// the portal renders revisions for 5.x here, as a team on 5.x would configure it.
const EXAMPLE = "lsi-table";
const PLAN_FILE = path.resolve(import.meta.dirname, `../../lib/domain/attest/__fixtures__/${EXAMPLE}.plan.json`);
selectAwsProvider5Policy();
process.env.TABLEWRIGHT_AWS_CHECKS = "off";
process.env.TABLEWRIGHT_PUBLIC_URL = "https://tablewright.example.com";

const TOKEN = "provider-token-for-the-loopback-servers";
const WEBHOOK_SECRET = "gitlab-webhook-token-for-tests";
process.env.TW_TEST_PROVIDER_TOKEN = TOKEN;
process.env.TW_TEST_PROVIDER_WEBHOOK = WEBHOOK_SECRET;
const CONTEXT = "tablewright/plan-attestation";

// biome-ignore lint/suspicious/noExplicitAny: Terraform's plan JSON, edited by the test.
const rawPlan = (): any => JSON.parse(readFileSync(PLAN_FILE, "utf8"));
// biome-ignore lint/suspicious/noExplicitAny: as above.
const billingChanged = (raw: any) => {
  raw.resource_changes.find((r: { type: string }) => r.type === "aws_dynamodb_table").change.after.billing_mode =
    "PROVISIONED";
  return raw;
};

/** What each provider's fake recorded, in one shape: the sha, state, check name and link. */
type SetStatus = { sha: string; state: string; context: string; description: string; targetUrl: string };
type Provider = {
  name: "github" | "gitlab";
  start(): Promise<{ url: string; statuses(): SetStatus[]; violations: string[]; setDown(down: boolean): void }>;
};

let github: FakeGithub | undefined;
let gitlab: FakeGitlab | undefined;
const PROVIDERS: Provider[] = [
  {
    name: "github",
    async start() {
      const fake = await startFakeGithub({ token: TOKEN, owner: "acme", repo: "infra" });
      github = fake;
      return {
        url: fake.url,
        violations: fake.violations,
        setDown: (down) => {
          fake.down = down;
        },
        statuses: () =>
          fake.statuses.map((s) => ({
            sha: s.sha,
            state: String(s.state),
            context: String(s.context),
            description: String(s.description),
            targetUrl: String(s.target_url),
          })),
      };
    },
  },
  {
    name: "gitlab",
    async start() {
      const fake = await startFakeGitlab({ token: TOKEN, project: "acme/infra" });
      gitlab = fake;
      return {
        url: fake.url,
        violations: fake.violations,
        setDown: (down) => {
          fake.down = down;
        },
        statuses: () =>
          fake.statuses.map((s) => ({
            sha: String(s.sha),
            state: String(s.status),
            context: String(s.name),
            description: String(s.description),
            targetUrl: String(s.target_url),
          })),
      };
    },
  },
];

// The provider logic is the subject here; the data layer's two databases are covered by
// publish.test.ts and plan-attestations.test.ts, so one (SQLite) is enough.
describe.each(PROVIDERS)("a request published to $name: PR followed, plan verdicts posted to it", (provider) => {
  let t: TestDatabase;
  let db: Db;
  let dev: Actor;
  let approvers: Actor[];
  let git: GitServer;
  let fake: Awaited<ReturnType<Provider["start"]>>;
  let key: string;
  let id: string;
  let commitSha: string;
  const success = "success"; // both providers call it so
  const failure = provider.name === "github" ? "failure" : "failed"; // GitLab says "failed"

  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    db = t.db;
    const request = exampleRequest(EXAMPLE);
    dev = await makeActor(db, "DEVELOPER", [request.owner.team]);
    approvers = [await makeActor(db, "PLATFORM_APPROVER", ["platform"]), await makeActor(db, "ADMIN", ["platform"])];
    git = await startGitServer({
      name: "acme/infra",
      username: provider.name === "gitlab" ? "oauth2" : "x-access-token",
      password: TOKEN,
    });
    fake = await provider.start();
    await saveDeliveryTarget(
      approvers[1] as Actor,
      {
        team: request.owner.team,
        provider: provider.name,
        repoUrl: git.url,
        apiBaseUrl: fake.url,
        mode: "automatic",
        credentialRef: "env:TW_TEST_PROVIDER_TOKEN",
        webhookSecretRef: "env:TW_TEST_PROVIDER_WEBHOOK",
      },
      db,
    );
    key = (await createChangeRequest(dev, { request, title: "Attest on the PR", submit: true }, db)).key;
    for (const approver of approvers) {
      if ((await getChangeRequest(dev, key, db)).status === "APPROVED") break;
      await transitionChangeRequest(approver, key, "APPROVE", { revisionNumber: 1 }, db);
    }
    id = (await db.changeRequest.findUniqueOrThrow({ where: { key } })).id;
  });
  afterAll(async () => {
    await git?.close();
    await github?.close();
    await gitlab?.close();
    github = undefined;
    gitlab = undefined;
    await t?.drop();
  });

  it("approval publishes: the branch is pushed and the pull (merge) request opened", async () => {
    const result = await publishAfterApproval(id, db);
    const publication = result?.publication;
    expect(publication).toMatchObject({ status: "published", prNumber: 1, prState: "open" });
    expect(publication?.prUrl).toBe(
      provider.name === "github"
        ? "https://github.com/acme/infra/pull/1"
        : "https://gitlab.example.com/acme/infra/-/merge_requests/1",
    );
    commitSha = publication?.commitSha as string;
    expect(git.git("rev-parse", `tablewright/${key}-r1`).trim()).toBe(commitSha);
    if (gitlab) {
      expect(gitlab.mergeRequests[0]).toMatchObject({
        source_branch: `tablewright/${key}-r1`,
        target_branch: "main",
        state: "opened",
      });
      expect(String(gitlab.mergeRequests[0]?.description)).toContain("## Monthly cost");
    }
    expect(fake.violations).toEqual([]);
  });

  it("an attested plan sets a success status on the pushed commit; a tampered plan a failure", async () => {
    const attested = await attestRevisionPlan(dev, key, 1, TerraformPlanSchema.parse(rawPlan()), db);
    expect(attested.verdict).toBe("ATTESTED");
    const violated = await attestRevisionPlan(dev, key, 1, TerraformPlanSchema.parse(billingChanged(rawPlan())), db);
    expect(violated.verdict).toBe("VIOLATIONS");
    const findings = violated.findings.length;

    expect(fake.statuses()).toEqual([
      {
        sha: commitSha,
        state: success,
        context: CONTEXT,
        description: "Terraform plan attested against approved revision 1",
        targetUrl: `https://tablewright.example.com/requests/${key}`,
      },
      {
        sha: commitSha,
        state: failure,
        context: CONTEXT,
        description: `Terraform plan violates approved revision 1: ${findings} finding${findings === 1 ? "" : "s"}`,
        targetUrl: `https://tablewright.example.com/requests/${key}`,
      },
    ]);
    // A replay of a plan already attested posts nothing again.
    await attestRevisionPlan(dev, key, 1, TerraformPlanSchema.parse(rawPlan()), db);
    expect(fake.statuses()).toHaveLength(2);
    const posted = await db.auditEvent.findMany({
      where: { changeRequestId: id, action: "ATTESTATION_STATUS_POSTED" },
    });
    expect(posted).toHaveLength(2);
    expect(fake.violations).toEqual([]);
  });

  it("the provider down: the attestation stands, and the failure to post is recorded on the request", async () => {
    fake.setDown(true);
    try {
      const plan = billingChanged(rawPlan());
      plan.terraform_version = "1.11.5"; // another plan (another digest), the same finding
      const violated = await attestRevisionPlan(dev, key, 1, TerraformPlanSchema.parse(plan), db);
      expect(violated).toMatchObject({ verdict: "VIOLATIONS", replayed: false });
    } finally {
      fake.setDown(false);
    }
    expect(fake.statuses()).toHaveLength(2);
    expect(await db.planAttestation.count({ where: { changeRequestId: id } })).toBe(3);
    const failed = await db.auditEvent.findMany({
      where: { changeRequestId: id, action: "ATTESTATION_STATUS_FAILED" },
    });
    expect(failed).toHaveLength(1);
    expect(JSON.parse(failed[0]?.detailsJson ?? "{}")).toMatchObject({
      sha: commitSha,
      verdict: "VIOLATIONS",
      error: expect.stringContaining(`API answered HTTP 503`),
    });
  });

  it("merging is followed: by polling, and (GitLab) by the signed merge request hook", async () => {
    if (provider.name === "gitlab" && gitlab) {
      const mr = gitlab.merge(1);
      // GitLab's Merge Request Hook: https://docs.gitlab.com/user/project/integrations/webhook_events/#merge-request-events
      const body = Buffer.from(
        JSON.stringify({
          object_kind: "merge_request",
          event_type: "merge_request",
          object_attributes: {
            iid: mr.iid,
            source_branch: mr.source_branch,
            target_branch: mr.target_branch,
            state: "merged",
            action: "merge",
            url: mr.web_url,
          },
        }),
      );
      const headers = { githubEvent: null, githubSignature: null, gitlabEvent: "Merge Request Hook" };
      await expect(
        receivePullRequestWebhook("gitlab", { ...headers, gitlabToken: "wrong" }, body, db),
      ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      const received = await receivePullRequestWebhook("gitlab", { ...headers, gitlabToken: WEBHOOK_SECRET }, body, db);
      expect(received).toMatchObject({ updated: 1, event: { state: "merged" } });
      expect((await getChangeRequest(dev, key, db)).publication?.prState).toBe("merged");
      // Polling finds nothing left to move.
      expect((await pollPullRequests(db)).checked).toBe(0);
    } else {
      github?.merge(1);
      const polled = await pollPullRequests(db);
      expect(polled).toEqual({ checked: 1, updated: 1 });
      expect((await getChangeRequest(dev, key, db)).publication?.prState).toBe("merged");
    }
    expect(fake.violations).toEqual([]);
  });
});
