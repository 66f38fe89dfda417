import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import Ajv, { type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

/**
 * A local stand-in for GitHub's pull request and commit status APIs whose every request and response is validated
 * against GitHub's published OpenAPI description (`@octokit/openapi`, api.github.com): the portal
 * must send what the real API accepts, and the fake answers only what the real API may answer
 * (its responses start from GitHub's own examples in that description). Contract breaks are
 * collected in `violations`, which tests assert empty.
 */
export interface FakeGithub {
  /** The API base, e.g. http://127.0.0.1:1234 (what a delivery target's apiBaseUrl points at). */
  url: string;
  pulls: Record<string, unknown>[];
  /** Commit statuses set (repos/create-commit-status), as GitHub answered them, with their sha. */
  statuses: (Record<string, unknown> & { sha: string })[];
  violations: string[];
  requests: { method: string; path: string; status: number }[];
  /** Marks a pull request merged, as pressing "Merge" would. */
  merge(number: number): Record<string, unknown>;
  /** Answers 503 to every call while true (a GitHub outage). */
  down: boolean;
  close(): Promise<void>;
}

type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: { examples: Record<string, { value: unknown }>; parameters: Record<string, Parameter> };
};
type Parameter = { name: string; in: string; required?: boolean; schema: object; $ref?: string };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: object }> };
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
};

const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as typeof addFormatsModule;

const require = createRequire(import.meta.url);
let cached: { doc: Doc; ajv: Ajv } | undefined;

function loadContract() {
  if (cached) return cached;
  const file = require.resolve("@octokit/openapi/generated/api.github.com.json");
  const doc = JSON.parse(readFileSync(file, "utf8")) as Doc;
  // OpenAPI 3.0 schemas: `nullable` is an OpenAPI keyword Ajv supports; examples and
  // descriptions are not validation keywords, hence strict off.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  // GitHub's own format for "owner/name" (pulls/create's head_repo).
  ajv.addFormat("repo.nwo", /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/);
  ajv.addSchema({ $id: "github", components: doc.components }, "github");
  cached = { doc, ajv };
  return cached;
}

const compiled = new Map<string, ValidateFunction>();
function validatorFor(ajv: Ajv, key: string, schema: object): ValidateFunction {
  let fn = compiled.get(key);
  if (!fn) {
    // Local refs (#/components/...) resolve against the document registered as "github".
    const rebased = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"github#/components/'));
    fn = ajv.compile(rebased);
    compiled.set(key, fn);
  }
  return fn;
}

export async function startFakeGithub(options: { token: string; owner: string; repo: string }): Promise<FakeGithub> {
  const { doc, ajv } = loadContract();
  const violations: string[] = [];
  const requests: FakeGithub["requests"] = [];
  const pulls: Record<string, unknown>[] = [];
  const statuses: FakeGithub["statuses"] = [];
  const state = { down: false };
  // GitHub's own examples, with one correction: their requested_teams entries lack `type`, which
  // the schema requires (the fake must answer what the schema allows, so it sends none).
  const example = (name: string) => {
    const value = structuredClone(doc.components.examples[name]?.value) as Record<string, unknown>;
    if (Array.isArray(value.requested_teams)) value.requested_teams = [];
    return value;
  };

  const check = (what: string, key: string, schema: object | undefined, value: unknown) => {
    if (!schema) {
      violations.push(`${what}: no schema in the OpenAPI description`);
      return;
    }
    const validate = validatorFor(ajv, key, schema);
    if (!validate(value)) violations.push(`${what}: ${ajv.errorsText(validate.errors, { separator: "; " })}`);
  };
  const checkQuery = (op: Operation, opKey: string, query: URLSearchParams) => {
    const params = (op.parameters ?? []).map((p) =>
      p.$ref ? doc.components.parameters[p.$ref.split("/").pop() as string] : p,
    ) as Parameter[];
    for (const [name, value] of query) {
      const param = params.find((p) => p.in === "query" && p.name === name);
      if (!param) {
        violations.push(`${opKey}: unknown query parameter ${name}`);
        continue;
      }
      const schema = param.schema as { type?: string };
      const typed = schema.type === "integer" || schema.type === "number" ? Number(value) : value;
      check(`${opKey} query ${name}`, `${opKey}?${name}`, param.schema, typed);
    }
  };

  const send = (res: ServerResponse, status: number, body: unknown, op?: Operation, opKey?: string) => {
    const schema = op?.responses[String(status)]?.content?.["application/json"]?.schema;
    if (op && opKey) check(`${opKey} response ${status}`, `${opKey}#${status}`, schema, body);
    res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify(body));
  };

  const readJson = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return chunks.length ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>) : undefined;
  };

  const base = `/repos/${options.owner}/${options.repo}`;
  let nextNumber = 1;
  let server: Server | undefined;
  let port = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = (req.method ?? "GET").toLowerCase();
    const record = (status: number) =>
      requests.push({ method: method.toUpperCase(), path: url.pathname + url.search, status });
    if (state.down) {
      record(503);
      send(res, 503, { message: "Service Unavailable" });
      return;
    }
    if (req.headers.authorization !== `Bearer ${options.token}`) {
      record(401);
      send(res, 401, { message: "Bad credentials", documentation_url: "https://docs.github.com/rest", status: "401" });
      return;
    }
    if (url.pathname === `${base}/pulls` && method === "post") {
      const op = doc.paths["/repos/{owner}/{repo}/pulls"]?.post as Operation;
      const body = await readJson(req);
      check("pulls/create request", "pulls/create#request", op.requestBody?.content["application/json"]?.schema, body);
      const head = String(body?.head ?? "");
      if (pulls.some((p) => (p.head as { ref: string }).ref === head)) {
        record(422);
        send(res, 422, {
          message: "Validation Failed",
          errors: [
            {
              resource: "PullRequest",
              code: "custom",
              message: `A pull request already exists for ${options.owner}:${head}.`,
            },
          ],
          documentation_url: "https://docs.github.com/rest/pulls/pulls#create-a-pull-request",
        });
        return;
      }
      const pr = example("pull-request");
      const number = nextNumber++;
      const htmlUrl = `https://github.com/${options.owner}/${options.repo}/pull/${number}`;
      Object.assign(pr, {
        number,
        id: 1000 + number,
        html_url: htmlUrl,
        url: `http://127.0.0.1:${port}${base}/pulls/${number}`,
        title: body?.title,
        body: body?.body ?? null,
        state: "open",
        merged: false,
        merged_at: null,
        closed_at: null,
      });
      (pr.head as Record<string, unknown>).ref = head;
      (pr.head as Record<string, unknown>).label = `${options.owner}:${head}`;
      (pr.base as Record<string, unknown>).ref = body?.base;
      pulls.push(pr);
      record(201);
      send(res, 201, pr, op, "pulls/create");
      return;
    }
    if (url.pathname === `${base}/pulls` && method === "get") {
      const op = doc.paths["/repos/{owner}/{repo}/pulls"]?.get as Operation;
      checkQuery(op, "pulls/list", url.searchParams);
      const head = url.searchParams.get("head");
      const state = url.searchParams.get("state") ?? "open";
      const found = pulls
        .filter((p) => !head || (p.head as { label: string }).label === head)
        .filter((p) => state === "all" || p.state === state)
        .map((p) => {
          // pull-request-simple: the list shape (GitHub's own example, with this PR's identity).
          const simple = example("pull-request-simple");
          for (const key of ["number", "id", "html_url", "url", "title", "body", "state", "merged_at", "closed_at"]) {
            simple[key] = p[key];
          }
          simple.head = p.head;
          simple.base = p.base;
          return simple;
        });
      record(200);
      send(res, 200, found, op, "pulls/list");
      return;
    }
    const single = new RegExp(`^${base}/pulls/(\\d+)$`).exec(url.pathname);
    if (single && method === "get") {
      const op = doc.paths["/repos/{owner}/{repo}/pulls/{pull_number}"]?.get as Operation;
      const pr = pulls.find((p) => p.number === Number(single[1]));
      if (!pr) {
        record(404);
        send(res, 404, { message: "Not Found", documentation_url: "https://docs.github.com/rest", status: "404" });
        return;
      }
      record(200);
      send(res, 200, pr, op, "pulls/get");
      return;
    }
    const statusOf = new RegExp(`^${base}/statuses/([^/]+)$`).exec(url.pathname);
    if (statusOf && method === "post") {
      const op = doc.paths["/repos/{owner}/{repo}/statuses/{sha}"]?.post as Operation;
      const body = await readJson(req);
      check(
        "repos/create-commit-status request",
        "repos/create-commit-status#request",
        op.requestBody?.content["application/json"]?.schema,
        body,
      );
      const sha = statusOf[1] as string;
      if (!/^[0-9a-f]{40}$/.test(sha)) violations.push(`repos/create-commit-status: ${sha} is not a commit SHA`);
      const status = example("status");
      Object.assign(status, {
        id: 2000 + statuses.length,
        url: `http://127.0.0.1:${port}${base}/statuses/${sha}`,
        state: body?.state,
        description: body?.description ?? null,
        target_url: body?.target_url ?? null,
        context: body?.context ?? "default",
      });
      statuses.push({ ...status, sha });
      record(201);
      send(res, 201, status, op, "repos/create-commit-status");
      return;
    }
    record(404);
    violations.push(`unexpected call ${method.toUpperCase()} ${url.pathname}`);
    send(res, 404, { message: "Not Found" });
  };

  server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      violations.push(`fake failed: ${(error as Error).message}`);
      res.statusCode = 500;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    pulls,
    statuses,
    get down() {
      return state.down;
    },
    set down(value: boolean) {
      state.down = value;
    },
    violations,
    requests,
    merge(number) {
      const pr = pulls.find((p) => p.number === number);
      if (!pr) throw new Error(`no pull request ${number}`);
      Object.assign(pr, {
        state: "closed",
        merged: true,
        merged_at: "2026-12-04T16:00:00Z",
        closed_at: "2026-12-04T16:00:00Z",
      });
      return pr;
    },
    close: () => new Promise<void>((resolve) => server?.close(() => resolve())),
  };
}
