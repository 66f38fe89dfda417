import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_TIER_POLICY } from "@/lib/domain/policy/default-policy";

/** loadTierPolicy caches per process: each case loads a fresh module with its own env. */
async function loadWith(policy: unknown) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "tw-policy-")), "policy.json");
  writeFileSync(file, JSON.stringify(policy));
  vi.stubEnv("TABLEWRIGHT_POLICY_FILE", file);
  vi.resetModules();
  const { loadTierPolicy } = await import("@/lib/server/policy");
  return () => loadTierPolicy();
}

describe("the server's tier policy file", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("loads a valid file", async () => {
    expect((await loadWith(DEFAULT_TIER_POLICY))()).toEqual(DEFAULT_TIER_POLICY);
  });

  it("names every field at fault, as tablewright validate --policy does", async () => {
    const broken = structuredClone(DEFAULT_TIER_POLICY) as unknown as {
      tiers: Record<string, Record<string, unknown>>;
    };
    const [first, second] = Object.keys(broken.tiers);
    (broken.tiers[first as string] as Record<string, unknown>).requiredApprovals = "two";
    (broken.tiers[second as string] as Record<string, unknown>).requiredApprovals = -1;
    const load = await loadWith(broken);
    expect(load).toThrow(/is not a valid tier policy: /);
    expect(load).toThrow(new RegExp(`tiers\\.${first}\\.requiredApprovals: .*; tiers\\.${second}\\.requiredApprovals`));
  });
});
