import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { analyzeTableRequest } from "@/lib/domain/analyze-request";
import { DEFAULT_TIER_POLICY } from "@/lib/domain/policy/default-policy";
import { type TableRequest, type TableRequestInput, TableRequestSchema } from "@/lib/domain/request/schema";
import { validateTableRequest } from "@/lib/domain/validation";
import { fromTableRequest, initialFormValues } from "./form-defaults";
import { toTableRequest } from "./to-table-request";

const VALID_DIR = path.resolve(__dirname, "../../examples/requests/valid");
const EXAMPLES = readdirSync(VALID_DIR).map((file) => ({
  file,
  request: JSON.parse(readFileSync(path.join(VALID_DIR, file), "utf8")) as TableRequestInput,
}));
const policy = DEFAULT_TIER_POLICY;
const blank = initialFormValues({ teams: ["payments"], requesterEmail: "dev@example.com" }, policy);

/** Loading a request into the form and saving it straight away, as revise and clone do. */
const roundTrip = (request: TableRequestInput) => toTableRequest(fromTableRequest(request, blank));
const withDefaults = (request: unknown): TableRequest => TableRequestSchema.parse(request);

// Fields a valid request can never hold: the pinned AWS provider cannot set them (the engine
// refuses them with PROVIDER_* errors), so the form has no control for them.
const NEVER_VALID = new Set([
  "regions.replicas[].readCapacityOverride",
  "regions.replicas[].maxReadRequestUnitsOverride",
]);

/** Every leaf field the request schema defines, as `a.b[].c`. */
function schemaLeaves(): string[] {
  const schema = z.toJSONSchema(TableRequestSchema, { io: "input" }) as Record<string, unknown> & {
    $defs: Record<string, unknown>;
  };
  const out: string[] = [];
  const walk = (node: Record<string, unknown>, at: string) => {
    if (typeof node.$ref === "string") return walk(schema.$defs[node.$ref.replace("#/$defs/", "")] as never, at);
    for (const key of ["anyOf", "oneOf"]) {
      if (Array.isArray(node[key])) for (const option of node[key]) walk(option, at);
    }
    if (node.type === "array") return walk(node.items as never, `${at}[]`);
    if (node.type === "object" && node.properties) {
      for (const [name, child] of Object.entries(node.properties as Record<string, never>)) {
        walk(child, at ? `${at}.${name}` : name);
      }
      return;
    }
    // A record (tags): its values are the leaves.
    if (node.type === "object" && typeof node.additionalProperties === "object") return void out.push(`${at}.*`);
    if (!node.anyOf && !node.oneOf) out.push(at);
  };
  walk(schema as never, "");
  return [...new Set(out)].sort();
}

/** The leaf fields a request actually sets, in the same notation. */
function requestLeaves(value: unknown, at = "", out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) requestLeaves(item, `${at}[]`, out);
  else if (value !== null && typeof value === "object") {
    // Records keyed by the user (tag keys, Region codes) are one leaf each in the schema.
    if (at === "tags" || at === "workload.readsPerSecondByRegion") out.add(`${at}.*`);
    else for (const [key, item] of Object.entries(value)) requestLeaves(item, at ? `${at}.${key}` : key, out);
  } else out.add(at);
  return out;
}

const capArb = fc.oneof(fc.constant(-1), fc.integer({ min: 1, max: 40_000 }));
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** Warm throughput at or above AWS's starting values, one side or both. */
const warmArb = fc.oneof(
  fc.record({ readUnitsPerSecond: fc.constantFrom(12_000, 30_000) }),
  fc.record({ writeUnitsPerSecond: fc.constantFrom(4_000, 10_000) }),
  fc.record({
    readUnitsPerSecond: fc.constantFrom(12_000, 30_000),
    writeUnitsPerSecond: fc.constantFrom(4_000, 10_000),
  }),
);

/**
 * A valid request built from an example by setting the optional fields the examples leave out
 * (on-demand caps per index, replica settings, switched-off sections, a stated DR pattern, stream
 * reads, extra tags). Invalid combinations are dropped, so every sample is a request the engine
 * accepts.
 */
const validRequestArb = fc
  .record({
    example: fc.constantFrom(...EXAMPLES.map((e) => e.request)),
    gsiCaps: fc.array(fc.record({ read: optional(capArb), write: optional(capArb) }), { maxLength: 5 }),
    gsiInsights: fc.boolean(),
    tableWarm: optional(warmArb),
    gsiWarm: optional(warmArb),
    tableCaps: fc.record({ read: optional(capArb), write: optional(capArb) }),
    replica: fc.record({
      propagateTags: optional(fc.boolean()),
      sameTableClass: fc.boolean(),
      pointInTimeRecovery: optional(fc.boolean()),
      deletionProtection: optional(fc.boolean()),
    }),
    ttl: fc.constantFrom("keep", "off", "on"),
    stream: fc.constantFrom("keep", "off"),
    backupOff: fc.boolean(),
    alarmsOff: fc.boolean(),
    stateDrPattern: fc.boolean(),
    workload: optional(
      fc.record({
        readsPerSecond: fc.integer({ min: 0, max: 50_000 }),
        writesPerSecond: fc.integer({ min: 0, max: 5_000 }),
        itemSizeBytes: fc.integer({ min: 1, max: 400_000 }),
        storageGb: optional(fc.integer({ min: 0, max: 10_000 })),
        itemCount: optional(fc.integer({ min: 0, max: 1_000_000_000 })),
        readConsistencyMix: optional(
          fc.constantFrom(
            { eventual: 50, strong: 30, transactional: 20 },
            { eventual: 100, strong: 0, transactional: 0 },
          ),
        ),
        peakReadsPerSecond: optional(fc.integer({ min: 0, max: 100_000 })),
        peakWritesPerSecond: optional(fc.integer({ min: 0, max: 10_000 })),
        monthlyGrowthGb: optional(fc.integer({ min: 0, max: 100 })),
        streamReadsPerSecond: optional(fc.integer({ min: 0, max: 1_000 })),
        readConsistency: fc.constantFrom("EVENTUAL", "STRONG", "TRANSACTIONAL"),
        writeMode: fc.constantFrom("STANDARD", "TRANSACTIONAL"),
      }),
    ),
    readsInPrimary: fc.boolean(),
    extraTag: optional(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,10}$/)),
  })
  .map((choice) => {
    const r = structuredClone(choice.example) as TableRequestInput;
    const onDemand = r.billing.mode === "PAY_PER_REQUEST";
    const caps = (c: { read?: number; write?: number }) =>
      c.read === undefined && c.write === undefined
        ? undefined
        : {
            ...(c.read !== undefined ? { maxReadRequestUnits: c.read } : {}),
            ...(c.write !== undefined ? { maxWriteRequestUnits: c.write } : {}),
          };
    if (onDemand && r.billing.mode === "PAY_PER_REQUEST") {
      const table = caps(choice.tableCaps);
      if (table) r.billing.onDemandThroughput = table;
      (r.globalSecondaryIndexes ?? []).forEach((gsi, i) => {
        const own = caps(choice.gsiCaps[i] ?? {});
        if (own) gsi.onDemandThroughput = own;
      });
    }
    const firstGsi = r.globalSecondaryIndexes?.[0];
    if (firstGsi && choice.gsiInsights) firstGsi.contributorInsights = !firstGsi.contributorInsights;
    if (choice.tableWarm) r.warmThroughput = choice.tableWarm;
    if (firstGsi && choice.gsiWarm) firstGsi.warmThroughput = choice.gsiWarm;
    for (const replica of r.regions.replicas ?? []) {
      if (choice.replica.propagateTags !== undefined) replica.propagateTags = choice.replica.propagateTags;
      if (choice.replica.sameTableClass) replica.tableClass = r.tableClass ?? "STANDARD";
      if (choice.replica.pointInTimeRecovery !== undefined)
        replica.pointInTimeRecovery = choice.replica.pointInTimeRecovery;
      if (choice.replica.deletionProtection !== undefined)
        replica.deletionProtection = choice.replica.deletionProtection;
    }
    if (choice.ttl === "off") r.ttl = { enabled: false, attributeName: r.ttl?.attributeName ?? "gone" };
    if (choice.ttl === "on" && !r.ttl) r.ttl = { enabled: true, attributeName: "expiresAt" };
    if (choice.stream === "off" && !r.stream) r.stream = { enabled: false, hasConsumer: false };
    if (choice.backupOff && r.backup) r.backup = { ...r.backup, enabled: false };
    if (choice.alarmsOff && r.alarms) r.alarms = { ...r.alarms, enabled: false };
    if (choice.workload) {
      const w: Record<string, unknown> = Object.fromEntries(
        Object.entries(choice.workload).filter(([, v]) => v !== undefined),
      );
      // Reads named per Region: all of them in the primary Region.
      if (choice.readsInPrimary) w.readsPerSecondByRegion = { [r.regions.primary]: choice.workload.readsPerSecond };
      r.workload = w as unknown as TableRequestInput["workload"];
    }
    if (choice.extraTag && !(choice.extraTag in (r.tags ?? {}))) r.tags = { ...r.tags, [choice.extraTag]: "x" };
    if (choice.stateDrPattern) {
      const pattern = analyzeTableRequest(r, { policy, render: false }).drPreview?.pattern;
      if (pattern) r.drPattern = pattern;
    }
    return r;
  })
  .filter((r) => validateTableRequest(r, policy).valid);

describe("form round trip: fromTableRequest then toTableRequest", () => {
  it.each(EXAMPLES)("keeps every field of $file", ({ request }) => {
    expect(validateTableRequest(request, policy).valid).toBe(true);
    expect(withDefaults(roundTrip(request))).toEqual(withDefaults(request));
  });

  it("keeps every field of generated valid requests", () => {
    fc.assert(
      fc.property(validRequestArb, (request) => {
        expect(withDefaults(roundTrip(request))).toEqual(withDefaults(request));
      }),
      { numRuns: 300 },
    );
  });

  it("the samples and examples together set every field of the request schema", () => {
    // Without this, a field added to the schema could be dropped by the form and no sample would show it.
    const seen = new Set<string>();
    for (const { request } of EXAMPLES) requestLeaves(request, "", seen);
    fc.assert(
      fc.property(validRequestArb, (request) => {
        requestLeaves(request, "", seen);
      }),
      { numRuns: 400, seed: 17 },
    );
    const missing = schemaLeaves().filter((leaf) => !seen.has(leaf) && !NEVER_VALID.has(leaf));
    expect(missing).toEqual([]);
  });
});
