import "server-only";
import { recordScheduledRun } from "./record-job-run";
import type { JobContext, JobDefinition } from "./types";

/** Runs one job the same way under either runner: scheduled runs are recorded in JobRun. */
export async function runJob(definition: JobDefinition<object>, data: object, context: JobContext): Promise<void> {
  if (context.scheduledFor) {
    await recordScheduledRun(definition.name, context.scheduledFor, () => definition.handler(data, context));
  } else {
    await definition.handler(data, context);
  }
}
