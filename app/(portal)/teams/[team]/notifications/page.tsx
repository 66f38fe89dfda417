import Link from "next/link";
import { redirect } from "next/navigation";
import { DeliveryLog } from "@/components/notifications/delivery-log";
import css from "@/components/notifications/notifications.module.css";
import { WebhookCreateForm } from "@/components/notifications/webhook-create-form";
import { WebhookList } from "@/components/notifications/webhook-list";
import styles from "@/components/ui/page.module.css";
import { requirePageSession } from "@/lib/server/auth/page-session";
import { findNotificationTeam, listWebhookDeliveries, listWebhooks } from "@/lib/server/notifications";

export const metadata = { title: "Team notifications" };

/** A team's channels (signed webhooks, Slack-compatible), their subscriptions and delivery log. */
export default async function TeamNotificationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string }>;
  searchParams: Promise<{ webhook?: string }>;
}) {
  const { team: slug } = await params;
  const { webhook } = await searchParams;
  const path = `/teams/${encodeURIComponent(slug)}/notifications`;
  const { actor } = await requirePageSession(path);
  const team = await findNotificationTeam(actor, slug);
  if (!team) redirect(`/forbidden?need=${encodeURIComponent(`membership of team ${slug}`)}`);
  const webhooks = await listWebhooks(actor, { team: team.slug });
  const selected = webhooks.find((w) => w.id === webhook) ?? webhooks[0];
  const deliveries = selected ? await listWebhookDeliveries(actor, selected.id, { limit: 50 }) : [];
  return (
    <>
      <div className={styles.pageHeader}>
        <h1>Notifications of {team.name}</h1>
        <Link href="/settings/notifications">Your e-mail preferences</Link>
      </div>
      <div className={css.layout}>
        <div className={css.stack}>
          <section className={css.panel} aria-labelledby="channels-title">
            <h2 id="channels-title">Channels</h2>
            <WebhookList webhooks={webhooks} team={team.slug} selected={selected?.id} />
          </section>
          {selected && (
            <section className={css.panel} aria-labelledby="log-title">
              <h2 id="log-title">
                Delivery log: <span className={css.url}>{selected.url}</span>
              </h2>
              <DeliveryLog webhookId={selected.id} deliveries={deliveries} />
            </section>
          )}
        </div>
        <WebhookCreateForm team={team.slug} />
      </div>
    </>
  );
}
