import { expect, it } from 'vitest';
import { createCooldown, createCooldowns } from '../../src/discord/cooldown.js';

it('allows 5 per 10 s, warns once, stays silent, then recovers', () => {
  let now = 0;
  const c = createCooldown(5, 10_000, () => now);
  const verdicts = Array.from({ length: 8 }, () => c.hit('u'));
  expect(verdicts).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'warn', 'silent', 'silent']);
  expect(c.hit('someone else')).toBe('ok');
  now = 10_001;
  expect(c.hit('u')).toBe('ok');
});

it('uses a sliding window', () => {
  let now = 0;
  const c = createCooldown(2, 1000, () => now);
  expect(c.hit('u')).toBe('ok');
  now = 600;
  expect(c.hit('u')).toBe('ok');
  now = 900;
  expect(c.hit('u')).toBe('warn');
  now = 1001; // the first hit left the window
  expect(c.hit('u')).toBe('ok');
});

it('limits questions and clicks per user separately, and both per channel', () => {
  let now = 0;
  const c = createCooldowns(
    { user: { limit: 2, windowMs: 1000 }, clicks: { limit: 3, windowMs: 1000 }, channel: { limit: 6, windowMs: 1000 } },
    () => now,
  );
  expect([1, 2, 3].map(() => c.check('question', 'a', 'ch').verdict)).toEqual(['ok', 'ok', 'warn']);
  expect(c.check('question', 'a', 'ch').scope).toBe('user');
  expect([1, 2, 3, 4].map(() => c.check('click', 'a', 'ch').verdict)).toEqual(['ok', 'ok', 'ok', 'warn']);
  // 5 counted in the channel so far (user-limited ones are not): b gets one, then the channel is full.
  expect(c.check('question', 'b', 'ch')).toEqual({ verdict: 'ok', scope: 'channel' });
  expect(c.check('question', 'b', 'ch')).toEqual({ verdict: 'warn', scope: 'channel' });
  expect(c.check('question', 'c', 'ch')).toEqual({ verdict: 'silent', scope: 'channel' });
  expect(c.check('question', 'c', 'elsewhere').verdict).toBe('ok');
  expect(c.check('question', 'd', null).verdict).toBe('ok');
  now = 1001;
  expect(c.check('question', 'a', 'ch').verdict).toBe('ok');
});

it('has no limits where none is configured', () => {
  const c = createCooldowns({});
  for (let n = 0; n < 1000; n++) expect(c.check('question', 'a', 'ch').verdict).toBe('ok');
});
