import "server-only";

/** Background jobs: pg-boss on PostgreSQL, in-process on the embedded SQLite database. */
export { jobIdFor } from "./job-ids";
export { JOB_NAMES } from "./job-names";
export { currentJobRunner, enqueueJob } from "./runtime";
export type { EnqueueOptions, JobContext, JobDefinition, JobRunner } from "./types";
