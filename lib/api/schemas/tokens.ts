import * as z from "zod";
import { TOKEN_SCOPES } from "@/lib/domain/auth/scopes";
import { Timestamp } from "./common";

/** API tokens: created in a signed-in session, shown once, listed without secrets. */

export const TokenIdParamsSchema = z.object({ id: z.string().min(1).max(100) });

export const CreateTokenBodySchema = z
  .strictObject({
    name: z.string().max(100),
    scopes: z.array(z.enum(TOKEN_SCOPES)).min(1).max(TOKEN_SCOPES.length),
    expiresInDays: z.number().int().min(1).max(365),
  })
  .meta({ id: "CreateToken" });

export const TokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.string()),
    createdAt: Timestamp,
    expiresAt: Timestamp,
    lastUsedAt: Timestamp.nullable(),
    revokedAt: Timestamp.nullable(),
    active: z.boolean(),
  })
  .meta({ id: "ApiToken" });

export const CreatedTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.string()),
    expiresAt: Timestamp,
    secret: z.string().meta({ description: "Shown once; store it now. Send it as Authorization: Bearer <secret>." }),
  })
  .meta({ id: "CreatedApiToken" });

export const TokenListSchema = z.object({ tokens: z.array(TokenSchema) }).meta({ id: "ApiTokenList" });

/** A token as lists show it (never its secret). */
export type ApiToken = z.infer<typeof TokenSchema>;
export type CreatedApiToken = z.infer<typeof CreatedTokenSchema>;
