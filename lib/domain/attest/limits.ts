/** Largest plan document accepted (API body and CLI file): a plan of a whole large stack fits. */
export const MAX_PLAN_BYTES = 5 * 1024 * 1024;
