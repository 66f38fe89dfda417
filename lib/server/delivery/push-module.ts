import "server-only";
import * as fs from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { unzipSync } from "fflate";
import git from "isomorphic-git";
import { GitTimeoutError, gitHttpWithTimeout, gitTimeoutMsFromEnv } from "./git-http-with-timeout";

/** Why a push failed, worded for people ("publish failed: " + message). */
export class PublishError extends Error {
  constructor(
    message: string,
    /** True when trying again later may succeed (server down); false when someone must act (auth, conflict). */
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export interface GitAuth {
  username: string;
  password: string;
}

export interface PushModuleInput {
  repoUrl: string;
  baseBranch: string;
  branch: string;
  /** The module's folder in the repository, ending in `/`. */
  modulePath: string;
  /** The file name (inside the module folder) to its bytes. */
  files: Record<string, Uint8Array>;
  message: string;
  auth: GitAuth;
  /** How long the git server may stay silent (TABLEWRIGHT_GIT_TIMEOUT_MS by default). */
  timeoutMs?: number;
}

export interface PushModuleResult {
  commitSha: string;
  /** False when the branch was already there with exactly these files (a retry after a lost reply). */
  pushed: boolean;
}

const AUTHOR = { name: "Tablewright", email: "tablewright@users.noreply.tablewright.local" };

/**
 * The approved bundle's files as they are in the zip, without its top folder: the exact bytes that
 * were reviewed (the zip is never re-rendered for publishing).
 */
export function filesOfBundle(bundle: Uint8Array): Record<string, Uint8Array> {
  const entries = unzipSync(bundle);
  const files: Record<string, Uint8Array> = {};
  for (const [path, data] of Object.entries(entries)) {
    if (path.endsWith("/")) continue;
    const slash = path.indexOf("/");
    files[slash >= 0 ? path.slice(slash + 1) : path] = data;
  }
  return files;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

/** A git or network failure as a sentence naming the server and what to do about it. */
export function describeGitError(error: unknown, repoUrl: string, baseBranch: string): PublishError {
  if (error instanceof PublishError) return error;
  const host = (() => {
    try {
      return new URL(repoUrl).host;
    } catch {
      return repoUrl;
    }
  })();
  const silent = error instanceof GitTimeoutError ? error : (error as { cause?: unknown })?.cause;
  if (silent instanceof GitTimeoutError) {
    // Down but accepting connections (hung process, stuck proxy): worth another try later.
    return new PublishError(`the git server ${host} did not answer within ${silent.within}; it will be retried`, true);
  }
  const e = error as { code?: string; data?: { statusCode?: number }; message?: string; cause?: { code?: string } };
  const status = e.data?.statusCode;
  // onAuthFailure cancels after the server refused the credentials once: that is a 401.
  if (e.code === "UserCanceledError" || (e.code === "HttpError" && (status === 401 || status === 403))) {
    return new PublishError(
      `the git server ${host} refused the credentials (HTTP ${status ?? 401}); check the token the delivery target's credential reference points at`,
      false,
    );
  }
  if (e.code === "HttpError" && status === 404) {
    return new PublishError(`the repository ${repoUrl} was not found (HTTP 404)`, false);
  }
  if (e.code === "NotFoundError") {
    return new PublishError(`the base branch "${baseBranch}" does not exist in ${repoUrl}`, false);
  }
  const network = e.code ?? e.cause?.code;
  if (network && /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)$/.test(network)) {
    return new PublishError(`cannot reach the git server ${host} (${network}); it will be retried`, true);
  }
  if (e.code === "HttpError") return new PublishError(`the git server ${host} answered HTTP ${status}`, true);
  return new PublishError(`git failed against ${host}: ${e.message ?? String(error)}`, true);
}

/**
 * Pushes the module to `branch`, made from the tip of `baseBranch` with the module folder replaced
 * by `files`, as one commit. Idempotent: a branch that already holds exactly these files is reused;
 * a branch with other content is a clear failure (never overwritten, never force-pushed).
 */
export async function pushModule(input: PushModuleInput): Promise<PushModuleResult> {
  const onAuth = () => input.auth;
  // No second try with the same refused credentials: the failure is reported as it is.
  const onAuthFailure = () => ({ cancel: true as const });
  const http = gitHttpWithTimeout(input.timeoutMs ?? gitTimeoutMsFromEnv());
  const dir = await mkdtemp(join(tmpdir(), "tablewright-publish-"));
  try {
    const existing = await git.listServerRefs({
      http,
      url: input.repoUrl,
      prefix: `refs/heads/${input.branch}`,
      onAuth,
      onAuthFailure,
    });
    const branchRef = existing.find((r) => r.ref === `refs/heads/${input.branch}`);
    if (branchRef) {
      await git.clone({
        fs,
        http,
        dir,
        url: input.repoUrl,
        ref: input.branch,
        singleBranch: true,
        depth: 1,
        noTags: true,
        noCheckout: true,
        onAuth,
        onAuthFailure,
      });
      if (await holdsExactly(dir, branchRef.oid, input.modulePath, input.files)) {
        return { commitSha: branchRef.oid, pushed: false };
      }
      throw new PublishError(
        `the branch ${input.branch} already exists in ${input.repoUrl} with other content; delete it (or merge it) and retry`,
        false,
      );
    }
    await git.clone({
      fs,
      http,
      dir,
      url: input.repoUrl,
      ref: input.baseBranch,
      singleBranch: true,
      depth: 1,
      noTags: true,
      onAuth,
      onAuthFailure,
    });
    await git.branch({ fs, dir, ref: input.branch, checkout: true });
    // A revision of a change replaces the folder: files the new module no longer has are removed.
    const tracked = await git.listFiles({ fs, dir });
    for (const path of tracked) {
      if (path.startsWith(input.modulePath) && !(path.slice(input.modulePath.length) in input.files)) {
        await git.remove({ fs, dir, filepath: path });
        await rm(join(dir, path), { force: true });
      }
    }
    for (const [name, data] of Object.entries(input.files)) {
      const filepath = `${input.modulePath}${name}`;
      await fs.promises.mkdir(dirname(join(dir, filepath)), { recursive: true });
      await fs.promises.writeFile(join(dir, filepath), data);
      await git.add({ fs, dir, filepath });
    }
    const commitSha = await git.commit({ fs, dir, message: input.message, author: AUTHOR });
    const result = await git.push({
      fs,
      http,
      dir,
      url: input.repoUrl,
      ref: input.branch,
      remoteRef: input.branch,
      onAuth,
      onAuthFailure,
    });
    if (!result.ok) {
      const why = result.error ?? Object.values(result.refs).find((r) => !r.ok)?.error ?? "rejected";
      throw new PublishError(`the git server refused the push of ${input.branch}: ${why}`, true);
    }
    return { commitSha, pushed: true };
  } catch (error) {
    // A cut-off answer may surface as a protocol error: the deadline that passed is the real cause.
    throw describeGitError(http.timedOut() ?? error, input.repoUrl, input.baseBranch);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Whether the commit's module folder holds exactly these files with these bytes. */
async function holdsExactly(
  dir: string,
  oid: string,
  modulePath: string,
  files: Record<string, Uint8Array>,
): Promise<boolean> {
  const inFolder = (await git.listFiles({ fs, dir, ref: oid })).filter((p) => p.startsWith(modulePath));
  const names = Object.keys(files);
  if (inFolder.length !== names.length) return false;
  for (const name of names) {
    const filepath = `${modulePath}${name}`;
    if (!inFolder.includes(filepath)) return false;
    const { blob } = await git.readBlob({ fs, dir, oid, filepath });
    if (!sameBytes(blob, files[name] as Uint8Array)) return false;
  }
  return true;
}
