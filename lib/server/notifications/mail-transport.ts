import "server-only";
import { createTransport, type Transporter } from "nodemailer";

/**
 * E-mail through SMTP (nodemailer). Configured by TABLEWRIGHT_SMTP_URL, e.g.
 * smtps://user:password@smtp.example.com:465 or smtp://relay.internal:25, and TABLEWRIGHT_MAIL_FROM.
 * The SMTP server is the administrator's choice, not a user's, so it is not subject to the
 * outbound allowlist. Without TABLEWRIGHT_SMTP_URL no e-mail deliveries are created at all.
 */
export interface MailSettings {
  url: string;
  from: string;
}

export function mailSettingsFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): MailSettings | null {
  const url = env.TABLEWRIGHT_SMTP_URL?.trim();
  if (!url) return null;
  return { url, from: env.TABLEWRIGHT_MAIL_FROM?.trim() || "Tablewright <tablewright@localhost>" };
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The delivery id: Message-ID and a header, so mail filters can drop duplicates too. */
  deliveryId: string;
  eventType: string;
}

const holder = globalThis as typeof globalThis & {
  __tablewrightMail?: { url: string; transport: Transporter };
};

function transportFor(settings: MailSettings): Transporter {
  if (holder.__tablewrightMail?.url !== settings.url) {
    holder.__tablewrightMail?.transport.close();
    holder.__tablewrightMail = {
      url: settings.url,
      transport: createTransport({
        url: settings.url,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      }),
    };
  }
  return holder.__tablewrightMail.transport;
}

/** Sends one mail; resolves with the SMTP server's answer, rejects when it refused or was unreachable. */
export async function sendMail(settings: MailSettings, mail: OutgoingMail): Promise<string> {
  const domain = /@([^>\s]+)>?\s*$/.exec(settings.from)?.[1] ?? "tablewright.invalid";
  const info = await transportFor(settings).sendMail({
    from: settings.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: `<${mail.deliveryId}@${domain}>`,
    headers: { "X-Tablewright-Delivery": mail.deliveryId, "X-Tablewright-Event": mail.eventType },
  });
  return String(info.response ?? "accepted").slice(0, 300);
}
