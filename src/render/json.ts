import type { Answer } from '../answer/types.js';

/** The `ask --json` contract: one answer → one line of JSON, with every citation's source and date. */
export function renderJson(answer: Answer): string {
  return JSON.stringify({
    command: answer.command,
    found: answer.found,
    text: answer.text,
    citations: answer.citations.map((c) => ({
      kind: c.kind,
      speaker: c.speaker,
      excerpt: c.excerpt,
      sourceId: c.sourceId,
      title: c.title,
      publisher: c.publisher,
      date: c.date,
      url: c.url,
      alsoIn: c.alsoIn.map((s) => ({ sourceId: s.sourceId, title: s.title, date: s.date })),
    })),
    suggestions: answer.suggestions,
    hasMore: answer.hasMore,
    total: answer.total ?? answer.citations.length,
  });
}
