import type { RuleContext } from "./context";

export const MAX_TAGS = 50;
export const TAG_KEY_MAX_LENGTH = 128;
export const TAG_VALUE_MAX_LENGTH = 256;
// DynamoDB's TaggingRestrictions: letters, numbers, whitespace and + - = . _ : / (no @, unlike some services).
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}\s+\-=._:/]*$/u;
// Most tags are ASCII; this check is ~10x cheaper than the Unicode one it short-cuts.
const TAG_ASCII = /^[A-Za-z0-9 +\-=._:/]*$/;
const isTagText = (text: string) => TAG_ASCII.test(text) || TAG_CHARACTERS.test(text);

/** Tag count, key and value lengths and characters, reserved `aws:` prefix. */
export function checkTags({ request, report }: RuleContext): void {
  const entries = Object.entries(request.tags);
  if (entries.length > MAX_TAGS) {
    report.add("TAG_LIMIT_EXCEEDED", ["tags"], `${entries.length} tags; DynamoDB allows at most ${MAX_TAGS}.`);
  }
  for (const [key, value] of entries) {
    const path = ["tags", key];
    if (key.length < 1 || key.length > TAG_KEY_MAX_LENGTH) {
      report.add(
        "TAG_KEY_LENGTH",
        path,
        `Tag keys must be 1-${TAG_KEY_MAX_LENGTH} characters; this one has ${key.length}.`,
      );
    }
    if (!isTagText(key)) {
      report.add("TAG_KEY_CHARACTERS", path, "Tag keys may only hold letters, numbers, whitespace and + - = . _ : /");
    }
    if (key.toLowerCase().startsWith("aws:")) {
      report.add("TAG_KEY_RESERVED_PREFIX", path, "Tag keys starting with aws: are reserved for AWS.");
    }
    if (value.length > TAG_VALUE_MAX_LENGTH) {
      report.add(
        "TAG_VALUE_LENGTH",
        path,
        `Tag values must be at most ${TAG_VALUE_MAX_LENGTH} characters; this one has ${value.length}.`,
      );
    }
    if (!isTagText(value)) {
      report.add(
        "TAG_VALUE_CHARACTERS",
        path,
        "Tag values may only hold letters, numbers, whitespace and + - = . _ : /",
      );
    }
  }
}
