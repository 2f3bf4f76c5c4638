import { expect, it } from 'vitest';
import { createCooldown } from '../../src/discord/cooldown.js';

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
