import type { ApiToken } from "@/lib/api/schemas/tokens";
import type { TokenScope } from "@/lib/domain/auth/scopes";

/** A token as the tokens page shows it: the API's wire shape (dates as ISO strings). */
export type TokenRow = ApiToken;

export interface ScopeOption {
  value: TokenScope;
  label: string;
}
