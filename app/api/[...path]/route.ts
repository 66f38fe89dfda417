import { buildProblem, problemResponse } from "@/lib/api/problem";

/**
 * Any /api path no route serves (a typo, a dot segment resolved away, an old client) answers like
 * every other API error, as problem+json, rather than with the HTML not-found page.
 */
function unknownEndpoint(req: Request): Response {
  const path = new URL(req.url).pathname.slice(0, 200);
  return problemResponse(buildProblem("NOT_FOUND", `there is no API endpoint at ${req.method} ${path}`));
}

export const GET = unknownEndpoint;
export const POST = unknownEndpoint;
export const PUT = unknownEndpoint;
export const PATCH = unknownEndpoint;
export const DELETE = unknownEndpoint;
