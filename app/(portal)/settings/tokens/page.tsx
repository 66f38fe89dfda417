import { TokenCreateForm } from "@/components/tokens/token-create-form";
import { TokenList } from "@/components/tokens/token-list";
import type { ScopeOption } from "@/components/tokens/token-types";
import tokenStyles from "@/components/tokens/tokens.module.css";
import styles from "@/components/ui/page.module.css";
import { can, SCOPE_LABELS, TOKEN_SCOPES } from "@/lib/domain/auth";
import { listApiTokens, MAX_TOKEN_DAYS } from "@/lib/server/auth/api-tokens";
import { requirePageSession } from "@/lib/server/auth/page-session";

export const metadata = { title: "API tokens" };

/** API tokens for automation: created here, shown once, revocable; never more rights than their owner. */
export default async function TokensPage() {
  const { actor } = await requirePageSession("/settings/tokens", "tokens.manage");
  const tokens = await listApiTokens(actor);
  // "decide" is offered only to people whose role can decide; the server refuses it for others anyway.
  const scopeOptions: ScopeOption[] = TOKEN_SCOPES.filter(
    (scope) => scope !== "decide" || can(actor, "requests.decide_routed"),
  ).map((scope) => ({ value: scope, label: SCOPE_LABELS[scope] }));
  return (
    <>
      <div className={styles.pageHeader}>
        <h1>API tokens</h1>
      </div>
      <p className={styles.muted}>
        Tokens let scripts and pipelines call the Tablewright API as you, limited to the scopes you choose. Send one as{" "}
        <code>Authorization: Bearer &lt;token&gt;</code>. See the <a href="/api-docs">API reference</a>.
      </p>
      <div className={tokenStyles.layout}>
        <section aria-labelledby="tokens-title">
          <h2 id="tokens-title">Your tokens</h2>
          <TokenList
            tokens={tokens.map((t) => ({
              ...t,
              createdAt: t.createdAt.toISOString(),
              expiresAt: t.expiresAt.toISOString(),
              lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
              revokedAt: t.revokedAt?.toISOString() ?? null,
            }))}
          />
        </section>
        <TokenCreateForm scopeOptions={scopeOptions} maxDays={MAX_TOKEN_DAYS} />
      </div>
    </>
  );
}
