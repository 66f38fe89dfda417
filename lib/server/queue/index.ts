import "server-only";

/** The approval queue: filtered, ordered and paged in the database; the selected request's review. */
export { listQueue, QUEUE_PAGE_SIZE, queueWhere } from "./list-queue";
export { loadQueueReview } from "./load-queue-review";
