/**
 * Values the answers are tuned by, in one place, each with why it has its value. A change here
 * changes what users read: run the graders in ../shared/eval (see CONTRIBUTING.md) after one.
 */

/** Results per page of /quote and free-text search: five fit one Discord message and one screen. */
export const PAGE = 5;
