import { describe, expect, it } from "vitest";
import { decideOidcAccountLink, isEmailVerified } from "./oidc-account-link";

describe("decideOidcAccountLink", () => {
  it.each([
    [{ subjectLinked: true, emailTaken: true, emailVerified: false }, "subject"],
    [{ subjectLinked: true, emailTaken: false, emailVerified: false }, "subject"],
    [{ subjectLinked: false, emailTaken: false, emailVerified: false }, "new"],
    [{ subjectLinked: false, emailTaken: false, emailVerified: true }, "new"],
    [{ subjectLinked: false, emailTaken: true, emailVerified: true }, "email"],
    // The takeover: an unverified address that belongs to an existing portal user.
    [{ subjectLinked: false, emailTaken: true, emailVerified: false }, "refused"],
  ])("%o -> %s", (input, kind) => {
    expect(decideOidcAccountLink(input).kind).toBe(kind);
  });
});

describe("isEmailVerified", () => {
  it.each([
    [{ email_verified: true }, true],
    [{ email_verified: "true" }, true],
    [{ email_verified: false }, false],
    [{ email_verified: "false" }, false],
    [{ email_verified: 1 }, false],
    [{}, false],
  ])("%o -> %s", (claims, verified) => {
    expect(isEmailVerified(claims)).toBe(verified);
  });
});
