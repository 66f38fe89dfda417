import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

// docker compose cannot run here (no Docker engine), so keep the file honest by reading it.
const compose = parse(readFileSync("docker-compose.yml", "utf8"));
const readme = readFileSync("README.md", "utf8");

describe("docker-compose.yml", () => {
  it("has the app, PostgreSQL, DynamoDB Local and a one-shot migration service", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["app", "dynamodb-local", "migrate", "postgres"]);
    expect(compose.services["dynamodb-local"].image).toMatch(/^amazon\/dynamodb-local/);
    expect(compose.services.postgres.image).toMatch(/^postgres:/);
  });

  it("points the app and the migration at the compose PostgreSQL with the credentials it creates", () => {
    const { POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB } = compose.services.postgres.environment;
    const expected = `postgresql://${POSTGRES_USER}:${POSTGRES_PASSWORD}@postgres:5432/${POSTGRES_DB}`;
    expect(compose.services.app.environment.DATABASE_URL).toBe(expected);
    expect(compose.services.migrate.environment.DATABASE_URL).toBe(expected);
  });

  it("starts the app only after the migration finished, and exposes the port the README names", () => {
    expect(compose.services.app.depends_on.migrate.condition).toBe("service_completed_successfully");
    expect(compose.services.app.ports).toContain("3000:3000");
    expect(readme).toContain("docker compose up");
    expect(readme).toContain("http://localhost:3000");
  });

  it("documents every app environment variable in the README", () => {
    for (const name of Object.keys(compose.services.app.environment)) {
      expect(readme, `README should mention ${name}`).toContain(name);
    }
  });

  it("the app points the DynamoDB endpoint at the DynamoDB Local service", () => {
    expect(compose.services.app.environment.DYNAMODB_ENDPOINT).toBe("http://dynamodb-local:8000");
  });
});
