import { expect, it } from 'vitest';
import type { AnswerRequest } from '../../../src/answer/types.js';
import { decodeRequest, encodeRequest } from '../../../src/render/discord/custom-ids.js';

it('buttons carry since / until and timelines through a restart', () => {
  const requests: AnswerRequest[] = [
    { command: 'quote', speaker: 'Jens Stoltenberg', topic: 'china', since: '2019', offset: 5 },
    { command: 'summary', topic: 'bulgaria', until: '2021-03-22', offset: 0 },
    { command: 'verify', claim: 'words', speaker: '', since: '2020-01', until: '2021', offset: 0 },
    { command: 'timeline', topic: 'russia', speaker: 'Jens Stoltenberg', offset: 8 },
    { command: 'timeline', topic: 'russia', speaker: '', since: '2021', offset: 0 },
    { command: 'quote', speaker: 'Jens Stoltenberg', topic: 'china', offset: 0 },
  ];
  for (const r of requests) expect(decodeRequest(encodeRequest(r))).toEqual(r);
  // Ids made before this change still decode.
  expect(encodeRequest(requests[5]!)).toBe(Buffer.from(JSON.stringify(['q', 'Jens Stoltenberg', 'china', 0])).toString('base64url'));
});
