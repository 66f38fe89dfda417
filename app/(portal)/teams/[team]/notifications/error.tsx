"use client";

import { RouteError } from "@/components/ui/route-states";

export default function TeamNotificationsError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <RouteError what="the team's channels" error={error} reset={reset} />;
}
