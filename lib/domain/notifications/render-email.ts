import type { EmailReason } from "./audience";
import { NOTIFICATION_EVENTS } from "./events";
import type { NotificationEnvelope } from "./payload";
import { summarizeNotification } from "./render-slack";

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const WHY: Record<EmailReason, string> = {
  needs_decision: "You get this because you are an approver and the request waits for a decision.",
  own: "You get this because you requested this table.",
  team: "You get this because the table belongs to one of your teams.",
};

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** Subjects are one line: strip anything a title could smuggle in (CR/LF would split headers). */
const oneLine = (text: string) => text.replaceAll(/[\r\n\t]+/g, " ").slice(0, 200);

/**
 * The e-mail for one event and one reason: a subject that says what needs doing ("Needs your
 * decision: ..."), a plain-text body and the same as simple HTML, with the link to the request and
 * a line saying why the person got it (and where to change that).
 */
export function renderNotificationEmail(
  envelope: NotificationEnvelope,
  reason: EmailReason,
  preferencesUrl: string,
): EmailContent {
  const { changeRequest: cr, actor, reason: decisionReason, approvals, drift } = envelope.data;
  const event = NOTIFICATION_EVENTS[envelope.type];
  const summary = summarizeNotification(envelope);
  const subject = oneLine(reason === "needs_decision" ? `Needs your decision: ${summary}` : summary);
  const link = cr.url ?? cr.path;
  const lines: string[] = [
    `${event.label}: ${cr.title}`,
    "",
    `Request:  ${cr.key} (revision ${cr.revision})`,
    `Table:    ${cr.tableName} (${cr.tier}), team ${cr.team}`,
    `Status:   ${cr.status.toLowerCase().replaceAll("_", " ")}`,
  ];
  if (actor) lines.push(`By:       ${actor.name} <${actor.email}>`);
  if (approvals) lines.push(`Approvals: ${approvals.given} of ${approvals.required}`);
  if (decisionReason) lines.push("", "Reason:", decisionReason);
  if (drift && drift.findings.length > 0) {
    lines.push(
      "",
      `Findings (${drift.region}):`,
      ...drift.findings.slice(0, 20).map((f) => `- [${f.class}] ${f.message}`),
    );
  }
  lines.push("", `Open it: ${link}`, "", WHY[reason], `Change what you receive: ${preferencesUrl}`);
  const text = lines.join("\n");
  const html = [
    '<!doctype html><html><body style="font-family: system-ui, sans-serif; line-height: 1.5">',
    `<p><strong>${escapeHtml(event.label)}</strong>: ${escapeHtml(cr.title)}</p>`,
    "<table>",
    `<tr><th align="left">Request</th><td>${escapeHtml(cr.key)} (revision ${cr.revision})</td></tr>`,
    `<tr><th align="left">Table</th><td>${escapeHtml(cr.tableName)} (${escapeHtml(cr.tier)}), team ${escapeHtml(cr.team)}</td></tr>`,
    `<tr><th align="left">Status</th><td>${escapeHtml(cr.status.toLowerCase().replaceAll("_", " "))}</td></tr>`,
    actor ? `<tr><th align="left">By</th><td>${escapeHtml(actor.name)}</td></tr>` : "",
    approvals ? `<tr><th align="left">Approvals</th><td>${approvals.given} of ${approvals.required}</td></tr>` : "",
    "</table>",
    decisionReason ? `<p><strong>Reason</strong><br>${escapeHtml(decisionReason).replaceAll("\n", "<br>")}</p>` : "",
    drift && drift.findings.length > 0
      ? `<ul>${drift.findings
          .slice(0, 20)
          .map((f) => `<li><code>${escapeHtml(f.class)}</code> ${escapeHtml(f.message)}</li>`)
          .join("")}</ul>`
      : "",
    `<p><a href="${escapeHtml(link)}">Open ${escapeHtml(cr.key)}</a></p>`,
    `<p style="color:#555;font-size:90%">${escapeHtml(WHY[reason])} <a href="${escapeHtml(preferencesUrl)}">Change what you receive</a>.</p>`,
    "</body></html>",
  ].join("");
  return { subject, text, html };
}
