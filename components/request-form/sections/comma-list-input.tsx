"use client";

import { type Ref, useState } from "react";
import { inputClassName } from "@/components/ui/form-controls";

function parseList(text: string): string[] {
  return text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/**
 * A list of names typed as "a, b, c". Keeps the raw text while the person types (so a trailing
 * comma or space is not eaten) and reports the parsed list.
 */
export function CommaListInput({
  value,
  onChange,
  onBlur,
  ref,
  ...rest
}: {
  value: string[];
  onChange: (next: string[]) => void;
  onBlur: () => void;
  ref?: Ref<HTMLInputElement>;
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}) {
  const [text, setText] = useState(() => value.join(", "));
  // Resync when the list changes from outside (example loaded, draft restored), not while typing.
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    setLastValue(value);
    if (parseList(text).join(",") !== value.join(",")) setText(value.join(", "));
  }
  return (
    <input
      {...rest}
      ref={ref}
      className={inputClassName}
      autoComplete="off"
      spellCheck={false}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parseList(event.target.value));
      }}
      onBlur={onBlur}
    />
  );
}
