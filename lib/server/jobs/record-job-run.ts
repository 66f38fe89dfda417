import "server-only";
import { getDb } from "../db";
import { getLogger } from "../logger";
import { instanceName } from "./job-ids";

/**
 * Runs a scheduled job's handler and records the run (instance, tick, outcome) in JobRun, which
 * operators read to see the schedule works, and which the multi-instance test counts. The record
 * is deliberately not unique per tick: running a tick twice must show up, not be hidden.
 */
export async function recordScheduledRun(name: string, scheduledFor: Date, run: () => Promise<unknown>) {
  const db = await getDb();
  const row = await db.jobRun.create({ data: { name, scheduledFor, instance: instanceName() } });
  try {
    const detail = await run();
    await db.jobRun.update({
      where: { id: row.id },
      data: { finishedAt: new Date(), outcome: "ok", detail: typeof detail === "string" ? detail.slice(0, 500) : "" },
    });
  } catch (error) {
    await db.jobRun
      .update({
        where: { id: row.id },
        data: { finishedAt: new Date(), outcome: "failed", detail: String(error).slice(0, 500) },
      })
      .catch(() => undefined);
    getLogger().error({ job: name, err: String(error) }, "jobs: scheduled run failed");
    throw error;
  }
}
