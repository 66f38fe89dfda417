import * as z from "zod";
import { CHANGE_REQUEST_FLAGS } from "./change-requests";
import { Timestamp } from "./common";

/**
 * The approval queue's filters, sort and page, as its URL carries them (a filtered queue can be
 * shared and works without JavaScript). A value the queue does not know falls back to its default
 * instead of failing the page: the URL is typed by hand as often as it is clicked.
 */
export const QUEUE_SORTS = ["oldest", "newest", "cost-desc", "cost-asc", "tier"] as const;
export const QUEUE_COST_BANDS = ["lt100", "100to1000", "gt1000"] as const;
/** Minimum days waiting since submission. */
export const QUEUE_AGES = ["1", "3", "7"] as const;
/**
 * all: every submitted request; mine: those the viewer may still approve (not theirs, not written by
 * them, not approved by them yet); others: those waiting on someone else (the viewer asked for,
 * wrote or already approved them).
 */
export const QUEUE_VIEWS = ["all", "mine", "others"] as const;

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const QueueQuerySchema = z.object({
  tier: optional(z.enum(["dev", "staging", "prod"])),
  team: optional(
    z
      .string()
      .trim()
      .max(100)
      .transform((v) => v || undefined),
  ),
  flag: optional(z.enum(CHANGE_REQUEST_FLAGS)),
  age: optional(z.enum(QUEUE_AGES)),
  cost: optional(z.enum(QUEUE_COST_BANDS)),
  view: z.enum(QUEUE_VIEWS).catch("all"),
  sort: z.enum(QUEUE_SORTS).catch("oldest"),
  cursor: optional(z.string().max(500)),
  selected: optional(z.string().regex(/^TW-\d{1,9}$/)),
});

export type QueueQuery = z.infer<typeof QueueQuerySchema>;
export type QueueSort = QueueQuery["sort"];
export type QueueView = QueueQuery["view"];

/** One queue entry: what the list shows and sorts on. */
export const QueueItemSchema = z.object({
  key: z.string(),
  title: z.string(),
  tier: z.string(),
  team: z.object({ slug: z.string() }),
  requester: z.object({ name: z.string(), email: z.string() }),
  monthlyCostUsd: z.number(),
  regions: z.array(z.string()),
  flags: z.array(z.string()),
  approvals: z.object({ count: z.number().int(), required: z.number().int() }),
  currentRevision: z.number().int(),
  waitingSince: Timestamp.meta({ description: "When it was submitted: the queue's age." }),
  isOwn: z.boolean().meta({ description: "The viewer asked for it or wrote its current revision (four-eyes)." }),
  purpose: z
    .string()
    .meta({ description: "The requester's purpose for the current revision: approvers read it first." }),
  approvedByMe: z
    .boolean()
    .meta({ description: "The viewer approved the current revision: it waits on another approver." }),
  plan: z.object({ risk: z.string(), steps: z.number().int() }).nullable().meta({
    description: "A change to a managed table: its operation plan's risk and number of steps; null for a create.",
  }),
  mayDecide: z.boolean().meta({
    description:
      "The viewer's role may decide it: platform approvers any request, budget approvers only those routed to their role.",
  }),
  routedRoles: z
    .array(z.string())
    .meta({ description: "Roles the tier policy's approval routing adds to this request (e.g. BUDGET_APPROVER)." }),
  account: z
    .object({ accountId: z.string(), name: z.string().nullable() })
    .nullable()
    .meta({ description: "The AWS account its module targets (the mapping it was rendered with); null: the default." }),
});

export const QueuePageSchema = z.object({
  items: z.array(QueueItemSchema),
  total: z.number().int().meta({ description: "How many submitted requests wait in all, filters aside (capped)." }),
  totalCapped: z.boolean().meta({ description: "More wait than were counted: total is a lower bound." }),
  nextCursor: z.string().nullable(),
});

export type QueueItem = z.infer<typeof QueueItemSchema>;
export type QueuePage = z.infer<typeof QueuePageSchema>;
