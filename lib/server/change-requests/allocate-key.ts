import "server-only";
import type { Db } from "../db";
import { runTransaction } from "../run-transaction";

const COUNTER = "change-request-number";

/**
 * The next change request number, in its own short transaction so creating requests does not hold
 * the counter's row lock while rendering. A failed create leaves a gap in the numbers, as ticket
 * systems do; numbers are never reused.
 */
export async function allocateChangeRequestNumber(db: Db): Promise<number> {
  return runTransaction(db, async (tx) => {
    // The init migration inserts the row, so this is always an UPDATE (row lock), never a racing INSERT.
    const counter = await tx.counter.update({ where: { name: COUNTER }, data: { value: { increment: 1 } } });
    return counter.value;
  });
}

export const keyForNumber = (n: number) => `TW-${n}`;
