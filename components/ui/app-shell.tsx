import Link from "next/link";
import type { ReactNode } from "react";
import styles from "./app-shell.module.css";

/** Page frame: header with navigation, main landmark, footer with the version. */
export function AppShell({ children, version }: { children: ReactNode; version: string }) {
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
          <nav aria-label="Main" className={styles.nav}>
            <Link href="/">Change requests</Link>
          </nav>
        </div>
      </header>
      <main id="main" className={styles.main}>
        {children}
      </main>
      <footer className={styles.footer}>Tablewright {version} · DynamoDB tables, validated, priced and reviewed</footer>
    </>
  );
}
