import * as z from "zod";

/**
 * Shapes every resource shares: field issues, RFC 9457 problems, timestamps, people, and whole
 * numbers in query strings and paths. The REST API's schemas are split by resource beside this
 * file; handlers parse with them, the OpenAPI document is generated from them, and the client's
 * wire types are their `z.infer`, so the three cannot drift apart.
 */

export const FieldIssueSchema = z
  .object({
    path: z.string().meta({ example: "globalSecondaryIndexes[0].name" }),
    code: z.string().meta({ example: "INDEX_NAME_LENGTH" }),
    message: z.string(),
    severity: z.enum(["error", "warning"]).optional(),
    source: z.string().optional(),
  })
  .meta({ id: "FieldIssue" });

export const ProblemSchema = z
  .looseObject({
    type: z.string().meta({ example: "urn:tablewright:problem:validation-failed" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().meta({ example: "VALIDATION_FAILED" }),
    requestId: z.string().optional(),
    errors: z.array(FieldIssueSchema).optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details (application/problem+json)." });

export const PersonSchema = z.object({ name: z.string(), email: z.string() }).meta({ id: "Person" });
/** An ISO 8601 instant, e.g. 2026-03-03T14:05:00.000Z. */
export const Timestamp = z.string().meta({ format: "date-time" });

/** A whole number in a query string or path segment, e.g. `?limit=50`: digits only, then range-checked. */
export const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

export type FieldIssue = z.infer<typeof FieldIssueSchema>;
export type Person = z.infer<typeof PersonSchema>;
