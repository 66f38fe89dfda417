import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AccountTarget,
  AccountTargetInputSchema,
  accountIdOfRoleArn,
  accountTargetChanged,
  describeAccount,
  describeAccountScope,
  resolveAccountTarget,
} from "./account-target";

const ARN = "arn:aws:iam::123456789012:role/tablewright";

function issuesOf(input: unknown): { path: string; message: string }[] {
  const parsed = AccountTargetInputSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("AccountTargetInputSchema: field-level errors", () => {
  it.each([
    [{ team: "checkout", accountId: "123456789012", roleArn: ARN }, []],
    [{ tier: "prod", accountId: "123456789012", roleArn: ARN, externalId: "tw-prod" }, []],
    [
      {
        team: "checkout",
        tier: "dev",
        accountId: "000000000001",
        roleArn: "arn:aws:iam::000000000001:role/ops/dynamo/tw",
      },
      [],
    ],
    [{ team: "checkout", accountId: "12345678901", roleArn: ARN }, [["accountId", "12-digit"]]],
    [{ team: "checkout", accountId: "1234567890123", roleArn: ARN }, [["accountId", "12-digit"]]],
    [{ team: "checkout", accountId: "12345678901a", roleArn: ARN }, [["accountId", "12-digit"]]],
    [
      { team: "checkout", accountId: "123456789012", roleArn: "arn:aws:iam::123456789012:user/alice" },
      [["roleArn", "IAM role ARN"]],
    ],
    [
      { team: "checkout", accountId: "123456789012", roleArn: "arn:aws:iam:us-east-1:123456789012:role/x" },
      [["roleArn", "IAM role ARN"]],
    ],
    [
      { team: "checkout", accountId: "123456789012", roleArn: "arn:aws:iam::123456789012:role/" },
      [["roleArn", "IAM role ARN"]],
    ],
    [
      { team: "checkout", accountId: "123456789012", roleArn: `arn:aws:iam::123456789012:role/${"r".repeat(65)}` },
      [["roleArn", "IAM role ARN"]],
    ],
    [
      { team: "checkout", accountId: "210987654321", roleArn: ARN },
      [["roleArn", "belongs to account 123456789012, not to 210987654321"]],
    ],
    [{ accountId: "123456789012", roleArn: ARN }, [["team", "name a team, a tier, or both"]]],
    [{ team: "Checkout!", accountId: "123456789012", roleArn: ARN }, [["team", "team slug"]]],
    [{ tier: "qa", accountId: "123456789012", roleArn: ARN }, [["tier", ""]]],
    [{ team: "checkout", accountId: "123456789012", roleArn: ARN, externalId: "x" }, [["externalId", "2-1224"]]],
    [{ team: "checkout", accountId: "123456789012", roleArn: ARN, region: "us-east-1" }, [["", "region"]]],
  ])("%j", (input, expected) => {
    const issues = issuesOf(input);
    expect(issues.map((i) => i.path)).toEqual(expected.map(([path]) => path));
    issues.forEach((issue, i) => {
      expect(issue.message).toContain((expected[i] as string[])[1]);
    });
  });

  it("reads the account out of a role ARN in every partition", () => {
    expect(accountIdOfRoleArn(ARN)).toBe("123456789012");
    expect(accountIdOfRoleArn("arn:aws-us-gov:iam::000011112222:role/a/b/c")).toBe("000011112222");
    expect(accountIdOfRoleArn("arn:aws:sts::123456789012:assumed-role/x/y")).toBeUndefined();
  });

  it("never throws: any input gets a result or field-level issues", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const parsed = AccountTargetInputSchema.safeParse(input);
        if (!parsed.success) expect(parsed.error.issues.length).toBeGreaterThan(0);
      }),
    );
  });
});

const target = (id: string, team: string | null, tier: "dev" | "staging" | "prod" | null): AccountTarget => ({
  id,
  team,
  tier,
  accountId: "123456789012",
  roleArn: ARN,
});

describe("resolveAccountTarget: the most specific mapping wins", () => {
  const targets = [
    target("prod", null, "prod"),
    target("checkout", "checkout", null),
    target("checkout-prod", "checkout", "prod"),
  ];
  it.each([
    ["checkout", "prod", "checkout-prod"],
    ["checkout", "dev", "checkout"],
    ["payments", "prod", "prod"],
    ["payments", "dev", undefined],
  ])("team %s in %s -> %s", (team, tier, expected) => {
    expect(resolveAccountTarget(targets, { team, tier })?.id).toBe(expected);
  });

  it("does not depend on the order of the mappings", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(targets, { minLength: 3, maxLength: 3 }), (shuffled) => {
        expect(resolveAccountTarget(shuffled, { team: "checkout", tier: "prod" })?.id).toBe("checkout-prod");
      }),
    );
  });

  it("describes its scope in words", () => {
    expect(describeAccountScope({ team: null, tier: "prod" })).toBe("every team in prod");
    expect(describeAccountScope({ team: "checkout", tier: null })).toBe("team checkout in every tier");
  });
});

describe("describeAccount and accountTargetChanged", () => {
  const a = { accountId: "111122223333", roleArn: "arn:aws:iam::111122223333:role/a" };
  it.each([
    [a, a, false],
    [{ ...a, name: "old name" }, { ...a, name: "new name" }, false],
    [a, { ...a, accountId: "444455556666" }, true],
    [a, { ...a, roleArn: "arn:aws:iam::111122223333:role/b" }, true],
    [a, { ...a, externalId: "x1" }, true],
    [a, null, true],
    [null, a, true],
    [null, null, false],
  ])("%o then %o: changed %s", (before, after, changed) => {
    expect(accountTargetChanged(before, after)).toBe(changed);
  });
  it("names the account when it has a name", () => {
    expect(describeAccount(a)).toBe("111122223333");
    expect(describeAccount({ ...a, name: "checkout-prod" })).toBe("111122223333 (checkout-prod)");
  });
});
