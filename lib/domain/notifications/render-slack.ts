import { NOTIFICATION_EVENTS } from "./events";
import type { NotificationEnvelope } from "./payload";

/** A Slack Block Kit message (also accepted by Mattermost and other Slack-compatible webhooks). */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

type SlackText = { type: "mrkdwn" | "plain_text"; text: string };
export type SlackBlock =
  | { type: "header"; text: SlackText }
  | { type: "section"; text?: SlackText; fields?: SlackText[] }
  | { type: "context"; elements: SlackText[] }
  | { type: "actions"; elements: { type: "button"; text: SlackText; url: string }[] };

/** Slack's mrkdwn needs &, < and > escaped; anything else a user typed is shown as text. */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** Section text is limited to 3000 characters, header text to 150. */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The one-line summary used as the notification text (and by e-mail subjects). */
export function summarizeNotification(envelope: NotificationEnvelope): string {
  const cr = envelope.data.changeRequest;
  const event = NOTIFICATION_EVENTS[envelope.type];
  const approvals = envelope.data.approvals;
  const suffix =
    envelope.type === "change_request.awaiting_second_approval" && approvals
      ? ` (${approvals.given} of ${approvals.required} approvals)`
      : "";
  return `${cr.key} ${cr.tableName} (${cr.tier}): ${event.label}${suffix}`;
}

/** Renders an event as a Block Kit message: what happened, to which table, by whom, and a link. */
export function renderSlackMessage(envelope: NotificationEnvelope): SlackMessage {
  const { changeRequest: cr, actor, reason, drift } = envelope.data;
  const event = NOTIFICATION_EVENTS[envelope.type];
  const urgent = event.urgent || drift?.urgent === true;
  const blocks: SlackBlock[] = [
    {
      type: "header",
      text: { type: "plain_text", text: clip(`${urgent ? "⚠️ " : ""}${event.label}: ${cr.key} ${cr.tableName}`, 150) },
    },
    {
      type: "section",
      fields: [
        { type: "mrkdwn", text: `*Table*\n${escapeMrkdwn(cr.tableName)}` },
        { type: "mrkdwn", text: `*Tier*\n${escapeMrkdwn(cr.tier)}` },
        { type: "mrkdwn", text: `*Team*\n${escapeMrkdwn(cr.team)}` },
        { type: "mrkdwn", text: `*Status*\n${escapeMrkdwn(cr.status.toLowerCase().replaceAll("_", " "))}` },
      ],
    },
  ];
  if (reason)
    blocks.push({ type: "section", text: { type: "mrkdwn", text: clip(`*Reason*\n${escapeMrkdwn(reason)}`, 3000) } });
  if (drift && drift.findings.length > 0) {
    const lines = drift.findings
      .slice(0, 10)
      .map((f) => `• \`${escapeMrkdwn(f.class)}\` ${escapeMrkdwn(f.message)}`)
      .join("\n");
    const more = drift.findings.length > 10 ? `\n…and ${drift.findings.length - 10} more` : "";
    blocks.push({ type: "section", text: { type: "mrkdwn", text: clip(`*Findings*\n${lines}${more}`, 3000) } });
  }
  blocks.push({
    type: "context",
    elements: [
      {
        type: "mrkdwn",
        text: escapeMrkdwn(`${cr.title} · revision ${cr.revision}${actor ? ` · by ${actor.name}` : ""}`),
      },
    ],
  });
  if (cr.url) {
    blocks.push({
      type: "actions",
      elements: [{ type: "button", text: { type: "plain_text", text: `Open ${cr.key}` }, url: cr.url }],
    });
  }
  return { text: summarizeNotification(envelope), blocks };
}
