import "server-only";
import { AppError } from "@/lib/domain/app-error";
import type { Tx } from "./audit";
import type { Db } from "./db";

const MAX_ATTEMPTS = 4;

/** Errors that mean "another writer got there first; running again may succeed". */
function isRetryableConflict(error: unknown): boolean {
  const e = error as {
    code?: string;
    message?: string;
    meta?: { driverAdapterError?: { cause?: { originalCode?: string } } };
  };
  const original = e.meta?.driverAdapterError?.cause?.originalCode;
  return (
    e.code === "P2034" ||
    original === "SQLITE_BUSY" ||
    original === "SQLITE_BUSY_SNAPSHOT" ||
    original === "40001" ||
    original === "40P01" ||
    /SQLITE_BUSY|could not serialize|deadlock detected/i.test(e.message ?? "")
  );
}

/** Whether the error means the database itself is unreachable (not a bug, not bad input). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as {
    code?: string;
    message?: string;
    name?: string;
    meta?: { driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } };
  };
  // PostgreSQL classes 08 (connection exception) and 57P0x (shutdown, crash, cannot connect now):
  // what in-flight queries get when the server stops (found by the resilience suite's fault test).
  const sqlState =
    e.meta?.driverAdapterError?.cause?.originalCode ?? /Code: `([0-9A-Z]{5})`/.exec(e.message ?? "")?.[1];
  // A query on a pooled connection the server dropped has no SQLSTATE: Prisma's driver adapter
  // reports it as kind ConnectionClosed ("Server has closed the connection.", code P2010).
  const adapterKind = e.meta?.driverAdapterError?.cause?.kind;
  return (
    ["P1001", "P1002", "P1017", "P2024"].includes(e.code ?? "") ||
    adapterKind === "ConnectionClosed" ||
    /^(08...|57P0[123])$/.test(sqlState ?? "") ||
    /ECONNREFUSED|ECONNRESET|Connection terminated|timeout exceeded when trying to connect|Can't reach database|the database system is (shutting down|starting up)|terminating connection due to administrator command|Client has encountered a connection error|Server has closed the connection/i.test(
      e.message ?? "",
    )
  );
}

/**
 * Whether the database refused a value the client sent (PostgreSQL SQLSTATE class 22, "data
 * exception": a NUL in text, a timestamp out of range, a number too large). That is bad input,
 * answered as a 400, never a 500; the URL and body checks should stop such values earlier.
 */
export function isInvalidDataError(error: unknown): boolean {
  const e = error as { message?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
  const sqlState =
    e.meta?.driverAdapterError?.cause?.originalCode ?? /Code: `([0-9A-Z]{5})`/.exec(e.message ?? "")?.[1];
  return /^22[0-9A-Z]{3}$/.test(sqlState ?? "");
}

/**
 * Runs `fn` in one interactive transaction. A write conflict (SQLite busy, PostgreSQL serialization
 * failure or deadlock) is retried a few times with jitter, then reported as a 409 conflict, never a 500.
 */
export async function runTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(fn, { maxWait: 5_000, timeout: 15_000 });
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (isRetryableConflict(error) && attempt < MAX_ATTEMPTS) {
        await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 25));
        continue;
      }
      if (isRetryableConflict(error)) {
        throw new AppError("CONFLICT", "the change request was being changed by someone else; reload and try again");
      }
      if (isDatabaseUnavailable(error)) {
        throw new AppError("DATABASE_UNAVAILABLE", "the database is unreachable; try again shortly");
      }
      throw error;
    }
  }
}
