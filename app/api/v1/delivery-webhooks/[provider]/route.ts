import { readBodyText } from "@/lib/api/read-body";
import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { receivePullRequestWebhook } from "@/lib/server/delivery";

/** POST /api/v1/delivery-webhooks/{provider}: PR events; the signature is checked over the raw body. */
export const POST = route(API_ROUTES.receiveDeliveryWebhook, async ({ req, params }) => {
  const raw = Buffer.from(await readBodyText(req), "utf8");
  const result = await receivePullRequestWebhook(
    params.provider,
    {
      githubEvent: req.headers.get("x-github-event"),
      githubSignature: req.headers.get("x-hub-signature-256"),
      gitlabEvent: req.headers.get("x-gitlab-event"),
      gitlabToken: req.headers.get("x-gitlab-token"),
    },
    raw,
  );
  return { received: result.received, updated: result.updated };
});
