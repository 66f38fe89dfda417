/** Token kinds the HCL highlighter tells apart; each maps to a CSS class. */
export type HclTokenKind = "comment" | "string" | "number" | "keyword" | "block" | "attribute" | "punctuation" | "text";

export interface HclToken {
  kind: HclTokenKind;
  text: string;
}

const KEYWORDS = new Set(["true", "false", "null", "for", "in", "if", "for_each", "count", "depends_on", "lifecycle"]);
const IDENT = /[A-Za-z_][A-Za-z0-9_-]*/y;
const NUMBER = /\d+(\.\d+)?([eE][+-]?\d+)?/y;
const HEREDOC = /<<-?([A-Za-z_][A-Za-z0-9_]*)\n/y;

/**
 * Splits HCL into tokens for display. Small and forgiving: it only colours text, never
 * interprets it, and the output is rendered as React text nodes, so whatever the module holds is
 * never parsed as HTML. Concatenating the tokens gives back the input exactly.
 */
export function tokenizeHcl(source: string): HclToken[] {
  const tokens: HclToken[] = [];
  const push = (kind: HclTokenKind, text: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.kind === kind && kind === "text") last.text += text;
    else tokens.push({ kind, text });
  };
  let i = 0;
  let atLineStart = true;
  while (i < source.length) {
    const ch = source[i] as string;
    if (ch === "#" || (ch === "/" && source[i + 1] === "/")) {
      const end = source.indexOf("\n", i);
      const stop = end < 0 ? source.length : end;
      push("comment", source.slice(i, stop));
      i = stop;
      continue;
    }
    if (ch === "/" && source[i + 1] === "*") {
      const end = source.indexOf("*/", i + 2);
      const stop = end < 0 ? source.length : end + 2;
      push("comment", source.slice(i, stop));
      i = stop;
      continue;
    }
    if (ch === "<" && source[i + 1] === "<") {
      HEREDOC.lastIndex = i;
      const match = HEREDOC.exec(source);
      if (match) {
        const marker = match[1] as string;
        const close = new RegExp(`^\\s*${marker}\\s*$`, "m");
        const rest = source.slice(i + match[0].length);
        const found = close.exec(rest);
        const stop = found ? i + match[0].length + found.index + found[0].length : source.length;
        push("string", source.slice(i, stop));
        i = stop;
        continue;
      }
    }
    if (ch === '"') {
      let j = i + 1;
      let depth = 0;
      while (j < source.length) {
        const c = source[j];
        if (c === "\\") j += 2;
        else if (c === "$" && source[j + 1] === "{") {
          depth++;
          j += 2;
        } else if (c === "}" && depth > 0) {
          depth--;
          j++;
        } else if (c === '"' && depth === 0) break;
        else if (c === "\n" && depth === 0) break;
        else j++;
      }
      push("string", source.slice(i, Math.min(j + 1, source.length)));
      i = j + 1;
      atLineStart = false;
      continue;
    }
    if (/\d/.test(ch)) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(source);
      if (match) {
        push("number", match[0]);
        i += match[0].length;
        atLineStart = false;
        continue;
      }
    }
    if (/[A-Za-z_]/.test(ch)) {
      IDENT.lastIndex = i;
      const word = (IDENT.exec(source) as RegExpExecArray)[0];
      const after = source.slice(i + word.length).match(/^[ \t]*(.)/)?.[1];
      let kind: HclTokenKind = "text";
      if (KEYWORDS.has(word)) kind = "keyword";
      else if (atLineStart && after === "=") kind = "attribute";
      else if (atLineStart && (after === "{" || after === '"')) kind = "block";
      push(kind, word);
      i += word.length;
      atLineStart = false;
      continue;
    }
    if ("{}[]()=,:?".includes(ch)) {
      push("punctuation", ch);
      i++;
      atLineStart = false;
      continue;
    }
    if (ch === "\n") atLineStart = true;
    else if (ch !== " " && ch !== "\t") atLineStart = false;
    push("text", ch);
    i++;
  }
  return tokens;
}
