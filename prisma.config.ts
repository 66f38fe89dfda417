import { defineConfig } from "prisma/config";

// One project, two providers: a Prisma schema has exactly one `provider`, so there are two schema
// files with identical models, each with its own migrations folder and generated client.
const isPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");

export default defineConfig({
  schema: isPostgres ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: isPostgres ? "prisma/postgresql/migrations" : "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/tablewright.db" },
});
