import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for the few GitLab REST endpoints the portal calls, with the request
 * parameters and response fields of GitLab's documentation (GitLab publishes no complete OpenAPI
 * description of these, so the shapes are taken from the docs and checked by hand here):
 * - merge requests: list, create, get one
 *   https://docs.gitlab.com/api/merge_requests/
 *   (GET /projects/:id/merge_requests, POST /projects/:id/merge_requests,
 *    GET /projects/:id/merge_requests/:merge_request_iid)
 * - commit status: https://docs.gitlab.com/api/commits/#set-the-pipeline-status-of-a-commit
 *   (POST /projects/:id/statuses/:sha)
 * Authentication is the PRIVATE-TOKEN header (https://docs.gitlab.com/api/rest/authentication/).
 * Anything the portal sends that the docs do not describe (an unknown parameter, a missing
 * required one, a state outside the documented values) is collected in `violations`, which tests
 * assert empty.
 */
export interface FakeGitlab {
  /** The API base, e.g. http://127.0.0.1:1234/api/v4 (a delivery target's apiBaseUrl). */
  url: string;
  mergeRequests: Record<string, unknown>[];
  statuses: Record<string, unknown>[];
  violations: string[];
  requests: { method: string; path: string; status: number }[];
  /** Marks a merge request merged, as pressing "Merge" would. */
  merge(iid: number): Record<string, unknown>;
  /** Answers 503 to every call while true (a GitLab outage). */
  down: boolean;
  close(): Promise<void>;
}

/** Documented parameters per endpoint: name -> the values allowed (undefined: any string). */
type Params = Record<string, readonly string[] | undefined>;

const LIST_PARAMS: Params = {
  state: ["opened", "closed", "locked", "merged", "all"],
  source_branch: undefined,
  target_branch: undefined,
  per_page: undefined,
  page: undefined,
};
const CREATE_PARAMS: Params = {
  source_branch: undefined,
  target_branch: undefined,
  title: undefined,
  description: undefined,
  remove_source_branch: undefined,
  squash: undefined,
  labels: undefined,
  assignee_id: undefined,
  target_project_id: undefined,
};
const CREATE_REQUIRED = ["source_branch", "target_branch", "title"];
const STATUS_PARAMS: Params = {
  state: ["pending", "running", "success", "failed", "canceled", "skipped"],
  ref: undefined,
  name: undefined,
  context: undefined,
  target_url: undefined,
  description: undefined,
  coverage: undefined,
  pipeline_id: undefined,
};

const author = {
  id: 1,
  username: "tablewright-bot",
  name: "Tablewright",
  state: "active",
  avatar_url: null,
  web_url: "https://gitlab.example.com/tablewright-bot",
};

export async function startFakeGitlab(options: { token: string; project: string }): Promise<FakeGitlab> {
  const violations: string[] = [];
  const requests: FakeGitlab["requests"] = [];
  const mergeRequests: Record<string, unknown>[] = [];
  const statuses: Record<string, unknown>[] = [];
  const projectId = 42;
  // The project is addressed by its numeric id or its URL-encoded path (docs: "ID or URL-encoded path").
  const projectRefs = new Set([String(projectId), encodeURIComponent(options.project)]);
  let nextIid = 1;
  let nextId = 100;
  let server: Server | undefined;

  const checkParams = (what: string, params: Record<string, unknown>, allowed: Params, required: string[] = []) => {
    for (const name of required) {
      if (params[name] === undefined || params[name] === "") violations.push(`${what}: missing required ${name}`);
    }
    for (const [name, value] of Object.entries(params)) {
      if (!(name in allowed)) {
        violations.push(`${what}: undocumented parameter ${name}`);
        continue;
      }
      const values = allowed[name];
      if (values && !values.includes(String(value))) {
        violations.push(`${what}: ${name}=${String(value)} is not one of ${values.join(", ")}`);
      }
    }
  };

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };

  const readJson = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (!chunks.length) return {};
    if (!String(req.headers["content-type"]).startsWith("application/json")) {
      violations.push(`a body sent as ${req.headers["content-type"]}, not application/json`);
    }
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, state: { down: boolean }) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = (req.method ?? "GET").toUpperCase();
    const record = (status: number) => requests.push({ method, path: url.pathname + url.search, status });
    if (state.down) {
      record(503);
      send(res, 503, { message: "503 Service Unavailable" });
      return;
    }
    if (req.headers["private-token"] !== options.token) {
      record(401);
      send(res, 401, { message: "401 Unauthorized" });
      return;
    }
    // Node decodes nothing in the path: the encoded project path arrives as sent (acme%2Finfra).
    const match = /^\/api\/v4\/projects\/([^/]+)\/(merge_requests|statuses)(?:\/([^/]+))?$/.exec(url.pathname);
    if (!match || !projectRefs.has(match[1] as string)) {
      record(404);
      violations.push(`unexpected call ${method} ${url.pathname}`);
      send(res, 404, { message: "404 Project Not Found" });
      return;
    }
    const [, , resource, id] = match;
    if (resource === "merge_requests" && method === "GET" && id === undefined) {
      const query = Object.fromEntries(url.searchParams);
      checkParams("list merge requests", query, LIST_PARAMS);
      const state = query.state ?? "all"; // the documented default: every state
      const found = mergeRequests
        .filter((mr) => !query.source_branch || mr.source_branch === query.source_branch)
        .filter((mr) => !query.target_branch || mr.target_branch === query.target_branch)
        .filter((mr) => state === "all" || mr.state === state);
      record(200);
      send(res, 200, found);
      return;
    }
    if (resource === "merge_requests" && method === "POST" && id === undefined) {
      const body = await readJson(req);
      checkParams("create merge request", body, CREATE_PARAMS, CREATE_REQUIRED);
      const open = mergeRequests.find((mr) => mr.source_branch === body.source_branch && mr.state === "opened");
      if (open) {
        record(409);
        send(res, 409, {
          message: [`Another open merge request already exists for this source branch: !${String(open.iid)}`],
        });
        return;
      }
      const iid = nextIid++;
      const mr = {
        id: nextId++,
        iid,
        project_id: projectId,
        title: body.title,
        description: body.description ?? null,
        state: "opened",
        created_at: "2026-12-04T15:00:00.000Z",
        updated_at: "2026-12-04T15:00:00.000Z",
        merged_at: null,
        closed_at: null,
        target_branch: body.target_branch,
        source_branch: body.source_branch,
        author,
        source_project_id: projectId,
        target_project_id: projectId,
        draft: false,
        merge_status: "can_be_merged",
        detailed_merge_status: "mergeable",
        sha: null,
        merge_commit_sha: null,
        should_remove_source_branch: null,
        force_remove_source_branch: body.remove_source_branch === true,
        references: { short: `!${iid}`, relative: `!${iid}`, full: `${options.project}!${iid}` },
        web_url: `https://gitlab.example.com/${options.project}/-/merge_requests/${iid}`,
      };
      mergeRequests.push(mr);
      record(201);
      send(res, 201, mr);
      return;
    }
    if (resource === "merge_requests" && method === "GET" && id !== undefined) {
      const mr = mergeRequests.find((m) => String(m.iid) === id);
      if (!mr) {
        record(404);
        send(res, 404, { message: "404 Not found" });
        return;
      }
      record(200);
      send(res, 200, mr);
      return;
    }
    if (resource === "statuses" && method === "POST" && id !== undefined) {
      const body = await readJson(req);
      checkParams("set commit status", body, STATUS_PARAMS, ["state"]);
      if (!/^[0-9a-f]{40}$/.test(id)) violations.push(`set commit status: ${id} is not a commit SHA`);
      const status = {
        id: nextId++,
        sha: id,
        ref: body.ref ?? null,
        status: body.state,
        name: body.name ?? body.context ?? "default",
        target_url: body.target_url ?? null,
        description: body.description ?? null,
        created_at: "2026-12-04T15:00:00.000Z",
        started_at: null,
        finished_at: "2026-12-04T15:00:00.000Z",
        allow_failure: false,
        coverage: null,
        author,
      };
      statuses.push(status);
      record(201);
      send(res, 201, status);
      return;
    }
    record(405);
    violations.push(`unexpected call ${method} ${url.pathname}`);
    send(res, 405, { message: "405 Method Not Allowed" });
  };

  const fake: FakeGitlab = {
    url: "",
    mergeRequests,
    statuses,
    violations,
    requests,
    down: false,
    merge(iid) {
      const mr = mergeRequests.find((m) => m.iid === iid);
      if (!mr) throw new Error(`no merge request ${iid}`);
      Object.assign(mr, { state: "merged", merged_at: "2026-12-04T16:00:00.000Z" });
      return mr;
    },
    close: () => new Promise<void>((resolve) => server?.close(() => resolve())),
  };
  server = createServer((req, res) => {
    handle(req, res, fake).catch((error: unknown) => {
      violations.push(`fake failed: ${(error as Error).message}`);
      res.statusCode = 500;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v4`;
  return fake;
}
