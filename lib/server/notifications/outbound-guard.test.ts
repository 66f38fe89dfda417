import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDestination, outboundPolicyFromEnv } from "./outbound-guard";
import { postGuarded } from "./post-guarded";

const production = (env: Record<string, string> = {}) => outboundPolicyFromEnv(env, false);
const embedded = (env: Record<string, string> = {}) => outboundPolicyFromEnv(env, true);

describe("checkDestination", () => {
  it.each([
    // address, hostname, policy, allowed?
    ["169.254.169.254", "169.254.169.254", embedded({ TABLEWRIGHT_OUTBOUND_ALLOWLIST: "169.254.0.0/16" }), false],
    [
      "169.254.169.254",
      "metadata.google.internal",
      production({ TABLEWRIGHT_OUTBOUND_ALLOWLIST: "metadata.google.internal" }),
      false,
    ],
    ["::ffff:169.254.169.254", "x.example", embedded(), false],
    ["::ffff:a9fe:a9fe", "x.example", embedded(), false],
    ["fd00:ec2::254", "x.example", production({ TABLEWRIGHT_OUTBOUND_ALLOWLIST: "fd00::/8" }), false],
    ["fe80::1", "x.example", embedded(), false],
    ["100.100.100.200", "x.example", production(), false],
    ["0.0.0.0", "x.example", embedded(), false],
    ["127.0.0.1", "localhost", production(), false],
    ["::1", "localhost", production(), false],
    ["127.0.0.1", "localhost", embedded(), true],
    ["127.0.0.1", "localhost", production({ TABLEWRIGHT_OUTBOUND_ALLOWLIST: "127.0.0.1/32" }), true],
    ["10.1.2.3", "hooks.internal", production(), false],
    ["10.1.2.3", "hooks.internal", production({ TABLEWRIGHT_OUTBOUND_ALLOWLIST: "10.1.0.0/16" }), true],
    ["10.1.2.3", "hooks.internal", production({ TABLEWRIGHT_OUTBOUND_ALLOWLIST: "hooks.internal" }), true],
    ["10.1.2.3", "a.corp.example", production({ TABLEWRIGHT_OUTBOUND_ALLOWLIST: "*.corp.example" }), true],
    ["10.1.2.3", "corp.example", production({ TABLEWRIGHT_OUTBOUND_ALLOWLIST: "*.corp.example" }), false],
    ["192.168.1.10", "router", embedded(), false],
    ["172.20.0.5", "x", production(), false],
    ["fd12:3456::1", "x", production(), false],
    ["93.184.215.14", "example.com", production(), true],
    ["2606:2800:21f:cb07:6820:80da:af6b:8b2c", "example.com", production(), true],
    ["93.184.215.14", "example.com", production({ TABLEWRIGHT_OUTBOUND_PUBLIC: "off" }), false],
    [
      "93.184.215.14",
      "example.com",
      production({ TABLEWRIGHT_OUTBOUND_PUBLIC: "off", TABLEWRIGHT_OUTBOUND_ALLOWLIST: "example.com" }),
      true,
    ],
    ["not-an-ip", "x", production(), false],
  ] as const)("%s as %s -> %s", (address, hostname, policy, allowed) => {
    const check = checkDestination(policy, hostname, address);
    expect(check.allowed).toBe(allowed);
    if (!check.allowed) expect(check.reason.length).toBeGreaterThan(10);
  });
});

describe("postGuarded against a real HTTP server on loopback", () => {
  let server: Server;
  let base: string;
  let hits = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits++;
      if (req.url === "/redirect") {
        res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" });
        res.end();
        return;
      }
      res.writeHead(204);
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = (
    url: string,
    policy = production(),
    resolve?: (h: string) => Promise<{ address: string; family: number }[]>,
  ) => postGuarded(url, "{}", { policy, timeoutMs: 3_000, headers: {}, ...(resolve ? { resolve } : {}) });

  it("refuses loopback outside the embedded mode before any byte is sent", async () => {
    const before = hits;
    await expect(post(`${base}/x`)).rejects.toThrow(/^refused: 127\.0\.0\.1 is a loopback address/);
    await expect(post(`${base.replace("127.0.0.1", "localhost")}/x`)).rejects.toThrow(/refused: .* loopback address/);
    expect(hits).toBe(before);
  });

  it("reaches loopback in the embedded mode, or when the allowlist names it", async () => {
    await expect(post(`${base}/x`, embedded())).resolves.toMatchObject({ status: 204 });
    await expect(
      post(`${base}/x`, production({ TABLEWRIGHT_OUTBOUND_ALLOWLIST: "127.0.0.0/8" })),
    ).resolves.toMatchObject({
      status: 204,
    });
  });

  it("connects only to allowed addresses of a name (DNS rebinding gets nowhere)", async () => {
    const port = new URL(base).port;
    const rebinding = async () => [
      { address: "169.254.169.254", family: 4 },
      { address: "127.0.0.1", family: 4 },
    ];
    const res = await post(
      `http://hooks.example.test:${port}/x`,
      production({ TABLEWRIGHT_OUTBOUND_ALLOWLIST: "127.0.0.1" }),
      rebinding,
    );
    expect(res.status).toBe(204);
    await expect(
      post(`http://hooks.example.test:${port}/x`, production(), async () => [
        { address: "169.254.169.254", family: 4 },
      ]),
    ).rejects.toThrow(/refused: 169\.254\.169\.254/);
  });

  it("does not follow redirects (a 3xx is an answer, never a second request)", async () => {
    const before = hits;
    await expect(post(`${base}/redirect`, embedded())).resolves.toMatchObject({ status: 302 });
    expect(hits).toBe(before + 1);
  });

  it("refuses odd spellings of the metadata address", async () => {
    for (const url of [
      "http://0xa9fea9fe/",
      "http://2852039166/",
      "http://[::ffff:169.254.169.254]/",
      "http://169.254.169.254./",
    ]) {
      await expect(post(url, embedded())).rejects.toThrow(/refused/);
    }
  });
});
