import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const MARKER = "// ---- models (identical in both schemas) ----";

function modelsOf(file: string): string {
  const text = readFileSync(file, "utf8");
  const at = text.indexOf(MARKER);
  if (at < 0) throw new Error(`${file} lacks the models marker`);
  return text.slice(at);
}

describe("Prisma schemas", () => {
  it("SQLite and PostgreSQL schemas declare identical models", () => {
    expect(modelsOf("prisma/postgresql/schema.prisma")).toBe(modelsOf("prisma/schema.prisma"));
  });

  it("every migration folder of one provider has a counterpart of the same name in the other", () => {
    const names = (dir: string) =>
      readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name.replace(/^\d+_/, ""));
    expect(names("prisma/postgresql/migrations")).toEqual(names("prisma/migrations"));
  });
});
