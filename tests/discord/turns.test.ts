/**
 * Answers take turns after acknowledgements (src/discord/turns.ts): an answer waits while an
 * interaction that has arrived is unacknowledged, goes once it is, one answer per turn of the
 * event loop in arrival order; and under steady traffic, where some acknowledgement is always in
 * flight, an answer still goes after a bounded wait instead of starving. (Fake timers: no timing.)
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { Turns } from '../../src/discord/turns.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Starts a turn and records when it went. */
function start(turns: Turns, name: string, went: string[], id?: string): void {
  void turns.turn(id).then(() => went.push(name));
}

it('holds answers while an interaction awaits its acknowledgement, then lets them go one per loop turn, in order', async () => {
  const turns = new Turns();
  const went: string[] = [];
  turns.arrived('a');
  turns.arrived('b');
  start(turns, 'answer a', went, 'a'); // a is acknowledged; b is not yet
  start(turns, 'answer c', went);
  await vi.advanceTimersByTimeAsync(500);
  expect(went).toEqual([]);
  turns.settled('b');
  await vi.advanceTimersToNextTimerAsync(); // one turn of the loop: one answer
  expect(went).toEqual(['answer a']);
  await vi.advanceTimersToNextTimerAsync();
  expect(went).toEqual(['answer a', 'answer c']);
});

it('never starves an answer: with an acknowledgement always in flight, it goes after a bounded wait', async () => {
  const turns = new Turns();
  const went: string[] = [];
  start(turns, 'answer', went);
  // Steady traffic: a new interaction every 100 ms, each acknowledged 150 ms later (a round trip).
  for (let k = 0; k < 30 && !went.length; k++) {
    turns.arrived(`i${k}`);
    setTimeout(() => turns.settled(`i${k}`), 150);
    await vi.advanceTimersByTimeAsync(100);
  }
  expect(went).toEqual(['answer']);
  expect(performance.now()).toBeLessThanOrEqual(2200);
});

it('an answer waits at most two seconds for an acknowledgement that never comes', async () => {
  const turns = new Turns();
  const went: string[] = [];
  turns.arrived('lost');
  start(turns, 'answer', went);
  await vi.advanceTimersByTimeAsync(1900);
  expect(went).toEqual([]);
  await vi.advanceTimersByTimeAsync(200);
  expect(went).toEqual(['answer']);
});
