import type { ApiToken } from "@/lib/api/schemas/tokens";

/** A token as the tokens page shows it: the API's wire shape (dates as ISO strings). */
export type TokenRow = ApiToken;

export interface ScopeOption {
  value: "read" | "write" | "decide";
  label: string;
}
