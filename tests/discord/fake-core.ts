/**
 * A small hand-written Core for unit tests of the Discord face (the e2e tests use the real one).
 * Page size 2, so "More" has something to do with three citations.
 */
import type { Answer, AnswerRequest, Citation } from '../../src/answer/types.js';

const source = {
  sourceId: 'src-1',
  title: 'NATO Allies Meet To Discuss Deterrence',
  publisher: 'Diplomatic Times',
  date: '2021-03-24',
  url: 'https://example.org/nato?id=1',
};

export const CITATIONS: Citation[] = [
  { ...source, kind: 'quote', speaker: 'Jens Stoltenberg', excerpt: 'We don’t regard China as an adversary.', alsoIn: [], passageKey: 'p1' },
  {
    ...source,
    kind: 'reported',
    speaker: 'Jens Stoltenberg',
    excerpt: 'He said all Allies remain firmly committed to nuclear arms control.',
    alsoIn: [],
    passageKey: 'p2',
  },
  {
    ...source,
    kind: 'quote',
    speaker: 'Jens Stoltenberg',
    excerpt: 'Hello @everyone, this is <@123> and *bold* text.',
    alsoIn: [],
    passageKey: 'p3',
  },
];

export function makeAnswer(request: AnswerRequest, citations: Citation[], pageSize = 2): Answer {
  const page = citations.slice(request.offset, request.offset + pageSize);
  const found = page.length > 0;
  return {
    command: request.command,
    found,
    text: found ? page.map((c) => `${c.speaker}: “${c.excerpt}” (${c.date})`).join('\n') : 'No quotes found for “nobody”.',
    citations: page,
    heading: request.command === 'quote' ? `${request.speaker} on “${request.topic}”` : 'Answer',
    suggestions: found ? [] : ['Jens Stoltenberg'],
    request,
    hasMore: request.offset + pageSize < citations.length,
  };
}
