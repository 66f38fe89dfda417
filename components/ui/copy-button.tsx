"use client";

import { useEffect, useState } from "react";
import controls from "./controls.module.css";
import styles from "./page.module.css";

/**
 * Copies text to the clipboard and says so in a live region (screen readers hear "Copied").
 * Falls back to a selection copy where the Clipboard API is refused (plain-HTTP intranets).
 */
export function CopyButton({ text, label = "Copy", className }: { text: string; label?: string; className?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState(copyBySelection(text) ? "copied" : "failed");
    }
  }

  return (
    <span className={controls.copyWrap}>
      <button
        type="button"
        className={className ?? `${styles.button} ${styles.secondary} ${controls.small}`}
        onClick={copy}
      >
        {label}
      </button>
      <span role="status" className={controls.copyStatus}>
        {state === "copied" ? "Copied" : state === "failed" ? "Copy failed: select the text and copy it" : ""}
      </span>
    </span>
  );
}

function copyBySelection(text: string): boolean {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
