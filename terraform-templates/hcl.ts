/**
 * The HCL primitives every template is written with. Output is `terraform fmt`-clean by
 * construction, so nothing has to run a formatter at render time (the WASM formatter costs
 * milliseconds; these functions cost microseconds):
 * - two-space indent per nesting level;
 * - `=` aligned across a run of consecutive single-line attributes, exactly like hclwrite: a
 *   multi-line attribute, a comment, a blank line or a nested block ends the run;
 * - one blank line between top-level blocks, a single trailing newline per file.
 * Templates build a small tree (attributes, blocks, values) and `renderFile` prints it.
 */

/** An HCL expression value: raw single-line text, a list, or an object constructor. */
export type HclValue =
  | { readonly kind: "raw"; readonly text: string }
  | { readonly kind: "list"; readonly items: readonly HclValue[]; readonly multiline: boolean }
  | { readonly kind: "object"; readonly entries: readonly (readonly [string, HclValue])[] }
  | { readonly kind: "call"; readonly fn: string; readonly arg: HclValue };

/** One line of a block body. */
export type HclNode =
  | { readonly kind: "attr"; readonly name: string; readonly value: HclValue }
  | {
      readonly kind: "block";
      readonly type: string;
      readonly labels: readonly string[];
      readonly body: readonly HclNode[];
    }
  | { readonly kind: "comment"; readonly text: string }
  | { readonly kind: "blank" };

const INDENT = "  ";
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Longest single-line list before it is broken one item per line (keeps lines readable). */
const MAX_INLINE_LIST = 100;

/**
 * Quotes text as an HCL string literal. Escapes `${` and `%{` so that a value from a request
 * can never become a template interpolation or directive (a tag value like `${var.x}` stays text).
 */
export function quote(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const next = text[i + 1];
    if (ch === "\\") out += "\\\\";
    else if (ch === '"') out += '\\"';
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if ((ch === "$" || ch === "%") && next === "{") out += `${ch}${ch}`;
    else if (ch < " " || ch === "\u007f") out += `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

/** A reference interpolated into a string template by `interp`. */
export interface Ref {
  readonly ref: string;
}

/** Marks a Terraform expression for `interp`. */
export function ref(expression: string): Ref {
  return { ref: expression };
}

/**
 * A string template: literal parts are escaped like `quote`, references become `${...}`.
 * `interp("table/", ref("aws_dynamodb_table.this.name"))` gives `"table/${aws_dynamodb_table.this.name}"`.
 */
export function interp(...parts: readonly (string | Ref)[]): HclValue {
  const body = parts.map((p) => (typeof p === "string" ? quote(p).slice(1, -1) : `\${${p.ref}}`)).join("");
  return raw(`"${body}"`);
}

/** A raw expression (reference, function call, number, bool). */
export function raw(text: string): HclValue {
  return { kind: "raw", text };
}

/** A quoted string literal. */
export function str(text: string): HclValue {
  return raw(quote(text));
}

/** A number or boolean literal. */
export function lit(value: number | boolean): HclValue {
  return raw(String(value));
}

/** A list; `multiline` forces one item per line (for lists of objects or long lists). */
export function list(items: readonly HclValue[], multiline = false): HclValue {
  return { kind: "list", items, multiline };
}

/** An object constructor; keys that are not identifiers are quoted. */
export function obj(entries: readonly (readonly [string, HclValue])[]): HclValue {
  return { kind: "object", entries };
}

/** A one-argument function call such as `jsonencode({...})`. */
export function call(fn: string, arg: HclValue): HclValue {
  return { kind: "call", fn, arg };
}

/** `name = value`. */
export function attr(name: string, value: HclValue): HclNode {
  return { kind: "attr", name, value };
}

/** `type "label" { body }`. */
export function block(type: string, labels: readonly string[], body: readonly HclNode[]): HclNode {
  return { kind: "block", type, labels, body };
}

/** A `#` comment line; the text may hold several lines. */
export function comment(text: string): HclNode {
  return { kind: "comment", text };
}

export const BLANK: HclNode = { kind: "blank" };

/**
 * Joins groups of body nodes with one blank line between non-empty groups: the usual layout
 * (arguments, then each nested block) without templates counting blank lines.
 */
export function sections(...groups: readonly (readonly HclNode[] | HclNode | null | undefined | false)[]): HclNode[] {
  const out: HclNode[] = [];
  for (const group of groups) {
    if (!group) continue;
    const nodes = Array.isArray(group) ? (group as readonly HclNode[]) : [group as HclNode];
    if (nodes.length === 0) continue;
    if (out.length > 0) out.push(BLANK);
    out.push(...nodes);
  }
  return out;
}

function objectKey(key: string): string {
  return IDENTIFIER.test(key) ? key : quote(key);
}

/** Renders a value; the first line continues after `name = `, later lines carry `indent`. */
function valueLines(value: HclValue, indent: string): string[] {
  if (value.kind === "raw") return [value.text];
  if (value.kind === "call") {
    const lines = valueLines(value.arg, indent);
    const last = lines.length - 1;
    return lines.map((line, i) => `${i === 0 ? `${value.fn}(` : ""}${line}${i === last ? ")" : ""}`);
  }
  if (value.kind === "list") {
    if (value.items.length === 0) return ["[]"];
    const rendered = value.items.map((item) => valueLines(item, indent + INDENT));
    const allSingle = rendered.every((lines) => lines.length === 1);
    if (allSingle && !value.multiline) {
      const inline = `[${rendered.map((lines) => lines[0]).join(", ")}]`;
      if (inline.length <= MAX_INLINE_LIST) return [inline];
    }
    const out = ["["];
    for (const lines of rendered) {
      lines.forEach((line, i) => {
        const suffix = i === lines.length - 1 ? "," : "";
        // Later lines of a nested value already carry their own indent.
        out.push(`${i === 0 ? indent + INDENT : ""}${line}${suffix}`);
      });
    }
    out.push(`${indent}]`);
    return out;
  }
  if (value.entries.length === 0) return ["{}"];
  const body = renderNodes(
    value.entries.map(([key, v]) => attr(objectKey(key), v)),
    indent + INDENT,
  );
  return ["{", ...body, `${indent}}`];
}

/** Renders body nodes at `indent`, aligning `=` over runs of single-line attributes. */
function renderNodes(nodes: readonly HclNode[], indent: string): string[] {
  const out: string[] = [];
  let run: { name: string; text: string }[] = [];
  const flush = () => {
    const width = Math.max(0, ...run.map((r) => r.name.length));
    for (const r of run) out.push(`${indent}${r.name.padEnd(width)} = ${r.text}`);
    run = [];
  };
  for (const node of nodes) {
    if (node.kind === "attr") {
      const lines = valueLines(node.value, indent);
      if (lines.length === 1) {
        run.push({ name: node.name, text: lines[0] as string });
        continue;
      }
      flush();
      out.push(`${indent}${node.name} = ${lines[0]}`, ...lines.slice(1));
      continue;
    }
    flush();
    if (node.kind === "blank") out.push("");
    else if (node.kind === "comment") {
      for (const line of node.text.split("\n")) out.push(line ? `${indent}# ${line}` : `${indent}#`);
    } else {
      const header = [node.type, ...node.labels.map(quote)].join(" ");
      if (node.body.length === 0) out.push(`${indent}${header} {}`);
      else out.push(`${indent}${header} {`, ...renderNodes(node.body, indent + INDENT), `${indent}}`);
    }
  }
  flush();
  return out;
}

/**
 * Renders a whole `.tf` file: top-level nodes separated by one blank line (comments stick to
 * the node after them), one trailing newline, no trailing whitespace.
 */
export function renderFile(nodes: readonly HclNode[]): string {
  const out: string[] = [];
  let previous: HclNode | undefined;
  for (const node of nodes) {
    if (node.kind === "blank") continue;
    if (previous && previous.kind !== "comment") out.push("");
    out.push(...renderNodes([node], ""));
    previous = node;
  }
  return `${out.map((line) => line.trimEnd()).join("\n")}\n`;
}
