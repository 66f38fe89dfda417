import { describe, expect, it } from "vitest";
import {
  apiBaseUrlOf,
  DeliveryTargetInputSchema,
  isValidBranchName,
  publicationBranchName,
  repositoryPathOf,
  resolveDeliveryTarget,
  resolveModulePath,
} from "./delivery-target";
import { readGithubPullRequestEvent, readGitlabMergeRequestEvent } from "./webhook-events";

const VALID = {
  team: "checkout",
  provider: "github",
  repoUrl: "https://github.com/acme/infra.git",
  credentialRef: "env:GITHUB_TOKEN",
};

const pathsOf = (input: unknown) => {
  const result = DeliveryTargetInputSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join("."));
};

describe("delivery target input", () => {
  it("fills the defaults: main, dynamodb/{table}/, manual", () => {
    const parsed = DeliveryTargetInputSchema.parse(VALID);
    expect(parsed).toMatchObject({ baseBranch: "main", pathTemplate: "dynamodb/{table}/", mode: "manual", tier: null });
  });

  it.each([
    [{ ...VALID, team: null }, "team"],
    [{ ...VALID, credentialRef: "ghp_abc123secret" }, "credentialRef"],
    [{ ...VALID, credentialRef: "file:relative/path" }, "credentialRef"],
    [{ ...VALID, webhookSecretRef: "s3cret" }, "webhookSecretRef"],
    [{ ...VALID, repoUrl: "git@github.com:acme/infra.git" }, "repoUrl"],
    [{ ...VALID, repoUrl: "https://user:pw@github.com/acme/infra.git" }, "repoUrl"],
    [{ ...VALID, repoUrl: "https://github.com/infra" }, "repoUrl"],
    [{ ...VALID, pathTemplate: "dynamodb/" }, "pathTemplate"],
    [{ ...VALID, pathTemplate: "../{table}/" }, "pathTemplate"],
    [{ ...VALID, pathTemplate: "/abs/{table}" }, "pathTemplate"],
    [{ ...VALID, baseBranch: "bad..name" }, "baseBranch"],
    [{ ...VALID, provider: "bitbucket" }, "provider"],
    [{ ...VALID, mode: "sometimes" }, "mode"],
    [{ ...VALID, token: "x" }, ""],
  ])("refuses %j on %s", (input, path) => {
    expect(pathsOf(input)).toContain(path);
  });

  it("a plain git remote needs no owner/repo path", () => {
    expect(pathsOf({ ...VALID, provider: "git", repoUrl: "http://127.0.0.1:9000/infra.git" })).toEqual([]);
  });
});

describe("resolving and naming", () => {
  const target = (id: string, team: string | null, tier: "dev" | "prod" | null) => ({
    ...DeliveryTargetInputSchema.parse({ ...VALID, team, tier }),
    id,
  });

  it("team and tier beat the team, which beats the tier", () => {
    const targets = [
      target("tier", null, "prod"),
      target("team", "checkout", null),
      target("both", "checkout", "prod"),
    ];
    expect(resolveDeliveryTarget(targets, { team: "checkout", tier: "prod" })?.id).toBe("both");
    expect(resolveDeliveryTarget(targets, { team: "checkout", tier: "dev" })?.id).toBe("team");
    expect(resolveDeliveryTarget(targets, { team: "search", tier: "prod" })?.id).toBe("tier");
    expect(resolveDeliveryTarget(targets, { team: "search", tier: "dev" })).toBeUndefined();
  });

  it.each([
    ["dynamodb/{table}/", "dynamodb/carts-dev/"],
    ["{team}/{tier}/{table}", "checkout/dev/carts-dev/"],
  ])("%s -> %s", (template, path) => {
    expect(resolveModulePath(template, { table: "carts-dev", team: "checkout", tier: "dev" })).toBe(path);
  });

  it("names the branch after the request and the revision, a valid git branch", () => {
    const branch = publicationBranchName("TW-12", 3);
    expect(branch).toBe("tablewright/TW-12-r3");
    expect(isValidBranchName(branch)).toBe(true);
  });

  it("reads the repository path and the API base", () => {
    expect(repositoryPathOf("https://gitlab.example.com/group/sub/project.git")).toBe("group/sub/project");
    expect(apiBaseUrlOf({ provider: "github" })).toBe("https://api.github.com");
    expect(apiBaseUrlOf({ provider: "gitlab", apiBaseUrl: "http://127.0.0.1:1/api/v4/" })).toBe(
      "http://127.0.0.1:1/api/v4",
    );
    expect(apiBaseUrlOf({ provider: "git" })).toBeUndefined();
  });
});

describe("webhook events", () => {
  it.each([
    [{ state: "open", merged: false }, "open"],
    [{ state: "closed", merged: true }, "merged"],
    [{ state: "closed", merged: false }, "closed"],
  ])("GitHub %j is %s", (pr, state) => {
    const payload = { action: "closed", pull_request: { ...pr, number: 7, head: { ref: "tablewright/TW-1-r1" } } };
    expect(readGithubPullRequestEvent("pull_request", payload)).toMatchObject({ state, number: 7 });
  });

  it("ignores other GitHub events and malformed payloads", () => {
    expect(readGithubPullRequestEvent("push", { pull_request: {} })).toBeUndefined();
    expect(readGithubPullRequestEvent("pull_request", { pull_request: { number: "x" } })).toBeUndefined();
    expect(readGithubPullRequestEvent("pull_request", null)).toBeUndefined();
  });

  it.each([
    ["opened", "open"],
    ["merged", "merged"],
    ["closed", "closed"],
  ])("GitLab %s is %s", (glState, state) => {
    const payload = { object_attributes: { iid: 3, state: glState, source_branch: "tablewright/TW-1-r1" } };
    expect(readGitlabMergeRequestEvent("Merge Request Hook", payload)).toMatchObject({ state, number: 3 });
  });
});
