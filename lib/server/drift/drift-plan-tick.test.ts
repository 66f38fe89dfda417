import { describe, expect, it } from "vitest";
import { driftJobDefinitions } from "../jobs/definitions";
import { JOB_NAMES } from "../jobs/job-names";
import { driftPlanEveryMinutes } from "./scheduled-drift-checks";

describe("driftPlanEveryMinutes", () => {
  it.each([
    ["unset", undefined, 5],
    ["a tick that divides the hour", "1", 1],
    ["the longest allowed tick", "30", 30],
    // lib/env.ts refuses these at start; the fallback only guards code that runs without it.
    ["a tick that does not divide the hour", "7", 5],
    ["not a number", "soon", 5],
  ])("%s → every %s → %i minutes", (_label, value, minutes) => {
    // ProcessEnv requires NODE_ENV: start from the real one, with only the tick set (or unset).
    const env: NodeJS.ProcessEnv = { ...process.env, TABLEWRIGHT_DRIFT_PLAN_EVERY_MINUTES: value };
    expect(driftPlanEveryMinutes(env)).toBe(minutes);
  });

  it("is the planner's cron, read when the job definitions are built", () => {
    const previous = process.env.TABLEWRIGHT_DRIFT_PLAN_EVERY_MINUTES;
    process.env.TABLEWRIGHT_DRIFT_PLAN_EVERY_MINUTES = "2";
    try {
      const plan = driftJobDefinitions().find((d) => d.name === JOB_NAMES.planDriftChecks);
      expect(plan?.schedule).toBe("*/2 * * * *");
    } finally {
      if (previous === undefined) delete process.env.TABLEWRIGHT_DRIFT_PLAN_EVERY_MINUTES;
      else process.env.TABLEWRIGHT_DRIFT_PLAN_EVERY_MINUTES = previous;
    }
  });
});
