import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { clientAddressFrom, forwardedHostAndProto } from "./forwarded";
import { installForwardedHeaderGuard } from "./forwarded-header-guard";

const headers = (init: Record<string, string>) => new Headers(init);

describe("clientAddressFrom", () => {
  it.each<[Record<string, string>, number, string | undefined]>([
    // No trusted proxy: the guard left only the socket's address, which Next wrote.
    [{ "x-forwarded-for": "10.1.2.3" }, 0, "10.1.2.3"],
    // One trusted proxy: the rightmost entry is what it saw; the client wrote the rest.
    [{ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }, 1, "203.0.113.9"],
    [{ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" }, 2, "203.0.113.9"],
    [{ "x-forwarded-for": "203.0.113.9" }, 3, "203.0.113.9"],
    [{ "x-forwarded-for": "::ffff:127.0.0.1" }, 0, "::ffff:127.0.0.1"],
    [{ "x-forwarded-for": "<script>" }, 1, undefined],
    [{}, 0, undefined],
  ])("%o with %i proxies -> %s", (init, proxies, expected) => {
    expect(clientAddressFrom(headers(init), proxies)).toBe(expected);
  });
});

describe("forwardedHostAndProto", () => {
  const fallback = new URL("http://0.0.0.0:3000/");
  it("ignores X-Forwarded-Host without a trusted proxy, and believes it behind one", () => {
    const h = headers({ host: "portal.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(forwardedHostAndProto(h, fallback, 0)).toEqual({ host: "portal.example", proto: "https" });
    expect(forwardedHostAndProto(h, fallback, 1)).toEqual({ host: "evil.example", proto: "https" });
  });
  it("falls back to the request URL", () => {
    expect(forwardedHostAndProto(headers({ "x-forwarded-proto": "gopher" }), fallback, 0)).toEqual({
      host: "0.0.0.0:3000",
      proto: "http",
    });
  });
});

describe("installForwardedHeaderGuard", () => {
  let server: http.Server | undefined;
  afterAll(() => server?.close());

  it("drops the forwarded headers a client sends before any handler sees them", async () => {
    expect(installForwardedHeaderGuard(1)).toBe(false); // behind a trusted proxy: nothing to do
    expect(installForwardedHeaderGuard(0)).toBe(true);
    server = http.createServer((req, res) => res.end(JSON.stringify(req.headers)));
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const seen = await (
      await fetch(`http://127.0.0.1:${port}/`, {
        headers: {
          "x-forwarded-for": "6.6.6.6",
          "x-forwarded-host": "evil.example",
          "x-forwarded-proto": "https",
          "x-real-ip": "6.6.6.6",
          forwarded: "for=6.6.6.6",
          "user-agent": "kept",
        },
      })
    ).json();
    for (const name of ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-real-ip", "forwarded"]) {
      expect(seen[name], name).toBeUndefined();
    }
    expect(seen["user-agent"]).toBe("kept");
  });
});
