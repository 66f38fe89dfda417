"use client";

import { createContext, useContext } from "react";

/** The session's CSRF token, sent as x-csrf-token on every cookie-authenticated write. */
export const CsrfContext = createContext<string | undefined>(undefined);

export function useCsrfToken(): string | undefined {
  return useContext(CsrfContext);
}
