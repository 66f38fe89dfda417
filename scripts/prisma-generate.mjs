// Generates both Prisma clients (SQLite and PostgreSQL). The Prisma CLI would download a native
// schema engine first, which this network refuses; generation does not need it, so point it at /bin/false.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const prismaBin = require.resolve("prisma/build/index.js");
for (const schema of ["prisma/schema.prisma", "prisma/postgresql/schema.prisma"]) {
  execFileSync(process.execPath, [prismaBin, "generate", "--schema", schema], {
    stdio: "pipe",
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
  });
}
console.log("prisma: generated lib/generated/sqlite and lib/generated/pg");
