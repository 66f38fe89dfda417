import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type RecipientCandidate, selectEmailRecipients } from "./audience";
import { formatEventList, NOTIFICATION_EVENT_TYPES, NOTIFICATION_EVENTS, parseEventList } from "./events";
import { buildNotificationEnvelope, type NotificationEnvelope } from "./payload";
import { DEFAULT_NOTIFICATION_PREFERENCES, NotificationPreferencesSchema } from "./preferences";
import { renderNotificationEmail } from "./render-email";
import { renderSlackMessage } from "./render-slack";
import { DELIVERY_MAX_ATTEMPTS, DELIVERY_RETRY_DELAYS_MS, nextRetryDelayMs } from "./retry-schedule";
import { checkWebhookUrl, maskWebhookUrl } from "./webhook-url";

function envelope(overrides: Partial<Parameters<typeof buildNotificationEnvelope>[0]> = {}): NotificationEnvelope {
  return buildNotificationEnvelope({
    id: "evt1",
    type: "change_request.approved",
    occurredAt: new Date("2026-12-01T10:00:00Z"),
    changeRequest: {
      key: "TW-12",
      title: "Carts for checkout",
      tableName: "carts-dev",
      tier: "dev",
      team: "checkout",
      status: "APPROVED",
      revision: 2,
    },
    actor: { name: "Pat Platform", email: "pat@example.com" },
    requester: { name: "Dana Developer", email: "dana@example.com" },
    ...overrides,
  });
}

describe("the event catalogue", () => {
  it("names every event <entity>.<event> in snake case and describes it", () => {
    for (const type of NOTIFICATION_EVENT_TYPES) {
      expect(type).toMatch(/^[a-z]+(_[a-z]+)*\.[a-z]+(_[a-z]+)*$/);
      expect(NOTIFICATION_EVENTS[type].type).toBe(type);
      expect(NOTIFICATION_EVENTS[type].description.length).toBeGreaterThan(20);
    }
  });

  it("stores event lists in catalogue order without duplicates or unknown names", () => {
    expect(formatEventList(["table.verified", "change_request.submitted", "nope", "table.verified"])).toBe(
      "change_request.submitted,table.verified",
    );
    expect(parseEventList(" change_request.approved ,bogus,")).toEqual(["change_request.approved"]);
    expect(parseEventList("")).toEqual([]);
  });
});

describe("buildNotificationEnvelope", () => {
  it("links to the request, absolutely when the public URL is known", () => {
    expect(envelope().data.changeRequest).toMatchObject({ path: "/requests/TW-12", url: null });
    expect(envelope({ publicUrl: "https://tw.example.com/" }).data.changeRequest.url).toBe(
      "https://tw.example.com/requests/TW-12",
    );
  });
});

describe("selectEmailRecipients", () => {
  const person = (id: string, over: Partial<RecipientCandidate> = {}): RecipientCandidate => ({
    userId: id,
    email: `${id}@example.com`,
    isRequester: false,
    isTeamMember: false,
    canDecideNow: false,
    preferences: DEFAULT_NOTIFICATION_PREFERENCES,
    ...over,
  });
  const dana = person("dana", { isRequester: true, isTeamMember: true });
  const teammate = person("lee", { isTeamMember: true });
  const pat = person("pat", { canDecideNow: true });
  const quinnOptedOut = person("quinn", {
    canDecideNow: true,
    preferences: { ...DEFAULT_NOTIFICATION_PREFERENCES, needsDecision: false },
  });
  const teamFan = person("sam", {
    isTeamMember: true,
    preferences: { ...DEFAULT_NOTIFICATION_PREFERENCES, team: ["change_request.submitted", "change_request.approved"] },
  });

  it.each([
    [
      "change_request.submitted",
      "dana",
      [
        ["pat", "needs_decision"],
        ["sam", "team"],
      ],
    ],
    ["change_request.awaiting_second_approval", "pat", []],
    ["change_request.awaiting_second_approval", "ada", [["pat", "needs_decision"]]],
    [
      "change_request.approved",
      "pat",
      [
        ["dana", "own"],
        ["sam", "team"],
      ],
    ],
    ["change_request.rejected", "pat", [["dana", "own"]]],
    ["change_request.withdrawn", "dana", []],
    ["table.drift_detected", null, [["dana", "own"]]],
    ["table.verified", null, []],
  ] as const)("%s caused by %s mails %j", (type, actorId, expected) => {
    const got = selectEmailRecipients({ type, actorId }, [dana, teammate, pat, quinnOptedOut, teamFan]);
    expect(got.map((r) => [r.userId, r.reason])).toEqual(expected);
  });

  it("mails a person once, for the strongest reason", () => {
    const both = person("kim", {
      isRequester: true,
      isTeamMember: true,
      canDecideNow: true,
      preferences: { own: ["change_request.submitted"], team: ["change_request.submitted"], needsDecision: true },
    });
    expect(selectEmailRecipients({ type: "change_request.submitted", actorId: null }, [both, both])).toEqual([
      { userId: "kim", email: "kim@example.com", reason: "needs_decision" },
    ]);
  });
});

describe("NotificationPreferencesSchema", () => {
  it("accepts the defaults and refuses unknown events, naming the field", () => {
    expect(NotificationPreferencesSchema.safeParse(DEFAULT_NOTIFICATION_PREFERENCES).success).toBe(true);
    const bad = NotificationPreferencesSchema.safeParse({
      own: ["change_request.exploded"],
      team: [],
      needsDecision: true,
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["own", 0]);
  });
});

describe("nextRetryDelayMs", () => {
  it.each([
    [1, 7, 10_000],
    [2, 6, 60_000],
    [7, 1, 12 * 3_600_000],
    [12, 1, 12 * 3_600_000],
  ])("after attempt %i with %i left waits %i ms (no jitter)", (attempt, left, ms) => {
    expect(nextRetryDelayMs(attempt, left, 0.5)).toBe(ms);
  });

  it("stops when no attempt is left", () => {
    expect(nextRetryDelayMs(8, 0)).toBeNull();
    expect(DELIVERY_MAX_ATTEMPTS).toBe(DELIVERY_RETRY_DELAYS_MS.length + 1);
  });

  it("stays within ±10% of the schedule whatever the random draw", () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, r) => {
        const ms = nextRetryDelayMs(attempt, 1, r) as number;
        const index = Math.min(Math.max(attempt, 1), DELIVERY_RETRY_DELAYS_MS.length) - 1;
        const base = DELIVERY_RETRY_DELAYS_MS[index] as number;
        return ms >= base * 0.9 - 1 && ms <= base * 1.1 + 1;
      }),
    );
  });
});

describe("checkWebhookUrl", () => {
  it.each([
    ["https://hooks.example.com/tw", null],
    ["http://10.0.0.5:8080/hook?x=1", null],
    ["ftp://example.com/x", "WEBHOOK_URL_SCHEME"],
    ["file:///etc/passwd", "WEBHOOK_URL_SCHEME"],
    ["javascript:alert(1)", "WEBHOOK_URL_SCHEME"],
    ["hooks.example.com/tw", "WEBHOOK_URL_INVALID"],
    ["https://user:pw@hooks.example.com/", "WEBHOOK_URL_CREDENTIALS"],
    [`https://example.com/${"a".repeat(2_000)}`, "WEBHOOK_URL_TOO_LONG"],
  ])("%s -> %s", (url, code) => {
    expect(checkWebhookUrl(url)?.code ?? null).toBe(code);
  });

  it("never throws, whatever the input", () => {
    fc.assert(
      fc.property(fc.string(), (s) => checkWebhookUrl(s) === null || typeof checkWebhookUrl(s)?.message === "string"),
    );
  });
});

describe("maskWebhookUrl", () => {
  it.each([
    ["https://hooks.example.com/tw/in?token=abc", "WEBHOOK", "https://hooks.example.com/tw/in?…"],
    ["https://hooks.slack.com/services/T0/B0/secret", "SLACK", "https://hooks.slack.com/…"],
    ["not a url", "WEBHOOK", "(invalid URL)"],
  ])("%s (%s) shows as %s", (url, kind, shown) => {
    expect(maskWebhookUrl(url, kind)).toBe(shown);
  });
});

describe("renderSlackMessage", () => {
  it("renders Block Kit with the table, a button when the URL is known, and escaped user text", () => {
    const msg = renderSlackMessage(
      envelope({
        type: "change_request.rejected",
        publicUrl: "https://tw.example.com",
        extra: { reason: "<!channel> use a GSI & fewer RCUs" },
      }),
    );
    expect(msg.text).toBe("TW-12 carts-dev (dev): Rejected");
    expect(msg.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "Rejected: TW-12 carts-dev" } });
    expect(JSON.stringify(msg.blocks)).toContain("&lt;!channel&gt; use a GSI &amp; fewer RCUs");
    expect(msg.blocks.at(-1)).toEqual({
      type: "actions",
      elements: [
        {
          type: "button",
          text: { type: "plain_text", text: "Open TW-12" },
          url: "https://tw.example.com/requests/TW-12",
        },
      ],
    });
  });

  it("marks urgent drift and lists findings", () => {
    const msg = renderSlackMessage(
      envelope({
        type: "table.drift_detected",
        extra: {
          drift: {
            region: "us-east-1",
            counts: { protection_lost: 1 },
            worst: "protection_lost",
            urgent: true,
            findings: [
              { path: "pointInTimeRecovery.enabled", class: "protection_lost", message: "PITR was turned off" },
            ],
          },
        },
      }),
    );
    expect(msg.blocks[0]).toMatchObject({ text: { text: "⚠️ Drift detected: TW-12 carts-dev" } });
    expect(JSON.stringify(msg.blocks)).toContain("PITR was turned off");
  });
});

describe("renderNotificationEmail", () => {
  it("asks approvers for a decision and says why the mail came", () => {
    const mail = renderNotificationEmail(
      envelope({ type: "change_request.submitted" }),
      "needs_decision",
      "/settings/notifications",
    );
    expect(mail.subject).toBe("Needs your decision: TW-12 carts-dev (dev): Submitted for review");
    expect(mail.text).toContain("You get this because you are an approver");
    expect(mail.text).toContain("Open it: /requests/TW-12");
  });

  it("keeps subjects on one line and escapes HTML, whatever the title", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (title, reason) => {
        const base = envelope();
        const mail = renderNotificationEmail(
          {
            ...base,
            data: { ...base.data, reason, changeRequest: { ...base.data.changeRequest, title, tableName: title } },
          },
          "own",
          "/p",
        );
        return !/[\r\n]/.test(mail.subject) && !mail.html.includes(`<script`);
      }),
    );
  });
});
