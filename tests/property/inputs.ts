/** Hostile inputs: the kinds of things people paste, and the kinds that break parsers. */
import fc from 'fast-check';
import { vi } from 'vitest';
import type { AnswerRequest } from '../../src/answer/types.js';

// A failure found on a 20,000-character input can take fast-check many minutes to shrink, each
// step rendering the whole text: stop after a minute and report the counterexample found so far
// (a failure found is always reported; a slow machine merely runs fewer cases).
fc.configureGlobal({ interruptAfterTimeLimit: 60_000, markInterruptAsFailure: false });
// vitest must not time the property out before fast-check's own minute is up (on a loaded
// machine a full run of 1,000 renders can take longer than the default 20 s).
vi.setConfig({ testTimeout: 90_000 });

const TOKENS = [
  '', ' ', '  ', '\n', '\r\n', '\t', '\0', '\u0007', '\u001b[31m', '\u007f', '\u0085',
  '\u202e', '\u202d', '\u2066', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u00a0', '\u3000',
  '\ud800', '\udfff', '\ud83d', '😀', '👨‍👩‍👧', '🇺🇦', '🏳️‍🌈', 'é', 'é', 'ﬁ', 'İ', 'ß', 'Ⅻ', '①',
  '@everyone', '@here', '@EVERYONE', '<@123>', '<@!123>', '<@&1>', '<#1>', '</quote:1>', '<t:0:R>', '<:e:123>', '<a:e:1>',
  '`', '``', '```', '```js', '*', '**', '***', '_', '__', '~~', '||', '>', '> ', '>>> ', '# ', '## ', '-# ', '- ', '1. ',
  '[x](http://evil.example)', '[a]', '](', 'http://x.example/@everyone', 'https://discord.gg/x', 'javascript:alert(1)',
  "'", '!', '^', '$', '|', '=', "'stoltenberg", '!china', '^nato', 'russia$', 'china | russia', '"',
  '.*', '(?:', '(', ')', '[a-z', '\\', '\\d+', '{1,}', '+?', '$1', '$&', '%s', '%n', '${x}', '{{x}}', '__proto__', 'constructor',
  'stoltenberg', 'Stoltenberg', 'STOLTENBERG', 'stoltenbreg', 'stoltenberg,', 'Jens', 'Jens Stoltenberg', 'borissov', 'Boyko Borissov',
  'china', 'chna', 'China’s', 'russia', 'Russian', 'nato', 'NATO', 'spy ring', 'arms control', 'nuclear', 'Baltic', 'Bulgaria',
  'said', 'the', 'a', 'of', '/quote', '/summary', '/sources', '/help', 'more', 'what did', 'say about', '?', 'in 2021', 'since 2020',
  'в России', 'Столтенберг', 'الصين', 'الناتو', '中国', '北約', 'नाटो', 'ไทย', 'Ελλάδα', 'Niinistö', 'Niinisto', '한국', '日本語',
];

const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
);

const separator = fc.constantFrom(' ', ' ', ' ', '', '\n', ':', ', ', '\u200b');

const short = fc
  .array(fc.tuple(token, separator), { maxLength: 12 })
  .map((parts) => parts.map(([t, s]) => t + s).join(''));

/** 5,000 to 20,000 characters: a pasted article, or the same thing over and over. */
const long = fc.tuple(short, fc.integer({ min: 5000, max: 20_000 })).map(([seed, size]) => {
  const unit = seed.length ? seed : 'stoltenberg china ';
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
});

export const hostile = fc.oneof({ weight: 9, arbitrary: short }, { weight: 1, arbitrary: long });

const offset = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 100_000 }));
const speaker = fc.oneof(fc.constantFrom('Jens Stoltenberg', 'stoltenberg', 'Boyko Borissov', 'borissov', 'nato chief'), hostile);

export const hostileRequest: fc.Arbitrary<AnswerRequest> = fc.oneof(
  fc.record({ command: fc.constant('quote' as const), speaker, topic: hostile, offset }),
  fc.record({ command: fc.constant('summary' as const), topic: hostile, offset }),
  fc.record({ command: fc.constant('search' as const), query: hostile, offset }),
  fc.record({ command: fc.constant('sources' as const), offset }),
  fc.record({ command: fc.constant('help' as const), offset }),
);
