import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { Webhook } from "standardwebhooks";

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** Checked with the standardwebhooks library (independent of Tablewright's signer). */
  signatureValid: boolean | null;
  status: number;
  duplicate: boolean;
}

export interface WebhookReceiver {
  url: string;
  /** The signing secret to verify with (null: accept unsigned, e.g. Slack payloads). */
  secret: string | null;
  /** Answer 500 to the next N requests. */
  failNext: number;
  /** Hold the answer to each request this long (ms). */
  delayMs: number;
  received: ReceivedWebhook[];
  /** Delivery ids accepted once each: what a receiver that drops duplicates would keep. */
  accepted: Set<string>;
  close: () => Promise<void>;
}

/**
 * A webhook receiver on loopback that does what the docs tell receivers to do: verify the
 * signature (and its timestamp), answer 2xx, and drop a delivery it already processed (by
 * webhook-id). It records everything it saw, valid or not.
 */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const state: Omit<WebhookReceiver, "url" | "close"> = {
    secret: null,
    failNext: 0,
    delayMs: 0,
    received: [],
    accepted: new Set(),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let signatureValid: boolean | null = null;
      if (req.headers["webhook-signature"] && state.secret) {
        try {
          new Webhook(state.secret).verify(raw, {
            "webhook-id": String(req.headers["webhook-id"]),
            "webhook-timestamp": String(req.headers["webhook-timestamp"]),
            "webhook-signature": String(req.headers["webhook-signature"]),
          });
          signatureValid = true;
        } catch {
          signatureValid = false;
        }
      }
      const id = String(req.headers["webhook-id"] ?? req.headers["x-tablewright-delivery"] ?? "");
      const failing = state.failNext > 0;
      if (failing) state.failNext--;
      const duplicate = !failing && state.accepted.has(id);
      if (!failing && signatureValid !== false) state.accepted.add(id);
      const status = failing ? 500 : signatureValid === false ? 401 : 200;
      let body: unknown = raw;
      try {
        body = JSON.parse(raw);
      } catch {
        // recorded as text
      }
      state.received.push({ path: req.url ?? "/", headers: req.headers, body, signatureValid, status, duplicate });
      setTimeout(() => {
        res.writeHead(status, { "content-type": "text/plain" });
        res.end(failing ? "temporarily broken" : duplicate ? "duplicate, dropped" : "ok");
      }, state.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const receiver = state as WebhookReceiver;
  receiver.url = `http://127.0.0.1:${port}`;
  receiver.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}

export interface ReceivedMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** A real SMTP server (smtp-server) on loopback that parses every message it accepts. */
export async function startSmtpReceiver(): Promise<{
  url: string;
  messages: ReceivedMail[];
  close: () => Promise<void>;
}> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const headers: Record<string, string> = {};
          for (const [key, value] of parsed.headers)
            headers[key] = typeof value === "string" ? value : JSON.stringify(value);
          messages.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(","),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            headers,
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
