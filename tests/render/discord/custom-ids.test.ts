import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerRequest } from '../../../src/answer/types.js';
import { citationCheck, decodeButton, decodeRequest, encodeButton, encodeRequest } from '../../../src/render/discord/custom-ids.js';

const requests: AnswerRequest[] = [
  { command: 'quote', speaker: 'Jens Stoltenberg', topic: 'china', offset: 3 },
  { command: 'quote', speaker: 'Sauli Niinistö', topic: '', offset: 0 },
  { command: 'summary', topic: 'arms control', offset: 6 },
  { command: 'search', query: 'spy ring', offset: 0 },
  { command: 'sources', offset: 10 },
  { command: 'help', offset: 0 },
];

describe('custom ids', () => {
  it.each(requests)('round-trips %o through More and Cite ids within 100 characters', (request) => {
    for (const action of [
      { kind: 'more' as const, askerId: '1100000000000000005', request },
      { kind: 'cite' as const, index: 2, check: citationCheck({ sourceId: 's', excerpt: 'e' }), request },
    ]) {
      const id = encodeButton(action)!;
      expect(id.length).toBeLessThanOrEqual(100);
      expect(decodeButton(id)).toEqual(action);
    }
  });

  it('round-trips the /verify ids that read their claim from the message: More sources and ClaimReview', () => {
    for (const action of [
      { kind: 'vmore' as const, askerId: '1100000000000000005', offset: 10 },
      { kind: 'claimreview' as const, index: 0, check: citationCheck({ sourceId: 's', excerpt: 'e' }) },
    ]) {
      const id = encodeButton(action)!;
      expect(id.length).toBeLessThanOrEqual(100);
      expect(decodeButton(id)).toEqual(action);
    }
  });

  it('round-trips Context ids', () => {
    const id = encodeButton({ kind: 'context', index: 1, passageKey: 'a1b2:17' })!;
    expect(decodeButton(id)).toEqual({ kind: 'context', index: 1, passageKey: 'a1b2:17' });
  });

  it('returns null instead of an id longer than Discord allows', () => {
    const request: AnswerRequest = { command: 'quote', speaker: 'x'.repeat(60), topic: 'y'.repeat(60), offset: 0 };
    expect(encodeButton({ kind: 'more', askerId: '1', request })).toBeNull();
  });

  it.each([
    '',
    'more',
    'more:abc:WyJoIiwwXQ',
    'more:1:WyJoIiwwXQ:extra',
    'more:1:!!!',
    `more:1:${Buffer.from('["q","a","b",-1]').toString('base64url')}`,
    `more:1:${Buffer.from('["q","","b",1]').toString('base64url')}`,
    `more:1:${Buffer.from('["z",1]').toString('base64url')}`,
    `more:1:${Buffer.from('{"command":"help"}').toString('base64url')}`,
    'cite:0:ABC:WyJoIiwwXQ',
    'cite:x:abc:WyJoIiwwXQ',
    'ctx:1:',
    'ctx:100:p',
    'delete:everything',
    'vmore:abc:10',
    'vmore:1:-1',
    'vmore:1:123456',
    'vmore:1:10:extra',
    'crev:0:ABC',
    'crev:x:abc',
    'crev:0:abc:extra',
    `more:1:${'A'.repeat(100)}`,
  ])('refuses the forged or damaged id %j', (id) => {
    expect(decodeButton(id)).toBeNull();
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (s) => {
        decodeButton(s);
        decodeRequest(s);
      }),
    );
  });

  it('round-trips arbitrary quote requests', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), fc.string({ maxLength: 20 }), fc.nat(1000), (speaker, topic, offset) => {
        const r: AnswerRequest = { command: 'quote', speaker, topic, offset };
        expect(decodeRequest(encodeRequest(r))).toEqual(r);
      }),
    );
  });

  it('gives different checks for different words', () => {
    expect(citationCheck({ sourceId: 'a', excerpt: 'We will' })).not.toBe(citationCheck({ sourceId: 'a', excerpt: 'We won’t' }));
  });
});
