"use client";

import { RouteError } from "@/components/ui/route-states";

export default function TokensError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError what="your API tokens" error={error} reset={reset} />;
}
