import * as z from "zod";
import { DELIVERY_PROVIDERS, PUBLICATION_STATUSES, PUBLISH_MODES, PULL_REQUEST_STATES } from "@/lib/domain/delivery";

/** Delivery targets (where approved modules are published) and a request's publication. */

export const DeliveryTargetIdParamsSchema = z.object({ id: z.string().min(1).max(100) });

export const DeliveryTargetSchema = z
  .object({
    id: z.string(),
    team: z.string().nullable().meta({ description: "Team slug; null: every team." }),
    tier: z.enum(["dev", "staging", "prod"]).nullable().meta({ description: "null: every tier." }),
    provider: z.enum(DELIVERY_PROVIDERS),
    repoUrl: z.string(),
    baseBranch: z.string(),
    pathTemplate: z.string(),
    apiBaseUrl: z.string().optional(),
    mode: z.enum(PUBLISH_MODES),
    credentialRef: z.string().meta({ description: "A reference (env:NAME or file:/path), never the secret." }),
    webhookSecretRef: z.string().optional(),
  })
  .meta({ id: "DeliveryTarget" });

export const DeliveryTargetListSchema = z
  .object({ targets: z.array(DeliveryTargetSchema) })
  .meta({ id: "DeliveryTargetList" });

export const PublicationSchema = z
  .object({
    status: z.enum(PUBLICATION_STATUSES),
    revision: z.number().int(),
    branch: z.string(),
    commitSha: z.string().optional(),
    prUrl: z.string().optional().meta({ description: "The pull (merge) request, or the branch on a plain git host." }),
    prNumber: z.number().int().optional(),
    prState: z.enum(PULL_REQUEST_STATES).optional(),
    error: z.string().optional().meta({ description: '"publish failed: why", when the last attempt failed.' }),
    attempts: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: "Publication" });

export const WebhookProviderParamsSchema = z.object({
  provider: z.enum(["github", "gitlab"]).meta({ description: "Which provider sends the webhook." }),
});

export const WebhookResultSchema = z
  .object({ received: z.boolean(), updated: z.number().int() })
  .meta({ id: "WebhookResult" });
