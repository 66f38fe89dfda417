"use client";

import { RouteError } from "@/components/ui/route-states";

export default function NotificationsError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <RouteError what="your notification settings" error={error} reset={reset} />;
}
