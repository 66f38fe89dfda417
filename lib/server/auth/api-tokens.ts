import "server-only";
import { AppError } from "@/lib/domain/app-error";
import { can, isTokenScope, TOKEN_SCOPES, type TokenScope } from "@/lib/domain/auth";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit";
import { type Db, getDb } from "../db";
import { loadActor } from "../load-actor";
import { generateSecret, hashSecret } from "./tokens";

export const TOKEN_PREFIX = "tw_";
export const MAX_TOKEN_DAYS = 365;
const LAST_USED_RESOLUTION_MS = 60_000;

export interface CreateTokenInput {
  name: string;
  scopes: readonly string[];
  expiresInDays: number;
}

/**
 * Creates an API token for the actor. The secret is returned once and stored only as a hash.
 * A scope the owner's role could never use (decide for a developer) is refused, not silently kept.
 */
export async function createApiToken(actor: Actor, input: CreateTokenInput, db?: Db) {
  db ??= await getDb();
  if (actor.via === "token") throw new AppError("FORBIDDEN", "API tokens cannot create other tokens");
  const issues = [];
  const name = input.name.trim();
  if (name.length < 1 || name.length > 100)
    issues.push({ path: "name", code: "TOKEN_NAME_LENGTH", message: "1 to 100 characters" });
  const scopes = [...new Set(input.scopes)];
  if (scopes.length === 0)
    issues.push({ path: "scopes", code: "TOKEN_SCOPES_REQUIRED", message: "choose at least one scope" });
  for (const [i, scope] of scopes.entries()) {
    if (!isTokenScope(scope)) {
      issues.push({
        path: `scopes[${i}]`,
        code: "TOKEN_SCOPE_UNKNOWN",
        message: `unknown scope "${scope}" (${TOKEN_SCOPES.join(", ")})`,
      });
    } else if (scope === "decide" && !can({ role: actor.role }, "requests.decide_routed")) {
      issues.push({
        path: `scopes[${i}]`,
        code: "TOKEN_SCOPE_EXCEEDS_ROLE",
        message: "your role cannot decide on requests, so a token cannot either",
      });
    }
  }
  if (!Number.isInteger(input.expiresInDays) || input.expiresInDays < 1 || input.expiresInDays > MAX_TOKEN_DAYS) {
    issues.push({
      path: "expiresInDays",
      code: "TOKEN_EXPIRY_RANGE",
      message: `a whole number of days from 1 to ${MAX_TOKEN_DAYS}`,
    });
  }
  if (issues.length) throw new AppError("VALIDATION_FAILED", "the token request is invalid", { issues });

  const secret = generateSecret(TOKEN_PREFIX);
  const token = await db.apiToken.create({
    data: {
      userId: actor.id,
      name,
      prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
      tokenHash: hashSecret(secret),
      scopes: scopes.join(","),
      expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
    },
  });
  await recordAuditEvent(db, actor, {
    action: "TOKEN_CREATED",
    details: { tokenId: token.id, name, scopes, expiresAt: token.expiresAt },
  });
  return {
    id: token.id,
    name,
    prefix: token.prefix,
    scopes: scopes as TokenScope[],
    expiresAt: token.expiresAt,
    secret,
  };
}

/** The actor's tokens (admins may list anyone's with `all`), never with their secrets. */
export async function listApiTokens(actor: Actor, db?: Db) {
  db ??= await getDb();
  const tokens = await db.apiToken.findMany({ where: { userId: actor.id }, orderBy: { createdAt: "desc" } });
  return tokens.map((t) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scopes: t.scopes.split(","),
    createdAt: t.createdAt,
    expiresAt: t.expiresAt,
    lastUsedAt: t.lastUsedAt,
    revokedAt: t.revokedAt,
    active: !t.revokedAt && t.expiresAt.getTime() > Date.now(),
  }));
}

/** Revokes a token of the actor's own (or any token, for admins). */
export async function revokeApiToken(actor: Actor, tokenId: string, db?: Db) {
  db ??= await getDb();
  const token = await db.apiToken.findUnique({ where: { id: tokenId } });
  const isAdmin = can({ role: actor.role, scopes: actor.scopes }, "admin");
  if (!token || (token.userId !== actor.id && !isAdmin)) throw new AppError("NOT_FOUND", "token not found");
  if (!token.revokedAt) {
    await db.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    await recordAuditEvent(db, actor, { action: "TOKEN_REVOKED", details: { tokenId, name: token.name } });
  }
  forgetCachedToken(tokenId);
  return { id: tokenId, revoked: true };
}

/**
 * A token's fixed facts (owner, scopes, expiry) are kept per process for a while, so an API client's
 * burst does not pay for loading them on every request (docs/benchmarks.md). What can change while
 * a token lives is NOT cached: every request re-reads, in one statement, whether the token was
 * revoked and the owner's current role and teams (`readTokenAuthority`). A role lowered by an admin
 * or by the identity provider (at the owner's next SSO sign-in), a removal from a team, or a
 * revocation on another instance takes effect at the next request (docs/operations.md).
 */
export const TOKEN_CACHE_MS = 60_000;
const TOKEN_CACHE_MAX = 10_000;
interface CachedToken {
  actor: Actor;
  expiresAt: number;
  cachedAt: number;
}
const cacheHolder = globalThis as typeof globalThis & { __tablewrightTokenCache?: Map<string, CachedToken> };
cacheHolder.__tablewrightTokenCache ??= new Map();
const tokenCache = cacheHolder.__tablewrightTokenCache;

function forgetCachedToken(tokenId: string) {
  for (const [hash, entry] of tokenCache) if (entry.actor.tokenId === tokenId) tokenCache.delete(hash);
}

interface TokenAuthority {
  role: string;
  teamIds: string[];
}

/**
 * Whether the token is still active, with its owner's role and teams as they are now: one
 * statement (a join) that reads the same on SQLite and PostgreSQL. Undefined when revoked or gone.
 */
export async function readTokenAuthority(db: Db, tokenId: string): Promise<TokenAuthority | undefined> {
  const rows = await db.$queryRaw<Array<{ active: boolean | number | bigint; role: string; teamId: string | null }>>`
    SELECT (t."revokedAt" IS NULL) AS "active", u."role" AS "role", m."teamId" AS "teamId"
    FROM "ApiToken" t
    JOIN "User" u ON u."id" = t."userId"
    LEFT JOIN "Membership" m ON m."userId" = u."id"
    WHERE t."id" = ${tokenId}`;
  const first = rows[0];
  // SQLite answers the boolean as 0/1, PostgreSQL as true/false.
  if (!first || !Number(first.active)) return undefined;
  return { role: first.role, teamIds: rows.flatMap((r) => (r.teamId ? [r.teamId] : [])) };
}

/** The actor behind a bearer token, or undefined for an unknown, revoked or expired one. */
export async function authenticateApiToken(
  secret: string,
  client: { clientAddress?: string; userAgent?: string } = {},
  db?: Db,
): Promise<Actor | undefined> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return undefined;
  const tokenHash = hashSecret(secret);
  // Callers that pass their own database (tests) always read it in full.
  const useCache = db === undefined;
  const now = Date.now();
  db ??= await getDb();
  const hit = useCache ? tokenCache.get(tokenHash) : undefined;
  if (hit && now - hit.cachedAt < TOKEN_CACHE_MS && hit.expiresAt > now && hit.actor.tokenId) {
    const authority = await readTokenAuthority(db, hit.actor.tokenId);
    if (!authority) {
      tokenCache.delete(tokenHash);
      return undefined;
    }
    return { ...hit.actor, ...authority, ...client };
  }
  const token = await db.apiToken.findUnique({ where: { tokenHash } });
  if (!token || token.revokedAt || token.expiresAt.getTime() <= Date.now()) {
    tokenCache.delete(tokenHash);
    return undefined;
  }
  // lastUsedAt is informative: writing it at most once a minute keeps the hot path read-only.
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } }).catch(() => undefined);
  }
  const actor = await loadActor(token.userId, { via: "token", scopes: token.scopes.split(","), ...client }, db);
  if (!actor) return undefined;
  const result = { ...actor, tokenId: token.id };
  if (useCache) {
    if (tokenCache.size >= TOKEN_CACHE_MAX) tokenCache.clear();
    tokenCache.set(tokenHash, {
      actor: { ...result, clientAddress: undefined, userAgent: undefined },
      expiresAt: token.expiresAt.getTime(),
      cachedAt: now,
    });
  }
  return result;
}
