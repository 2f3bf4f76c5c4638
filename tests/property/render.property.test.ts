/**
 * The Discord renderer on hostile *source* text (titles, publishers, links, speakers and excerpts
 * of any length and content, many citations, "also in" lists, source lists): every message fits
 * Discord's limits, and nothing in a source can mention or format (≥ 1,000 cases per property).
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { Answer, Citation, SourceSummary } from '../../src/answer/types.js';
import { renderAnswer } from '../../src/render/discord/answer.js';
import { renderCite } from '../../src/render/discord/cite.js';
import { renderContext } from '../../src/render/discord/context.js';
import { renderReloadText } from '../../src/render/discord/reload.js';
import { messageProblems } from './checks.js';
import { hostile } from './inputs.js';

const RUNS = 1000;
/** fast-check stops after 60 s on a slow machine (inputs.ts); vitest must not stop it sooner. */
const SLOW_MACHINE_MS = 90_000;
const text = fc.oneof({ weight: 3, arbitrary: hostile }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) });
const nonEmpty = text.map((s) => (s.trim() ? s : 'x'));
const url = fc.option(
  fc.oneof(
    fc.webUrl(),
    fc.constantFrom(
      'javascript:alert(1)',
      'http://x.example/(a) b',
      'not a url',
      'https://x.example/@everyone',
      `https://x.example/${'a'.repeat(3000)}`,
    ),
  ),
);
const date = fc.oneof(
  fc.constantFrom('2021', '1863', '2021-03-24'),
  fc.date({ min: new Date('1800-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);

// Every citation and source summary is a source plus its own fields.
const sourceFields = { sourceId: fc.string({ minLength: 1, maxLength: 40 }), title: nonEmpty, publisher: fc.option(text), date, url };
const source = fc.record(sourceFields);

const citation: fc.Arbitrary<Citation> = fc.record({
  ...sourceFields,
  kind: fc.constantFrom('quote' as const, 'reported' as const, 'passage' as const),
  speaker: fc.option(nonEmpty),
  excerpt: nonEmpty,
  alsoIn: fc.array(source, { maxLength: 30 }),
  passageKey: fc
    .string({ minLength: 1, maxLength: 40 })
    .map((s) => s.replace(/:/g, ''))
    .filter((s) => s.length > 0),
});

const summary: fc.Arbitrary<SourceSummary> = fc.record({
  ...sourceFields,
  author: fc.option(text),
  paragraphs: fc.nat(1000),
  quotes: fc.nat(1000),
  speakers: fc.array(nonEmpty, { maxLength: 10 }),
});

const answer: fc.Arbitrary<Answer> = fc
  .record({
    found: fc.boolean(),
    text,
    heading: text,
    citations: fc.array(citation, { maxLength: 12 }),
    sources: fc.option(fc.array(summary, { maxLength: 60 }), { nil: undefined }),
    suggestions: fc.array(text, { maxLength: 12 }),
    hasMore: fc.boolean(),
    offset: fc.nat(100_000),
    speaker: nonEmpty,
    topic: text,
  })
  .map(({ offset, speaker, topic, sources, ...a }) => ({
    ...a,
    command: 'quote' as const,
    request: { command: 'quote' as const, speaker: speaker.slice(0, 300), topic: topic.slice(0, 300), offset },
    ...(sources ? { sources } : {}),
  }));

it('renders any answer within limits, escaped', () => {
  fc.assert(
    fc.property(answer, (a) => {
      const messages = renderAnswer(a, { askerId: '1100000000000000005' });
      expect(messages.length).toBeGreaterThan(0);
      expect(messages.flatMap((m) => messageProblems(m, { heading: true }))).toEqual([]);
    }),
    { numRuns: RUNS },
  );
  // 1,000 hostile answers take ~10 s alone and over 30 s on the shared 2-core machine under load.
}, 120_000);

it(
  'renders Cite and Context for any citation within limits',
  () => {
    fc.assert(
      fc.property(citation, text, fc.option(text), (c, paragraph, section) => {
        const cite = renderCite(c);
        expect(cite.content!.length).toBeLessThanOrEqual(2000);
        // The citation line is plain text in a code block (exactly what is copied); without a block it is escaped.
        // The plain line, then each style's entry, each in its own code block (fences always pair up).
        const block = /^Citation to copy:\n```\n[\s\S]*\n```$/.exec(cite.content!);
        if (block) expect(cite.content!.split('```').length % 2).toBe(1);
        else expect(messageProblems(cite)).toEqual([]);
        const context = renderContext({ source: c, section, text: paragraph.trim() ? paragraph : 'x' }, c.excerpt);
        expect(messageProblems(context)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  },
  SLOW_MACHINE_MS,
);

it(
  'renders any reload report within one message, escaped',
  () => {
    const files = fc.array(text, { maxLength: 200 });
    fc.assert(
      fc.property(
        files,
        files,
        files,
        files,
        fc.array(fc.record({ file: text, line: fc.option(fc.nat(), { nil: undefined }), reason: text }), { maxLength: 100 }),
        (added, changed, removed, kept, problems) => {
          const content = renderReloadText({ added, changed, removed, keptLastGood: kept, problems, sources: 3, ms: 12 });
          expect(messageProblems({ content, embeds: [], components: [] })).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  },
  SLOW_MACHINE_MS,
);
