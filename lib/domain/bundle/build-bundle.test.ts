import { createHash, randomBytes } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { estimateCost } from "../cost/estimate-cost";
import { renderModule } from "../terraform/render-module";
import { loadValidExamples } from "../terraform/test-support";
import { type BundleManifest, buildBundle } from "./build-bundle";
import { withCatalogInfo } from "./catalog-info";
import { withInfracostUsage } from "./infracost-usage";
import { sha256Hex } from "./sha256";

const nodeSha = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

describe("sha256Hex", () => {
  it.each([
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    [
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    ],
  ])("matches the NIST vector for %j", (text, hex) => {
    expect(sha256Hex(new TextEncoder().encode(text))).toBe(hex);
  });

  it("matches node:crypto on random inputs around block boundaries", () => {
    for (const size of [1, 55, 56, 63, 64, 65, 119, 120, 1000, 70_000]) {
      const data = new Uint8Array(randomBytes(size));
      expect(sha256Hex(data), `size ${size}`).toBe(nodeSha(data));
    }
  });
});

describe.each(loadValidExamples())("buildBundle($name)", ({ request }) => {
  it("round-trips: every module file, infracost-usage.yml and catalog-info.yaml under the table folder, manifest hashes match", () => {
    const zip = buildBundle(request);
    const entries = unzipSync(zip);
    const folder = request.tableName;
    const files = withCatalogInfo(withInfracostUsage(renderModule(request), request, estimateCost(request)), request);
    expect(Object.keys(files)).toContain("infracost-usage.yml");
    expect(Object.keys(files)).toContain("catalog-info.yaml");
    const names = Object.keys(entries);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual([...Object.keys(files), "manifest.json"].map((f) => `${folder}/${f}`).sort());
    const manifest = JSON.parse(strFromU8(entries[`${folder}/manifest.json`] as Uint8Array)) as BundleManifest;
    expect(manifest.files.map((f) => f.path)).toEqual(Object.keys(files).sort());
    for (const f of manifest.files) {
      const data = entries[`${folder}/${f.path}`] as Uint8Array;
      expect(strFromU8(data)).toBe(files[f.path]);
      expect(f.sha256).toBe(nodeSha(data));
      expect(f.bytes).toBe(data.length);
    }
  });

  it("is byte-identical across runs and time zones", () => {
    const original = process.env.TZ;
    try {
      process.env.TZ = "UTC";
      const a = buildBundle(request);
      process.env.TZ = "Pacific/Kiritimati";
      const b = buildBundle(request);
      expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    } finally {
      process.env.TZ = original;
    }
  });
});

it("accepts an injected hash function", () => {
  const [first] = loadValidExamples();
  const zip = buildBundle(first?.request as never, {}, { hash: () => "x".repeat(64) });
  const manifest = Object.entries(unzipSync(zip)).find(([name]) => name.endsWith("manifest.json"))?.[1] as Uint8Array;
  expect(strFromU8(manifest)).toContain("x".repeat(64));
});
