import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_TIER_POLICY } from "../policy/default-policy";
import { type TableRequest, type TableRequestInput, TableRequestSchema } from "../request/schema";
import { buildDrPreview } from "./build-preview";
import { describeDrDiagram } from "./layout";
import type { DrPreview } from "./types";

/**
 * The preview must never say "Single Region with PITR" or "about 5 minutes (PITR)" above "PITR is
 * off". For every example request, with PITR on and off and AWS Backup on and off, every
 * statement the preview makes (name, summary, objectives, each Region's texts, runbooks, warnings,
 * findings, the diagram's description) must agree with what the request turns on.
 */

const EXAMPLE_DIRS = ["valid", "warnings"].map((d) => path.resolve(__dirname, "../../../examples/requests", d));

function examples(): [string, TableRequestInput][] {
  return EXAMPLE_DIRS.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .map((f): [string, TableRequestInput] => [
        `${path.basename(dir)}/${f}`,
        JSON.parse(readFileSync(path.join(dir, f), "utf8")),
      ]),
  );
}

/** The example with PITR (table and every replica) and AWS Backup switched as asked. */
function variant(input: TableRequestInput, pitr: boolean, backup: boolean): TableRequest {
  const base = TableRequestSchema.parse(input);
  return {
    ...base,
    pointInTimeRecovery: { ...base.pointInTimeRecovery, enabled: pitr },
    regions: {
      ...base.regions,
      replicas: base.regions.replicas.map((r) => ({ ...r, pointInTimeRecovery: pitr })),
    },
    backup: backup
      ? TableRequestSchema.shape.backup.unwrap().parse({ ...(base.backup ?? {}), enabled: true })
      : base.backup
        ? { ...base.backup, enabled: false }
        : undefined,
  };
}

/** Every sentence the preview shows a person, labelled by where it appears. */
function statements(preview: DrPreview): [string, string][] {
  const out: [string, string][] = [
    ["name", preview.name],
    ["summary", preview.summary],
    ["rpo", preview.rpo.value],
    ["rto", preview.rto.value],
    ["diagram description", describeDrDiagram(preview)],
  ];
  for (const r of preview.regions) {
    out.push(
      [`${r.region} holds`, r.holds],
      [`${r.region} rpo`, r.rpo.value],
      [`${r.region} rto`, r.rto.value],
      [`${r.region} failover`, `${r.failover.what} ${r.failover.how}`],
      ...r.failover.runbook.map((s, i): [string, string] => [`${r.region} runbook ${i + 1}`, s]),
      ...r.warnings.map((s, i): [string, string] => [`${r.region} warning ${i + 1}`, s]),
    );
  }
  for (const issue of preview.issues) out.push([`issue ${issue.code}`, issue.message]);
  return out;
}

/** Statements that claim PITR is in use: its name, its restore points, its 5-minute RPO, its restore call. */
const CLAIMS_PITR = [
  /with PITR/i,
  /via PITR/i,
  /\(PITR\)/,
  /PITR restore points/i,
  /point-in-time recovery\./i,
  /restore-table-to-point-in-time/,
  /about 5 minutes/i,
  /re-?appl\w* [^.]*\bPITR\b/i,
];
/** Statements that claim PITR is off. */
const DENIES_PITR = [/PITR is off/i, /PITR and AWS Backup are off/i, /without PITR/i, /PITR off/i];
/** Statements that claim scheduled AWS Backup backups exist. */
const CLAIMS_BACKUP = [/AWS Backup recovery points/i, /scheduled AWS Backup/i, /with AWS Backup/i, /AWS Backup;/];
/** Statements that claim there are no scheduled backups. */
const DENIES_BACKUP = [/AWS Backup are off/i, /nor scheduled backups/i, /or backups\b/i];

const hits = (texts: [string, string][], patterns: RegExp[]) =>
  texts.filter(([, text]) => patterns.some((p) => p.test(text))).map(([where, text]) => `${where}: ${text}`);

describe("DR preview statements agree with the request (every example, PITR and backups on and off)", () => {
  const cases = examples().flatMap(([name, input]) =>
    [true, false].flatMap((pitr) =>
      [true, false].map((backup) => ({
        name: `${name} PITR ${pitr ? "on" : "off"}, backups ${backup ? "on" : "off"}`,
        input,
        pitr,
        backup,
      })),
    ),
  );

  it.each(cases)("$name", ({ input, pitr, backup }) => {
    const request = variant(input, pitr, backup);
    const preview = buildDrPreview(request, DEFAULT_TIER_POLICY);
    const texts = statements(preview);

    if (pitr) expect(hits(texts, DENIES_PITR)).toEqual([]);
    else expect(hits(texts, CLAIMS_PITR)).toEqual([]);
    if (backup) expect(hits(texts, DENIES_BACKUP)).toEqual([]);
    else expect(hits(texts, CLAIMS_BACKUP)).toEqual([]);

    if (preview.pattern === "SINGLE_REGION_PITR") {
      // The name and the objectives say which restore points exist, and only those.
      expect(/PITR/.test(preview.name)).toBe(true);
      expect(preview.name.includes("with PITR")).toBe(pitr);
      expect(preview.name.includes("AWS Backup")).toBe(backup);
      expect(preview.rpo.value.includes("5 minutes")).toBe(pitr);
      if (!pitr && backup) expect(preview.rpo.value).toMatch(/AWS Backup schedule/);
      if (!pitr && !backup) expect(preview.rpo.value).toMatch(/last manual backup/);
    }
    // Each Region's PITR flag is the one its texts describe.
    for (const region of preview.regions) {
      if (region.role === "WITNESS" || region.role === "BACKUP_COPY_TARGET") continue;
      expect(region.pointInTimeRecovery).toBe(pitr);
      expect(region.holds.includes("PITR restore points")).toBe(pitr);
    }
  });

  it("covers every example four times", () => {
    expect(cases.length).toBe(examples().length * 4);
    expect(examples().length).toBeGreaterThanOrEqual(20);
  });
});
