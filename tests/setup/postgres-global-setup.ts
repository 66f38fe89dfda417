import type { TestProject } from "vitest/node";
// @ts-expect-error plain JS helper shared with the scripts
import { isPostgresInstalled, startThrowawayPostgres } from "../../scripts/lib/throwaway-postgres.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string | undefined;
  }
}

/**
 * Integration tests run on SQLite always, and on PostgreSQL when TEST_POSTGRES_URL is set (CI) or
 * when PostgreSQL is installed here (a throwaway cluster is started). Which ones ran is printed.
 */
export default async function setup(project: TestProject) {
  let url = process.env.TEST_POSTGRES_URL;
  let stop: (() => void) | undefined;
  if (!url && process.env.TEST_POSTGRES !== "off" && isPostgresInstalled()) {
    const pg = await startThrowawayPostgres({ database: "tablewright_test" });
    url = pg.url;
    stop = pg.destroy;
  }
  console.log(
    url
      ? `integration: data-layer tests run on SQLite and PostgreSQL (${url.replace(/\/\/[^@]*@/, "//")})`
      : "integration: data-layer tests run on SQLite only (PostgreSQL not installed and TEST_POSTGRES_URL not set)",
  );
  project.provide("postgresUrl", url);
  return () => stop?.();
}
