import "server-only";
import type { WorkflowActor } from "@/lib/domain/workflow";

/**
 * Who is acting, resolved from the session or an API token (never from ids the client sends),
 * plus where the call came from for the audit trail.
 */
export interface Actor extends WorkflowActor {
  email: string;
  name: string;
  via: "session" | "token" | "system";
  /** API token scopes; absent for sessions (a session has its role's full rights). */
  scopes?: readonly string[];
  /** The API token acting, when via is "token" (rate limits are per token). */
  tokenId?: string;
  clientAddress?: string;
  userAgent?: string;
}
