import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Button, buttonClassName } from "@/components/ui/button";
import { Input } from "@/components/ui/form-controls";
import styles from "@/components/ui/page.module.css";
import { ROLE_LABELS, safeReturnTo } from "@/lib/domain/auth";
import { authMode } from "@/lib/server/auth/auth-mode";
import { getPageSession } from "@/lib/server/auth/page-session";
import { DEMO_ACCOUNTS, hasDemoAccounts } from "@/lib/server/demo-accounts";

export const metadata: Metadata = { title: "Sign in" };

/** Sign-in: single sign-on when configured, else the local demo accounts (embedded mode). */
export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  // One check for every redirect after sign-in (lib/domain/auth/safe-return-to.ts).
  const returnTo = safeReturnTo(params.returnTo);
  if (await getPageSession()) redirect(returnTo);
  const mode = authMode();
  // Only list the demo accounts when the demo seed created them in this database.
  const showDemoAccounts = mode.kind === "local" && (await hasDemoAccounts());
  return (
    <div className={`${styles.card} ${styles.narrow}`}>
      <h1>Sign in to Tablewright</h1>
      {typeof params.error === "string" && (
        <p role="alert" className={styles.error}>
          {params.error.slice(0, 300)}
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
          {showDemoAccounts && (
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
