import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeListCursor, encodeListCursor } from "./list-cursor";

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("list cursor", () => {
  it("round-trips, and reads cursors issued before it existed (Buffer base64url)", () => {
    const cursor = { createdAt: "2026-11-22T01:02:03.456Z", id: "cmx8mbyka0000xc7dnen88f3t" };
    expect(decodeListCursor(encodeListCursor(cursor))).toEqual(cursor);
    expect(encodeListCursor(cursor)).toBe(b64([cursor.createdAt, cursor.id]));
  });

  it.each([
    ["not base64", "zzz"],
    ["empty", ""],
    ["not JSON", Buffer.from("nope").toString("base64url")],
    ["not a pair", b64(["2026-01-01T00:00:00Z"])],
    ["a date PostgreSQL cannot hold", b64(["-200000-01-01T00:00:00.000Z", "x"])],
    ["a far-future date", b64(["+275760-09-13T00:00:00.000Z", "x"])],
    ["no date at all", b64(["soon", "x"])],
    ["a number for the id", b64(["2026-01-01T00:00:00Z", 7])],
    ["an id with a NUL", b64(["2026-01-01T00:00:00Z", "a\u0000b"])],
    ["invalid UTF-8", Buffer.from([0x5b, 0xff, 0x5d]).toString("base64url")],
    ["too long", "a".repeat(501)],
  ])("refuses %s", (_name, value) => {
    expect(decodeListCursor(value)).toBeUndefined();
  });

  it("never throws on any text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 600 }), (value) => void decodeListCursor(value)));
  });
});
