import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EnvSchema, parseEnv } from "../../lib/env";

const example = readFileSync(".env.example", "utf8");
const documented = [...example.matchAll(/^([A-Z][A-Z0-9_]+)=(.*)$/gm)].map(
  (m) => [m[1] as string, m[2] as string] as const,
);

describe(".env.example", () => {
  it("documents every variable the configuration schema reads", () => {
    const names = new Set(documented.map(([name]) => name));
    const keys = Object.keys(EnvSchema.shape);
    expect(keys.length).toBeGreaterThan(20);
    for (const key of keys.filter((k) => k !== "NODE_ENV")) expect(names, key).toContain(key);
  });

  it("is itself a valid configuration", () => {
    expect(parseEnv(Object.fromEntries(documented))).toEqual(expect.objectContaining({ ok: true }));
  });
});
