import "server-only";
import pino from "pino";

/**
 * Structured JSON logs (pino: fast, the de-facto Node JSON logger). Anything that could carry a
 * secret is redacted by path; request bodies are never logged.
 */
const holder = globalThis as typeof globalThis & { __tablewrightLogger?: pino.Logger };

export function getLogger(): pino.Logger {
  holder.__tablewrightLogger ??= pino({
    level: process.env.TABLEWRIGHT_LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
    base: { service: "tablewright" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        "authorization",
        "cookie",
        "token",
        "secret",
        "password",
        "*.authorization",
        "*.cookie",
        "*.token",
        "*.secret",
        "*.password",
      ],
      censor: "[redacted]",
    },
    formatters: { level: (label) => ({ level: label }) },
  });
  return holder.__tablewrightLogger;
}
