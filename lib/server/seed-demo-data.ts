import "server-only";
import activePassive from "../../examples/requests/valid/active-passive-standby.json";
import basicDev from "../../examples/requests/valid/basic-dev.json";
import global3Region from "../../examples/requests/valid/global-3-region-cmk.json";
import lsiTable from "../../examples/requests/valid/lsi-table.json";
import mrscWitness from "../../examples/requests/valid/mrsc-witness.json";
import prodWithGsis from "../../examples/requests/valid/prod-with-gsis.json";
import type { Actor } from "./actor";
import { hashPassword } from "./auth/password";
import { addComment, addRevision, createChangeRequest, transitionChangeRequest } from "./change-requests";
import type { Db } from "./db";
import { DEMO_ACCOUNTS } from "./demo-accounts";
import { loadActor } from "./load-actor";
import { loadTierPolicy } from "./policy";

const DEMO_SEED_FLAG = "demo-seed";

const DEMO_TEAMS = [
  ["checkout", "Checkout"],
  ["payments", "Payments"],
  ["identity", "Identity"],
  ["orders", "Orders"],
  ["billing", "Billing"],
  ["platform", "Platform engineering"],
] as const;

type Example = { owner: Record<string, unknown>; tableName: string } & Record<string, unknown>;

/** An example request re-owned by a demo account (examples name their own people). */
function asDemo(example: unknown, requester: string, changes: Partial<Example> = {}): Example {
  const copy = structuredClone(example) as Example;
  return { ...copy, ...changes, owner: { ...copy.owner, requester, ...(changes.owner ?? {}) } };
}

async function seedPeople(db: Db): Promise<Record<string, Actor>> {
  const teamIds: Record<string, string> = {};
  for (const [slug, name] of DEMO_TEAMS) {
    const team = await db.team.upsert({ where: { slug }, create: { slug, name, isDemo: true }, update: {} });
    teamIds[slug] = team.id;
  }
  const actors: Record<string, Actor> = {};
  for (const account of DEMO_ACCOUNTS) {
    const user = await db.user.upsert({
      where: { email: account.email },
      create: {
        email: account.email,
        name: account.name,
        role: account.role,
        passwordHash: await hashPassword(account.password),
        isDemo: true,
        memberships: { create: account.teams.map((slug) => ({ teamId: teamIds[slug] as string })) },
      },
      update: {},
    });
    const actor = await loadActor(user.id, { via: "system", clientAddress: "demo-seed" }, db);
    if (actor) actors[account.email] = { ...actor, via: "session", userAgent: "tablewright demo seed" };
  }
  return actors;
}

/**
 * Seeds labelled demo data the first time the embedded portal starts, and never again (a flag in
 * the Setting table remembers it, so deleting the demo rows does not bring them back). The requests
 * go through the real workflow functions, so their revisions, bundles and audit trails are genuine.
 */
export async function seedDemoData(db: Db): Promise<{ seeded: boolean }> {
  const done = await db.setting.findUnique({ where: { key: DEMO_SEED_FLAG } });
  if (done) return { seeded: false };
  const people = await seedPeople(db);
  const dana = people["dana@example.com"] as Actor;
  const omar = people["omar@example.com"] as Actor;
  const pat = people["pat@example.com"] as Actor;
  const quinn = people["quinn@example.com"] as Actor;
  const keys: string[] = [];
  const create = async (actor: Actor, request: Example, title: string, submit: boolean) => {
    const cr = await createChangeRequest(actor, { request, title, submit }, db);
    keys.push(cr.key);
    return cr;
  };

  // Draft.
  await create(dana, asDemo(basicDev, dana.email), "Shopping carts for the dev environment", false);

  // Submitted, waiting for its two prod approvals. Multi-Region strong consistency needs
  // hashicorp/aws 6: a platform that targets 5.x refuses it at submit, so its demo goes without.
  if (loadTierPolicy().awsProviderMajor !== 5) {
    await create(dana, asDemo(mrscWitness, dana.email), "Ledger entries with zero RPO (MRSC + witness)", true);
  }

  // Approved by two platform engineers (prod needs two).
  const approved = await create(omar, asDemo(prodWithGsis, omar.email), "Orders table for the storefront", true);
  await transitionChangeRequest(pat, approved.key, "APPROVE", { revisionNumber: 1 }, db);
  await addComment(quinn, approved.key, "Capacity and alarms look right. Second approval.", db);
  await transitionChangeRequest(quinn, approved.key, "APPROVE", { revisionNumber: 1 }, db);

  // Changes requested, then revised: revision 2 is back in review, with a diff to look at.
  const revised = await create(omar, asDemo(activePassive, omar.email), "Invoices with a warm standby", true);
  await transitionChangeRequest(
    pat,
    revised.key,
    "REQUEST_CHANGES",
    {
      reason: "Please keep PITR on the standby replica too, so a failover keeps the restore window.",
    },
    db,
  );
  const edited = asDemo(activePassive, omar.email);
  (edited.regions as { replicas: { pointInTimeRecovery?: boolean }[] }).replicas[0] = {
    ...(edited.regions as { replicas: object[] }).replicas[0],
    pointInTimeRecovery: true,
  };
  await addRevision(omar, revised.key, { request: edited }, db);

  // Still waiting on changes.
  const changes = await create(
    dana,
    asDemo(lsiTable, dana.email, { owner: { team: "payments" } }),
    "Payment threads (staging)",
    true,
  );
  await transitionChangeRequest(
    quinn,
    changes.key,
    "REQUEST_CHANGES",
    {
      reason: "Staging tables need the CostCenter tag of the payments team, not the messaging one.",
    },
    db,
  );

  // Rejected with a reason.
  const rejected = await create(dana, asDemo(global3Region, dana.email), "Global sessions in three Regions", true);
  await transitionChangeRequest(
    quinn,
    rejected.key,
    "REJECT",
    {
      reason: "Sessions do not need three Regions; use one Region with a cross-Region backup copy.",
    },
    db,
  );

  // Withdrawn by its requester.
  const withdrawn = await create(
    dana,
    asDemo(basicDev, dana.email, { tableName: "carts-experiment" }),
    "Carts experiment",
    false,
  );
  await transitionChangeRequest(dana, withdrawn.key, "WITHDRAW", {}, db);

  await db.changeRequest.updateMany({ where: { key: { in: keys } }, data: { isDemo: true } });
  // Demo history is not news: its events stay in the outbox as dispatched, so nobody is mailed
  // about them when the portal first starts (with e-mail configured or not).
  const demoRequests = await db.changeRequest.findMany({ where: { key: { in: keys } }, select: { id: true } });
  await db.notificationEvent.updateMany({
    where: { changeRequestId: { in: demoRequests.map((r) => r.id) }, dispatchedAt: null },
    data: { dispatchedAt: new Date() },
  });
  // The approved demo request added its table to the inventory: label it as demo data too.
  await db.managedTable.updateMany({ where: { definedByRequestKey: { in: keys } }, data: { isDemo: true } });
  await db.setting.create({ data: { key: DEMO_SEED_FLAG, value: new Date().toISOString() } });
  return { seeded: true };
}
