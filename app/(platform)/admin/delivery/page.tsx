import { connection } from "next/server";
import { DeliveryTargetForm } from "@/components/delivery/delivery-target-form";
import { DeliveryTargetList } from "@/components/delivery/delivery-target-list";
import styles from "@/components/ui/page.module.css";
import { requirePageSession } from "@/lib/server/auth/page-session";
import { getDb } from "@/lib/server/db";
import { listDeliveryTargets } from "@/lib/server/delivery";

export const metadata = { title: "Delivery" };

/** Admins choose the git repository each team's or tier's approved modules are published to. */
export default async function DeliveryPage() {
  await connection();
  await requirePageSession("/admin/delivery", "admin");
  const db = await getDb();
  const [targets, teams] = await Promise.all([
    listDeliveryTargets(db),
    db.team.findMany({ select: { slug: true, name: true }, orderBy: { slug: "asc" } }),
  ]);
  return (
    <>
      <div className={styles.pageHeader}>
        <h1>Delivery</h1>
      </div>
      <p className={styles.muted}>
        Publish approved modules to the repository your pipeline applies from. Tablewright pushes the approved
        bundle&apos;s files on a branch <code>tablewright/&lt;request&gt;-r&lt;revision&gt;</code> and opens a pull
        (merge) request on GitHub or GitLab. Credentials are references to an environment variable or a mounted file,
        read when publishing; the database never holds a token. The most specific target wins.
      </p>
      <section aria-labelledby="delivery-title">
        <h2 id="delivery-title">Targets</h2>
        <DeliveryTargetList targets={targets} />
      </section>
      <DeliveryTargetForm teams={teams} />
    </>
  );
}
