import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutText, escapeDiscord, fitEscaped, splitEscaped } from '../../../src/render/discord/escape.js';

/** What Discord shows for escaped text: a backslash before punctuation disappears. */
const shown = (s: string) => s.replace(/\\([^A-Za-z0-9\s])/g, '$1');

describe('escapeDiscord', () => {
  it('neutralises Markdown, masked links, spoilers and code', () => {
    expect(escapeDiscord('*bold* _it_ ~~s~~ `c` ||sp|| [a](b)')).toBe('\\*bold\\* \\_it\\_ \\~\\~s\\~\\~ \\`c\\` \\|\\|sp\\|\\| \\[a\\](b)');
  });

  it('neutralises mentions, channels, emoji and timestamps', () => {
    const s = escapeDiscord('hi @everyone and @here, <@123>, <@&4>, <#5>, <:e:6>, <t:1:R>');
    expect(s).not.toMatch(/(^|[^\\])@(everyone|here)/);
    expect(s).not.toMatch(/(^|[^\\])</);
    expect(shown(s)).toBe('hi @everyone and @here, <@123>, <@&4>, <#5>, <:e:6>, <t:1:R>');
  });

  it('neutralises headings, lists and quotes at line starts only', () => {
    expect(escapeDiscord('# Title\n- item\n> quote\n1. one\nA - B')).toBe('\\# Title\n\\- item\n\\> quote\n1\\. one\nA - B');
  });

  it('leaves bare links clickable and unchanged', () => {
    expect(escapeDiscord('see https://example.org/a_b*c and _x_')).toBe('see https://example.org/a_b*c and \\_x\\_');
  });

  it('always shows the original words', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const url = /https?:\/\//.test(s);
        if (!url) expect(shown(escapeDiscord(s))).toBe(s);
      }),
    );
  });
});

describe('cutText', () => {
  const text = 'First sentence here. Second one is longer than the first. Third!';

  it('keeps text that fits', () => {
    expect(cutText(text, 500)).toBe(text);
  });

  it('cuts on a sentence boundary and marks the cut', () => {
    expect(cutText(text, 40)).toBe('First sentence here. …');
  });

  it('falls back to whole words when no sentence fits', () => {
    expect(cutText(text, 12)).toBe('First …');
  });

  it('measures escaped length, so escapes never push past the limit', () => {
    const starry = '*a* *b* *c* *d*. *e* *f*.';
    const out = fitEscaped(starry, 20);
    expect(out.length).toBeLessThanOrEqual(20);
    expect(out.endsWith('…')).toBe(true);
  });

  it('never exceeds the limit, never splits a word, and keeps a prefix of the source', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('alpha', 'b*c', '@everyone', 'Dé.', 'x_y.', ' ', ' ', '\n', 'Zeta!'), { maxLength: 80 }),
        fc.integer({ min: 2, max: 300 }),
        (parts, max) => {
          const s = parts.join('');
          const out = cutText(s, max);
          expect(escapeDiscord(out).length).toBeLessThanOrEqual(max);
          const kept = out.endsWith(' …') ? out.slice(0, -2) : out === '…' ? '' : out;
          expect(s.trim().startsWith(kept)).toBe(true);
          const next = s.trim().slice(kept.length);
          const firstWord = s.trim().split(/\s/)[0] ?? '';
          const atBoundary = next === '' || /^\s/.test(next) || /[\s.!?]$/.test(kept);
          // Only a single word longer than the whole limit may be cut inside.
          if (out.endsWith(' …') && kept) expect(atBoundary || escapeDiscord(firstWord).length > max - 2).toBe(true);
        },
      ),
    );
  });
});

describe('splitEscaped', () => {
  it('splits long text into chunks within the limit without losing words', () => {
    const long = Array.from({ length: 300 }, (_, i) => `Sentence number ${i} has *stars*.`).join(' ');
    const chunks = splitEscaped(long, 2000);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(2000);
    expect(chunks.map(shown).join(' ')).toBe(long);
  });

  it('prefers line breaks', () => {
    const chunks = splitEscaped(`${'a'.repeat(15)}\n${'b'.repeat(15)}`, 20);
    expect(chunks).toEqual(['a'.repeat(15), 'b'.repeat(15)]);
  });
});
