// Seeds labelled demo data into DATABASE_URL (first run only). `npm start` runs it for the
// embedded database; run it by hand with `npm run db:seed`.
import { resolveDatabaseConfig } from "../lib/database-config.mjs";
import { createDb } from "../lib/server/db";
import { seedDemoData } from "../lib/server/seed-demo-data";

const db = await createDb(resolveDatabaseConfig());
try {
  const { seeded } = await seedDemoData(db);
  console.log(
    seeded ? "seed: demo data added (labelled 'demo' in the UI)" : "seed: demo data already present, skipped",
  );
} finally {
  await db.$disconnect();
}
