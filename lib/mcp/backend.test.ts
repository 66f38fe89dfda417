import { describe, expect, it } from "vitest";
import { submitResultOf } from "./backend";

describe("submitResultOf", () => {
  it("keeps the created request's key, status, version and revision, and links its page", () => {
    const created = { key: "TW-7", status: "SUBMITTED", version: 2, currentRevision: 1, title: "not passed on" };
    expect(submitResultOf(created, (key) => `https://portal.example/requests/${key}`, true)).toEqual({
      key: "TW-7",
      status: "SUBMITTED",
      version: 2,
      currentRevision: 1,
      url: "https://portal.example/requests/TW-7",
      replayed: true,
    });
  });
});
