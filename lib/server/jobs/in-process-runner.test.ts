import { describe, expect, it } from "vitest";
import { startInProcessRunner } from "./in-process-runner";
import { jobIdFor } from "./job-ids";
import { nextTickAfter, tickAtOrBefore } from "./schedule-tick";
import type { JobDefinition } from "./types";

const until = async (condition: () => boolean, timeoutMs = 5_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
};

function job(overrides: Partial<JobDefinition<{ n?: number }>> & Pick<JobDefinition<{ n?: number }>, "handler">) {
  return {
    name: "test.job",
    concurrency: 1,
    retryLimit: 2,
    retryDelaySeconds: 0.05,
    expireInSeconds: 5,
    ...overrides,
  } as JobDefinition<object>;
}

describe("the in-process job runner (embedded mode)", () => {
  it("runs a job once per id: sending the same id again while it is known does nothing", async () => {
    const seen: number[] = [];
    const runner = startInProcessRunner([job({ handler: async ({ n }) => void seen.push(n ?? 0) })], true);
    await runner.send("test.job", { n: 1 }, { id: jobIdFor("a") });
    await runner.send("test.job", { n: 2 }, { id: jobIdFor("a") });
    await runner.send("test.job", { n: 3 }, { id: jobIdFor("b") });
    await until(() => seen.length === 2);
    await runner.send("test.job", { n: 4 }, { id: jobIdFor("a") });
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual([1, 3]);
    await runner.stop(1_000);
  });

  it("retries a failing handler with back-off up to its limit", async () => {
    const attempts: number[] = [];
    const runner = startInProcessRunner(
      [
        job({
          handler: async (_data, context) => {
            attempts.push(context.retryCount);
            if (context.retryCount < 2) throw new Error("not yet");
          },
        }),
      ],
      true,
    );
    await runner.send("test.job", {});
    await until(() => attempts.length === 3);
    expect(attempts).toEqual([0, 1, 2]);
    await runner.stop(1_000);
  });

  it("honours startAfter and concurrency", async () => {
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    const runner = startInProcessRunner(
      [
        job({
          concurrency: 2,
          handler: async ({ n }) => {
            running++;
            peak = Math.max(peak, running);
            await new Promise((r) => setTimeout(r, 30));
            running--;
            done.push(n ?? 0);
          },
        }),
      ],
      true,
    );
    const started = Date.now();
    await runner.send("test.job", { n: 9 }, { startAfter: new Date(started + 200) });
    for (const n of [1, 2, 3, 4]) await runner.send("test.job", { n });
    await until(() => done.length === 5);
    expect(done.at(-1)).toBe(9);
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(peak).toBe(2);
    await runner.stop(1_000);
  });

  it("only enqueues when this instance is not a worker", async () => {
    let ran = false;
    const runner = startInProcessRunner(
      [
        job({
          handler: async () => {
            ran = true;
          },
        }),
      ],
      false,
    );
    await runner.send("test.job", {});
    await new Promise((r) => setTimeout(r, 100));
    expect(ran).toBe(false);
    await runner.stop(100);
  });
});

describe("schedule ticks", () => {
  it.each([
    ["* * * * *", "2026-12-01T10:00:00.000Z", "2026-12-01T10:00:00.000Z"],
    ["* * * * *", "2026-12-01T10:00:29.500Z", "2026-12-01T10:00:00.000Z"],
    ["0 * * * *", "2026-12-01T10:59:59.000Z", "2026-12-01T10:00:00.000Z"],
    ["17 3 * * *", "2026-12-02T03:16:00.000Z", "2026-12-01T03:17:00.000Z"],
  ])("%s at %s belongs to the tick %s", (cron, at, tick) => {
    expect(tickAtOrBefore(cron, new Date(at)).toISOString()).toBe(tick);
  });

  it("the next tick is strictly later", () => {
    expect(nextTickAfter("* * * * *", new Date("2026-12-01T10:00:00.000Z")).toISOString()).toBe(
      "2026-12-01T10:01:00.000Z",
    );
  });

  it("derives stable, distinct UUIDs from names", () => {
    expect(jobIdFor("deliver:msg_1:0")).toBe(jobIdFor("deliver:msg_1:0"));
    expect(jobIdFor("deliver:msg_1:0")).not.toBe(jobIdFor("deliver:msg_1:1"));
    expect(jobIdFor("x")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
