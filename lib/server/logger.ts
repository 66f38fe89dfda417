import "server-only";
import pino from "pino";

/**
 * Structured JSON logs (pino: fast, the de-facto Node JSON logger). Anything that could carry a
 * secret is redacted by path; request bodies are never logged.
 */
const holder = globalThis as typeof globalThis & { __tablewrightLogger?: pino.Logger };

export function getLogger(): pino.Logger {
  holder.__tablewrightLogger ??= createLogger();
  return holder.__tablewrightLogger;
}

/** The process logger's configuration; tests pass a level and a destination to read what it writes. */
export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): pino.Logger {
  const config = {
    level: options.level ?? process.env.TABLEWRIGHT_LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
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
    formatters: { level: (label: string) => ({ level: label }) },
  } satisfies pino.LoggerOptions;
  return options.destination ? pino(config, options.destination) : pino(config);
}
