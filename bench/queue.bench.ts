// The approval queue's data access (lib/server/queue listQueue: the filtered, ordered page, its
// count and its approvals) against the database in DATABASE_URL, as an approver sees it. Run by
// `npm run bench` (scripts/bench.mjs) after it filled PostgreSQL with submitted requests; prints
// one JSON line. Needs the react-server condition (lib/server imports `server-only`):
//   DATABASE_URL=... node --conditions=react-server --import tsx bench/queue.bench.ts
import { type QueueQuery, QueueQuerySchema } from "../lib/api/schemas/queue";
import { getDb } from "../lib/server/db";
import { loadActor } from "../lib/server/load-actor";
import { listQueue } from "../lib/server/queue";
import { type Measurement, measureAsync } from "./lib/measure";

/** Target for every scenario: the queue stays a fast page at any size. */
export const QUEUE_P99_TARGET_MS = 25;

const SCENARIOS: Record<string, Record<string, string>> = {
  "waiting longest (default)": {},
  "needs my decision": { view: "mine" },
  "waiting on others": { view: "others" },
  "prod, over $1,000, over 3 days": { tier: "prod", cost: "gt1000", age: "3" },
  "flag: replaces the table (rare)": { flag: "replacement" },
  "most expensive first": { sort: "cost-desc" },
  "tier, prod first": { sort: "tier" },
};

async function main() {
  const db = await getDb();
  const approver = await db.user.findUniqueOrThrow({ where: { email: process.env.QUEUE_VIEWER ?? "pat@example.com" } });
  const actor = await loadActor(approver.id, { via: "session" }, db);
  if (!actor) throw new Error("no approver");
  const submitted = await db.changeRequest.count({ where: { status: "SUBMITTED" } });
  const iterations = Number(process.env.QUEUE_BENCH_ITERATIONS ?? 200);
  const options = { warmup: 20, iterations };
  const run = (q: QueueQuery) => listQueue(actor, q, { db });
  const results: (Measurement & { shown: number })[] = [];
  for (const [name, values] of Object.entries(SCENARIOS)) {
    const q = QueueQuerySchema.parse(values);
    const shown = (await run(q)).items.length;
    results.push({ ...(await measureAsync(name, () => run(q), options)), shown });
  }
  // A deep page costs what the first does: keyset, not OFFSET.
  let q = QueueQuerySchema.parse({});
  for (let page = 0; page < 20; page++) {
    const next = (await run(q)).nextCursor;
    if (!next) break;
    q = { ...q, cursor: next };
  }
  const shown = (await run(q)).items.length;
  results.push({ ...(await measureAsync("page 21 (cursor)", () => run(q), options)), shown });
  await db.$disconnect();
  process.stdout.write(`${JSON.stringify({ submitted, targetP99Ms: QUEUE_P99_TARGET_MS, results })}\n`);
  // The PostgreSQL pool would keep the process alive for its idle timeout.
  process.exit(0);
}

await main();
