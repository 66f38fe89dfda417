import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { generateWebhookSecret, signedWebhookHeaders } from "../../lib/server/notifications/sign-webhook";

// The verification snippet in docs/notifications.md is what receivers copy: run it, exactly as
// written, against signatures Tablewright makes.
const doc = readFileSync("docs/notifications.md", "utf8");
const snippet = /<!-- verify-snippet[^>]*-->\s*```js\n([\s\S]*?)```/.exec(doc)?.[1];
const dir = mkdtempSync(path.join(os.tmpdir(), "tw-doc-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Verify = (secret: string, headers: Record<string, string>, body: string, tolerance?: number) => boolean;

async function loadSnippet(): Promise<Verify> {
  if (!snippet) throw new Error("docs/notifications.md has no verify-snippet block");
  const file = path.join(dir, "verify.mjs");
  writeFileSync(file, snippet);
  return (await import(pathToFileURL(file).href)).verifyTablewrightWebhook as Verify;
}

describe("the signature verification snippet of docs/notifications.md", () => {
  it("accepts what Tablewright signs, and refuses a changed body, another secret or an old timestamp", async () => {
    const verify = await loadSnippet();
    const secret = generateWebhookSecret();
    const body = JSON.stringify({ id: "evt_1", type: "change_request.approved", data: { x: "ü <&>" } });
    const headers = signedWebhookHeaders(secret, "msg_1", "change_request.approved", body, new Date());
    expect(verify(secret, headers, body)).toBe(true);
    expect(verify(secret, headers, body.replace("approved", "rejected"))).toBe(false);
    expect(verify(generateWebhookSecret(), headers, body)).toBe(false);
    expect(verify(secret, { ...headers, "webhook-id": "msg_2" }, body)).toBe(false);
    const old = signedWebhookHeaders(secret, "msg_1", "change_request.approved", body, new Date(Date.now() - 600_000));
    expect(verify(secret, old, body)).toBe(false);
    expect(verify(secret, { ...headers, "webhook-signature": `v1,AAAA ${headers["webhook-signature"]}` }, body)).toBe(
      true,
    );
  });
});
