import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Button, buttonClassName } from "@/components/ui/button";
import { Input } from "@/components/ui/form-controls";
import styles from "@/components/ui/page.module.css";
import { ROLE_LABELS } from "@/lib/domain/auth";
import { authMode } from "@/lib/server/auth/auth-mode";
import { getPageSession } from "@/lib/server/auth/page-session";
import { getDb } from "@/lib/server/db";
import { DEMO_ACCOUNTS } from "@/lib/server/demo-accounts";

export const metadata: Metadata = { title: "Sign in" };

/** Sign-in: single sign-on when configured, else the local demo accounts (embedded mode). */
export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const returnTo = params.returnTo?.startsWith("/") && !params.returnTo.startsWith("//") ? params.returnTo : "/";
  if (await getPageSession()) redirect(returnTo);
  const mode = authMode();
  // Only list the demo accounts when the demo seed created them in this database.
  const demoUsers = mode.kind === "local" ? await (await getDb()).user.count({ where: { isDemo: true } }) : 0;
  return (
    <div className={`${styles.card} ${styles.narrow}`}>
      <h1>Sign in to Tablewright</h1>
      {params.error && (
        <p role="alert" className={styles.error}>
          {params.error}
        </p>
      )}
      {mode.kind === "oidc" && (
        <a className={buttonClassName({})} href={`/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`}>
          Sign in with single sign-on
        </a>
      )}
      {mode.kind === "refused" && (
        <p role="alert" className={styles.error}>
          {mode.reason}
        </p>
      )}
      {mode.kind === "local" && (
        <>
          <form method="post" action="/api/auth/sign-in">
            <input type="hidden" name="returnTo" value={returnTo} />
            <div className={styles.field}>
              <label htmlFor="email">Email</label>
              <Input id="email" name="email" type="email" autoComplete="username" required />
            </div>
            <div className={styles.field}>
              <label htmlFor="password">Password</label>
              <Input id="password" name="password" type="password" autoComplete="current-password" required />
            </div>
            <Button type="submit">Sign in</Button>
          </form>
          {demoUsers > 0 && (
            <section className={styles.notice} aria-labelledby="demo-accounts">
              <h2 id="demo-accounts" className={styles.noticeTitle}>
                Demo accounts (embedded mode only)
              </h2>
              <p>These accounts exist only in the embedded demo database. Configure SSO for real use.</p>
              <table className={styles.table}>
                <thead>
                  <tr>
                    <th scope="col">Email</th>
                    <th scope="col">Role</th>
                    <th scope="col">Password</th>
                  </tr>
                </thead>
                <tbody>
                  {DEMO_ACCOUNTS.map((a) => (
                    <tr key={a.email}>
                      <td>
                        <code>{a.email}</code>
                      </td>
                      <td>{ROLE_LABELS[a.role]}</td>
                      <td>
                        <code>{a.password}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
        </>
      )}
    </div>
  );
}
