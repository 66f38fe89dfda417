import Link from "next/link";
import css from "@/components/notifications/notifications.module.css";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import styles from "@/components/ui/page.module.css";
import { requirePageSession } from "@/lib/server/auth/page-session";
import { getNotificationPreferences, listNotificationTeams } from "@/lib/server/notifications";

export const metadata = { title: "Notifications" };

/** Personal notification preferences, and the teams whose channels the person manages. */
export default async function NotificationSettingsPage() {
  const { actor } = await requirePageSession("/settings/notifications");
  const [preferences, teams] = await Promise.all([getNotificationPreferences(actor), listNotificationTeams(actor)]);
  return (
    <>
      <div className={styles.pageHeader}>
        <h1>Notifications</h1>
      </div>
      <p className={styles.muted}>
        Choose what reaches your inbox. Teams send events to chat and to their own systems through channels (signed
        webhooks and Slack-compatible webhooks), managed per team below.
      </p>
      <div className={css.layout}>
        <PreferencesForm initial={preferences} />
        <section className={css.panel} aria-labelledby="team-channels">
          <h2 id="team-channels">Team channels</h2>
          {teams.length === 0 ? (
            <p className={styles.muted}>You are not a member of any team.</p>
          ) : (
            <ul>
              {teams.map((team) => (
                <li key={team.slug}>
                  <Link href={`/teams/${encodeURIComponent(team.slug)}/notifications`}>{team.name}</Link>{" "}
                  <span className={styles.muted}>({team.slug})</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
