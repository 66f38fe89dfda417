import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { AppShell } from "@/components/ui/app-shell";
import { can } from "@/lib/domain/auth";
import { getPageSession } from "@/lib/server/auth/page-session";
import { APP_VERSION } from "@/lib/version";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Tablewright", template: "%s · Tablewright" },
  description: "Self-service portal for AWS DynamoDB tables",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await getPageSession();
  const user = session && {
    name: session.actor.name,
    email: session.actor.email,
    role: session.actor.role,
    canDecide: can(session.actor, "requests.decide_routed"),
    canAdmin: can(session.actor, "admin"),
    csrfToken: session.csrfToken,
  };
  return (
    <html lang="en">
      <body>
        <Providers csrfToken={session?.csrfToken}>
          <AppShell version={APP_VERSION} user={user}>
            {children}
          </AppShell>
        </Providers>
      </body>
    </html>
  );
}
