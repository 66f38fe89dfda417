import { connection } from "next/server";
import { AccountTargetForm } from "@/components/accounts/account-target-form";
import { AccountTargetList } from "@/components/accounts/account-target-list";
import styles from "@/components/ui/page.module.css";
import { listAccountTargets } from "@/lib/server/accounts";
import { requirePageSession } from "@/lib/server/auth/page-session";
import { getDb } from "@/lib/server/db";

export const metadata = { title: "AWS accounts" };

/** Admins map teams and tiers to the AWS account (and role) their tables are created in. */
export default async function AccountsPage() {
  await connection();
  await requirePageSession("/admin/accounts", "admin");
  const db = await getDb();
  const [targets, teams] = await Promise.all([
    listAccountTargets(db),
    db.team.findMany({ select: { slug: true, name: true }, orderBy: { slug: "asc" } }),
  ]);
  return (
    <>
      <div className={styles.pageHeader}>
        <h1>AWS accounts</h1>
      </div>
      <p className={styles.muted}>
        Map a team, a tier, or a team in one tier to the AWS account its tables live in. The module&apos;s provider
        assumes the role you name (and refuses any other account), and Tablewright&apos;s live checks assume the same
        role through STS. The most specific mapping wins; without one, the default credentials&apos; account is used.
      </p>
      <section aria-labelledby="accounts-title">
        <h2 id="accounts-title">Mappings</h2>
        <AccountTargetList targets={targets} />
      </section>
      <AccountTargetForm teams={teams} />
    </>
  );
}
