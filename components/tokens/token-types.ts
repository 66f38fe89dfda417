/** A token as the tokens page shows it (dates as ISO strings: they cross into client components). */
export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  active: boolean;
}

export interface ScopeOption {
  value: "read" | "write" | "decide";
  label: string;
}
