import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AppShell } from "@/components/ui/app-shell";
import { APP_VERSION } from "@/lib/version";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Tablewright", template: "%s · Tablewright" },
  description: "Self-service portal for AWS DynamoDB tables",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <AppShell version={APP_VERSION}>{children}</AppShell>
      </body>
    </html>
  );
}
