import "server-only";
import * as oidc from "openid-client";
import { AppError } from "@/lib/domain/app-error";
import { decideOidcAccountLink, isEmailVerified, mapClaimsToAccess, safeReturnTo } from "@/lib/domain/auth";
import { recordAuditEvent } from "../audit";
import { type Db, getDb } from "../db";
import { type AuthMode, authMode } from "./auth-mode";
import { type ClientInfo, createSession } from "./session";
import { generateSecret, hashSecret } from "./tokens";

type OidcMode = Extract<AuthMode, { kind: "oidc" }>;

const FLOW_TTL_MS = 10 * 60_000;
let discovered: { issuer: string; config: Promise<oidc.Configuration> } | undefined;

function oidcMode(): OidcMode {
  const mode = authMode();
  if (mode.kind !== "oidc") throw new AppError("NOT_FOUND", "single sign-on is not configured");
  return mode;
}

/** Discovery runs once per process (and again after a failure). */
function configuration(mode: OidcMode): Promise<oidc.Configuration> {
  if (!discovered || discovered.issuer !== mode.issuer) {
    const config = oidc
      .discovery(
        new URL(mode.issuer),
        mode.clientId,
        mode.clientSecret,
        undefined,
        mode.allowInsecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw new AppError(
          "DATABASE_UNAVAILABLE",
          `the identity provider cannot be reached: ${(error as Error).message}`,
        );
      });
    discovered = { issuer: mode.issuer, config };
  }
  return discovered.config;
}

/**
 * Starts the authorisation code flow with PKCE: stores verifier, state and nonce server-side
 * (shared by every instance) and returns the provider URL plus the flow cookie's value.
 */
export async function startOidcSignIn(origin: string, returnTo: string | null, db?: Db) {
  const mode = oidcMode();
  db ??= await getDb();
  const config = await configuration(mode);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const flowToken = generateSecret();
  await db.authFlow.create({
    data: {
      id: hashSecret(flowToken),
      state,
      nonce,
      codeVerifier,
      returnTo: safeReturnTo(returnTo),
      expiresAt: new Date(Date.now() + FLOW_TTL_MS),
    },
  });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: mode.redirectUri ?? `${origin}/api/auth/oidc/callback`,
    scope: mode.scopes,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { url: url.href, flowToken };
}

/**
 * Finishes the flow: checks state, nonce and PKCE through openid-client, maps the groups claim to a
 * role and teams (the provider is the source of truth, refreshed at every sign-in), starts a session.
 */
export async function finishOidcSignIn(callbackUrl: URL, flowToken: string | undefined, client: ClientInfo, db?: Db) {
  const mode = oidcMode();
  db ??= await getDb();
  if (!flowToken) throw new AppError("BAD_REQUEST", "the sign-in expired or was started in another browser; try again");
  const flowId = hashSecret(flowToken);
  const flow = await db.authFlow.findUnique({ where: { id: flowId } });
  await db.authFlow.deleteMany({ where: { OR: [{ id: flowId }, { expiresAt: { lt: new Date() } }] } });
  if (!flow || flow.expiresAt.getTime() < Date.now()) {
    throw new AppError("BAD_REQUEST", "the sign-in expired or was already used; try again");
  }
  const config = await configuration(mode);
  let claims: Record<string, unknown>;
  try {
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    claims = { ...(tokens.claims() ?? {}) };
    if (typeof claims.email !== "string" && tokens.access_token) {
      Object.assign(claims, await oidc.fetchUserInfo(config, tokens.access_token, String(claims.sub)));
    }
  } catch (error) {
    await recordAuditEvent(db, undefined, {
      action: "SIGN_IN_FAILED",
      details: { via: "oidc", error: (error as Error).message },
    });
    throw new AppError("UNAUTHENTICATED", `single sign-on failed: ${(error as Error).message}`);
  }
  const email = typeof claims.email === "string" ? claims.email.toLowerCase() : undefined;
  if (!email) throw new AppError("UNAUTHENTICATED", "the identity provider sent no email claim (add the email scope)");
  const subject = `${mode.issuer}|${String(claims.sub)}`;
  const name = typeof claims.name === "string" ? claims.name : email;
  const access = mapClaimsToAccess(claims, mode.mapping);

  const user = await db
    .$transaction(async (tx) => {
      const bySubject = await tx.user.findUnique({ where: { oidcSubject: subject } });
      const byEmail = bySubject ? null : await tx.user.findUnique({ where: { email } });
      const link = decideOidcAccountLink({
        subjectLinked: Boolean(bySubject),
        emailTaken: Boolean(byEmail),
        emailVerified: isEmailVerified(claims),
      });
      if (link.kind === "refused") throw new AppError("FORBIDDEN", link.reason);
      const existing = bySubject ?? byEmail;
      const saved = existing
        ? await tx.user.update({ where: { id: existing.id }, data: { oidcSubject: subject, name, role: access.role } })
        : await tx.user.create({ data: { email, name, role: access.role, oidcSubject: subject } });
      const teamIds: string[] = [];
      for (const slug of access.teams) {
        const team = await tx.team.upsert({ where: { slug }, create: { slug, name: slug }, update: {} });
        teamIds.push(team.id);
      }
      await tx.membership.deleteMany({ where: { userId: saved.id, teamId: { notIn: teamIds } } });
      for (const teamId of teamIds) {
        await tx.membership.upsert({
          where: { userId_teamId: { userId: saved.id, teamId } },
          create: { userId: saved.id, teamId },
          update: {},
        });
      }
      return saved;
    })
    .catch(async (error: unknown) => {
      if (error instanceof AppError && error.code === "FORBIDDEN") {
        await recordAuditEvent(db, undefined, {
          action: "SIGN_IN_FAILED",
          details: { via: "oidc", email, subject, reason: "unverified email of an existing account" },
        });
      }
      throw error;
    });
  const session = await createSession(user.id, "oidc", client, db);
  return { ...session, returnTo: flow.returnTo };
}
