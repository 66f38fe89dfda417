"use client";

import { RouteError } from "@/components/ui/route-states";

/** Unexpected failures while loading a request (a missing key is not-found.tsx, not this). */
export default function RequestDetailError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <RouteError what="this change request" error={error} reset={reset} />;
}
