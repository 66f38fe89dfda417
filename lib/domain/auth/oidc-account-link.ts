/**
 * Whether the identity provider vouches for the email claim. OpenID Connect Core 5.1 defines
 * `email_verified` as a boolean; some providers send the string "true". Absent means not verified.
 */
export function isEmailVerified(claims: Record<string, unknown>): boolean {
  return claims.email_verified === true || claims.email_verified === "true";
}

export type OidcAccountLink =
  /** The provider's subject is already linked to a portal user. */
  | { kind: "subject" }
  /** An existing portal user with this email becomes linked to the subject. */
  | { kind: "email" }
  /** Nobody has this subject or email yet: a new user. */
  | { kind: "new" }
  | { kind: "refused"; reason: string };

/**
 * How a single sign-on finds its portal user: by the provider's subject first; by email only when
 * the provider verified that email, because anyone can put any address on an unverified account and
 * would otherwise take over the portal user who owns it (with their role and teams).
 */
export function decideOidcAccountLink(input: {
  subjectLinked: boolean;
  emailTaken: boolean;
  emailVerified: boolean;
}): OidcAccountLink {
  if (input.subjectLinked) return { kind: "subject" };
  if (!input.emailTaken) return { kind: "new" };
  if (input.emailVerified) return { kind: "email" };
  return {
    kind: "refused",
    reason:
      "a portal account with this email already exists, and the identity provider has not verified the email, so it cannot be linked; ask an administrator",
  };
}
