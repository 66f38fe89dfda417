"use client";

import { RouteError } from "@/components/ui/route-states";

export default function QueueError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError what="the approval queue" error={error} reset={reset} />;
}
