"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { CsrfContext } from "@/lib/client/csrf";

/** Client-side providers: TanStack Query's cache and the session's CSRF token for API writes. */
export function Providers({ children, csrfToken }: { children: ReactNode; csrfToken?: string }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, retry: 1, refetchOnWindowFocus: false } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <CsrfContext.Provider value={csrfToken}>{children}</CsrfContext.Provider>
    </QueryClientProvider>
  );
}
