/** The queue's single-key shortcuts, in one table the help dialog and the handler both read. */
export const QUEUE_SHORTCUTS = [
  { key: "j", action: "next", description: "Select the next request" },
  { key: "k", action: "previous", description: "Select the previous request" },
  { key: "a", action: "approve", description: "Approve the selected revision" },
  { key: "r", action: "reject", description: "Reject (asks for a reason)" },
  { key: "c", action: "request-changes", description: "Request changes (asks for a reason)" },
  { key: "o", action: "open", description: "Open the full request page" },
  { key: "?", action: "help", description: "Show these shortcuts" },
] as const;

export type QueueShortcutAction = (typeof QUEUE_SHORTCUTS)[number]["action"];

/**
 * Whether a key press is meant as text, not a command: typing in a field, holding a modifier, or
 * working inside an open dialog must never trigger a shortcut.
 */
export function isTypingContext(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return true;
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  if (target.isContentEditable) return true;
  if (target.closest("input, textarea, select, dialog[open]")) return true;
  return document.querySelector("dialog[open]") !== null;
}

export function shortcutFor(event: KeyboardEvent): QueueShortcutAction | undefined {
  if (isTypingContext(event)) return undefined;
  return QUEUE_SHORTCUTS.find((s) => s.key === event.key)?.action;
}
