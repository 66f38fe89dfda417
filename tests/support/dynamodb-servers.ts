import { readFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import { createServer as createTcpServer } from "node:net";
import path from "node:path";
// @ts-expect-error dynalite ships no types
import dynalite from "dynalite";

/** A DynamoDB-compatible endpoint started by a test; `close` in afterAll. */
export interface TestEndpoint {
  endpoint: string;
  close: () => Promise<void>;
}

function listen(server: Server | ReturnType<typeof createTcpServer>): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });
}

function closer(server: Server | ReturnType<typeof createTcpServer>): () => Promise<void> {
  return () => new Promise((resolve) => server.close(() => resolve()));
}

/** dynalite (in-memory) on a random loopback port; tables become ACTIVE at once. */
export async function startDynalite(): Promise<TestEndpoint> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 }) as Server;
  const port = await listen(server);
  return { endpoint: `http://127.0.0.1:${port}`, close: closer(server) };
}

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/aws");

/** A recorded wire-format body from tests/fixtures/aws. */
export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8")) as Record<string, unknown>;
}

/** Per Region (or `*` for any), per operation (`DescribeTable`, ...): the body to answer with, or "not found". */
export type RecordedAnswers = Record<string, Record<string, Record<string, unknown> | "not-found">>;

/**
 * An HTTP endpoint that answers DynamoDB JSON-protocol calls with recorded bodies, choosing by
 * the operation (`X-Amz-Target`) and the Region in the SigV4 credential scope, so recorded
 * answers go through the real SDK client and its deserializer. With `fallback`, calls that have
 * no recording are passed through to that endpoint (dynalite), so one endpoint can stand for
 * "dynalite plus the calls it lacks".
 */
export async function startRecordedDynamoDb(
  answers: RecordedAnswers,
  options: { fallback?: string } = {},
): Promise<TestEndpoint & { calls: string[]; signers: { accessKeyId: string; sessionToken?: string }[] }> {
  const calls: string[] = [];
  // Who signed each call (SigV4 access key and session token): proves which credentials a client used.
  const signers: { accessKeyId: string; sessionToken?: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const operation = String(req.headers["x-amz-target"] ?? "").split(".")[1] ?? "";
      const region = /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(String(req.headers.authorization))?.[1] ?? "";
      calls.push(`${region} ${operation}`);
      const accessKeyId = /Credential=([^/]+)\//.exec(String(req.headers.authorization))?.[1] ?? "";
      const token = req.headers["x-amz-security-token"];
      signers.push({ accessKeyId, ...(typeof token === "string" ? { sessionToken: token } : {}) });
      const answer = answers[region]?.[operation] ?? answers["*"]?.[operation];
      if (answer === undefined && options.fallback) {
        // Anything not recorded goes to the real local server (dynalite) unchanged.
        const upstream = request(
          `${options.fallback}${req.url ?? "/"}`,
          { method: req.method, headers: req.headers },
          (up) => {
            res.writeHead(up.statusCode ?? 500, up.headers);
            up.pipe(res);
          },
        );
        upstream.on("error", () => res.destroy());
        upstream.end(Buffer.concat(chunks));
        return;
      }
      res.setHeader("content-type", "application/x-amz-json-1.0");
      if (answer === undefined || answer === "not-found") {
        res.statusCode = 400;
        res.end(JSON.stringify(fixture("resource-not-found.json")));
        return;
      }
      res.end(JSON.stringify(answer));
    });
  });
  const port = await listen(server);
  return { endpoint: `http://127.0.0.1:${port}`, close: closer(server), calls, signers };
}

/** A TCP port that accepts connections and never answers: the "hanging endpoint" case. */
export async function startBlackHole(): Promise<TestEndpoint> {
  const sockets = new Set<import("node:net").Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  const port = await listen(server);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const s of sockets) s.destroy();
      await closer(server)();
    },
  };
}

/** A loopback port with nothing listening (bound, then released): connection refused. */
export async function closedPortEndpoint(): Promise<string> {
  const server = createTcpServer();
  const port = await listen(server);
  await closer(server)();
  return `http://127.0.0.1:${port}`;
}
