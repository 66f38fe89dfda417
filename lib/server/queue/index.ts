import "server-only";

/** The approval queue: filtered, ordered and paged in the database; the selected request's review. */
export { listQueue, QUEUE_COUNT_CAP, QUEUE_PAGE_SIZE } from "./list-queue";
export { loadQueueReview } from "./load-queue-review";
