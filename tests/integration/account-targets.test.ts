import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountTargetChanged } from "../../lib/domain/accounts/account-target";
import { AppError } from "../../lib/domain/app-error";
import {
  deleteAccountTarget,
  findAccountTarget,
  listAccountNames,
  listAccountTargets,
  saveAccountTarget,
} from "../../lib/server/accounts";
import type { Actor } from "../../lib/server/actor";
import { createChangeRequest, getChangeRequest, transitionChangeRequest } from "../../lib/server/change-requests";
import type { Db } from "../../lib/server/db";
import { makeActor } from "../support/actors";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/test-databases";

// Rendering and the workflow, not AWS: live checks stay off here (aws-assume-role covers STS).
process.env.TABLEWRIGHT_AWS_CHECKS = "off";

const ROLE = "arn:aws:iam::210987654321:role/tablewright";

async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.each(databaseKinds())("account targets on %s", (kind) => {
  let t: TestDatabase;
  let db: Db;
  let admin: Actor;
  let dev: Actor;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    db = t.db;
    admin = await makeActor(db, "ADMIN", ["checkout", "payments"]);
    dev = await makeActor(db, "DEVELOPER", ["checkout"]);
  });
  afterAll(async () => t.drop());

  it("admins save a mapping per scope; saving the same scope again replaces it", async () => {
    const first = await saveAccountTarget(
      admin,
      { team: "checkout", tier: "prod", accountId: "210987654321", roleArn: ROLE },
      db,
    );
    const again = await saveAccountTarget(
      admin,
      { team: "checkout", tier: "prod", accountId: "210987654321", roleArn: `${ROLE}-v2`, externalId: "tw-ext" },
      db,
    );
    expect(again.id).toBe(first.id);
    await saveAccountTarget(
      admin,
      { tier: "prod", accountId: "111122223333", roleArn: "arn:aws:iam::111122223333:role/tw" },
      db,
    );
    const all = await listAccountTargets(db);
    expect(all).toHaveLength(2);
    expect(all.find((x) => x.team === "checkout")).toMatchObject({ roleArn: `${ROLE}-v2`, externalId: "tw-ext" });
    const audit = await db.auditEvent.findMany({ where: { action: "ACCOUNT_TARGET_SAVED" } });
    expect(audit).toHaveLength(3);
  });

  it("resolves the most specific mapping for a team and tier", async () => {
    expect(await findAccountTarget({ team: "checkout", tier: "prod" }, db)).toMatchObject({
      accountId: "210987654321",
    });
    expect(await findAccountTarget({ team: "payments", tier: "prod" }, db)).toMatchObject({
      accountId: "111122223333",
    });
    expect(await findAccountTarget({ team: "checkout", tier: "dev" }, db)).toBeUndefined();
  });

  it("refuses bad input with one field-level issue per broken field", async () => {
    const error = await appError(
      saveAccountTarget(
        admin,
        { team: "checkout", accountId: "12345", roleArn: "arn:aws:iam::123456789012:user/x" },
        db,
      ),
    );
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.issues.map((i) => i.path).sort()).toEqual(["accountId", "roleArn"]);
    const mismatch = await appError(
      saveAccountTarget(admin, { team: "checkout", accountId: "999999999999", roleArn: ROLE }, db),
    );
    expect(mismatch.issues).toEqual([
      expect.objectContaining({ path: "roleArn", message: expect.stringContaining("210987654321") }),
    ]);
    const unknownTeam = await appError(
      saveAccountTarget(admin, { team: "nobody", accountId: "210987654321", roleArn: ROLE }, db),
    );
    expect(unknownTeam.issues).toEqual([expect.objectContaining({ path: "team", code: "TEAM_UNKNOWN" })]);
  });

  it("only admins change mappings", async () => {
    expect(
      (await appError(saveAccountTarget(dev, { tier: "dev", accountId: "210987654321", roleArn: ROLE }, db))).code,
    ).toBe("FORBIDDEN");
    const [target] = await listAccountTargets(db);
    expect((await appError(deleteAccountTarget(dev, target?.id as string, db))).code).toBe("FORBIDDEN");
    expect((await appError(deleteAccountTarget(admin, "no-such-id", db))).code).toBe("NOT_FOUND");
  });

  it("a change request of a mapped team renders a provider that assumes the account's role", async () => {
    const request = JSON.parse(readFileSync("examples/requests/valid/backup-cross-region-copy.json", "utf8"));
    request.owner.team = "checkout";
    request.tableName = `${kind}-mapped-orders`;
    const created = await createChangeRequest(dev, { request }, db);
    const revision = await db.revision.findFirstOrThrow({
      where: { changeRequest: { key: created.key }, number: 1 },
      select: { filesJson: true },
    });
    const text = (JSON.parse(revision.filesJson) as Record<string, string>)["providers.tf"] as string;
    expect(text).toContain(`role_arn    = "${ROLE}-v2"`);
    expect(text).toContain('external_id = "tw-ext"');
    expect(text).toContain('allowed_account_ids = ["210987654321"]');
  });

  it("the revision keeps the mapping it was rendered with; a later remap is told apart from it", async () => {
    const request = JSON.parse(readFileSync("examples/requests/valid/backup-cross-region-copy.json", "utf8"));
    request.owner.team = "checkout";
    request.tableName = `${kind}-snapshot-orders`;
    await saveAccountTarget(
      admin,
      { team: "checkout", tier: "prod", accountId: "210987654321", roleArn: ROLE, name: "checkout-prod" },
      db,
    );
    const created = await createChangeRequest(dev, { request }, db);
    const rendered = (await getChangeRequest(dev, created.key, db)).current;
    expect(rendered.accountRecorded).toBe(true);
    expect(rendered.account).toEqual({ accountId: "210987654321", roleArn: ROLE, name: "checkout-prod" });
    expect(
      accountTargetChanged(rendered.account, await findAccountTarget({ team: "checkout", tier: "prod" }, db)),
    ).toBe(false);

    await saveAccountTarget(
      admin,
      { team: "checkout", tier: "prod", accountId: "444455556666", roleArn: "arn:aws:iam::444455556666:role/tw" },
      db,
    );
    const after = (await getChangeRequest(dev, created.key, db)).current;
    expect(after.account?.accountId).toBe("210987654321");
    expect(accountTargetChanged(after.account, await findAccountTarget({ team: "checkout", tier: "prod" }, db))).toBe(
      true,
    );
    // A request of an unmapped team records the default account (JSON null), not "unknown".
    const other = JSON.parse(readFileSync("examples/requests/valid/backup-cross-region-copy.json", "utf8"));
    other.owner.team = "payments";
    other.tier = "dev";
    other.tableName = `${kind}-default-orders`;
    const plain = await createChangeRequest(admin, { request: other }, db);
    const stored = await getChangeRequest(admin, plain.key, db);
    expect(stored.current).toMatchObject({ accountRecorded: true, account: null });
  });

  it("deleting a mapping falls back to the more general one", async () => {
    const specific = (await listAccountTargets(db)).find((x) => x.team === "checkout");
    await deleteAccountTarget(admin, specific?.id as string, db);
    expect(await findAccountTarget({ team: "checkout", tier: "prod" }, db)).toMatchObject({
      accountId: "111122223333",
    });
  });

  it("a table created through a request carries its mapped account in the inventory", async () => {
    const approver = await makeActor(db, "PLATFORM_APPROVER", ["platform"]);
    await saveAccountTarget(
      admin,
      {
        team: "payments",
        tier: "dev",
        accountId: "777788889999",
        roleArn: "arn:aws:iam::777788889999:role/tw",
        name: "payments-dev",
      },
      db,
    );
    const request = JSON.parse(readFileSync("examples/requests/valid/backup-cross-region-copy.json", "utf8"));
    request.owner.team = "payments";
    request.tier = "dev";
    request.tableName = `${kind}-created-with-account`;
    const created = await createChangeRequest(admin, { request, submit: true }, db);
    await transitionChangeRequest(approver, created.key, "APPROVE", { revisionNumber: 1 }, db);
    expect((await getChangeRequest(admin, created.key, db)).status).toBe("APPROVED");
    const table = await db.managedTable.findFirstOrThrow({
      where: { name: request.tableName },
      select: { account: true },
    });
    expect(table.account).toBe("777788889999");
    expect((await listAccountNames(db))["777788889999"]).toBe("payments-dev");
  });
});
