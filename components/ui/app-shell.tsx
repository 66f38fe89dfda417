import Link from "next/link";
import type { ReactNode } from "react";
import { ROLE_LABELS, type Role } from "@/lib/domain/auth";
import styles from "./app-shell.module.css";

export interface ShellUser {
  name: string;
  email: string;
  role: string;
  canDecide: boolean;
  canAdmin?: boolean;
  csrfToken: string;
}

/** Page frame: header with navigation and the signed-in user, main landmark, footer with the version. */
export function AppShell({ children, version, user }: { children: ReactNode; version: string; user?: ShellUser }) {
  return (
    <>
      <a className="visually-hidden" href="#main">
        Skip to content
      </a>
      <header className={styles.header}>
        <div className={styles.headerInner}>
          <Link href="/" className={styles.brand}>
            Tablewright
          </Link>
          {user && (
            <nav aria-label="Main" className={styles.nav}>
              <Link href="/requests/new">New request</Link>
              <Link href="/">My requests</Link>
              <Link href="/tables">Tables</Link>
              {user.canDecide && <Link href="/queue">Approval queue</Link>}
              <Link href="/settings/notifications">Notifications</Link>
              {user.canAdmin && <Link href="/admin/accounts">Accounts</Link>}
              <Link href="/settings/tokens">API tokens</Link>
              <Link href="/api-docs">API</Link>
            </nav>
          )}
          {user && (
            <div className={styles.user}>
              <span>
                {user.name} <span className={styles.role}>{ROLE_LABELS[user.role as Role] ?? user.role}</span>
              </span>
              <form method="post" action="/api/auth/sign-out">
                <input type="hidden" name="csrf" value={user.csrfToken} />
                <button type="submit" className={styles.signOut}>
                  Sign out
                </button>
              </form>
            </div>
          )}
        </div>
      </header>
      <main id="main" className={styles.main}>
        {children}
      </main>
      <footer className={styles.footer}>Tablewright {version} · DynamoDB tables, validated, priced and reviewed</footer>
    </>
  );
}
