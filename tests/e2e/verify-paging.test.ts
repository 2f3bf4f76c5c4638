/**
 * /verify lists where the words first appear and each later source repeating them, a page at a
 * time: the answer lists the first ten later sources and a "More sources" button (stateless and
 * short whatever the claim: the claim is read back from the message's Claim line); the asker's
 * click gives the next page, and the last page has no button. End to end against the stand-in.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createCore } from '../../src/answer/core.js';
import { parseJsonlRecord } from '../../src/knowledge/jsonl.js';
import { startHarness, type Harness } from './harness.js';
import { click, IDS, slash } from './payloads.js';
import { customIds, EPHEMERAL, messageFromCallback, visibleText } from './util.js';

vi.setConfig({ testTimeout: 20_000 });

/** Long enough that no custom id could carry it. */
const WORDS = 'We will keep the harbour open to every ship that needs shelter, whatever the weather and whatever the cost to us.';

let h: Harness;
beforeAll(async () => {
  // 14 addresses repeating the line, one a year from 2001: the first appearance, then 13 later ones.
  const articles = Array.from({ length: 14 }, (_, k) =>
    parseJsonlRecord(
      JSON.stringify({ id: `y${2001 + k}`, title: `Address ${2001 + k}`, speaker: 'Harriet Example', date: `${2001 + k}-05-04`, text: WORDS }),
      'addresses.jsonl',
      k + 1,
    ),
  );
  h = await startHarness(createCore(articles));
}, 30_000);
afterAll(async () => {
  await h?.close();
});

const alsoIn = (text: string) => [...text.matchAll(/^Also in: Harriet Example, Address (\d{4}), \d{4}-05-04$/gm)].map((m) => Number(m[1]));

it('lists the first ten later sources with More sources; the asker’s click gives the other three, the last page no button', async () => {
  const verify = await h.answer(
    slash('verify', [
      { name: 'quote', value: WORDS },
      { name: 'speaker', value: 'harriet example' },
    ]),
  );
  const content: string = verify.body.data.content;
  expect(content.split('\n')[0]).toMatch(/^\*\*✅ Verbatim/);
  expect(content).toMatch(/^First seen: Address 2001, 2001-05-04 · 13 later sources$/m);
  expect(alsoIn(content)).toEqual([2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010, 2011]);
  const more = customIds(verify.body.data).find((id) => id.startsWith('vmore:'));
  expect(more).toBe(`vmore:${IDS.asker}:10`);

  const p = click(more!, messageFromCallback(verify));
  const from = h.standin.calls.length;
  const edit = await h.answer(p);
  expect(edit.ack.body.type).toBe(6); // the asker's click updates the clicked message: its More goes
  expect(customIds(edit.body.data)).not.toContain(more);
  const page = await h.next((c) => c.method === 'POST' && c.path === `/webhooks/${IDS.app}/${p.token}`, from);
  const next: string = page.body.content;
  expect(next.split('\n')[0]).toBe(`Claim: “${WORDS}” — attributed to Harriet Example`);
  expect(next).toContain('**Later sources repeating these words: 11–13 of 13**');
  expect(alsoIn(next)).toEqual([2012, 2013, 2014]);
  expect(customIds(page.body)).toEqual([]);
  expect(page.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
});

it('anyone else’s click on More sources gets the next page privately, the answer untouched', async () => {
  const verify = await h.answer(
    slash('verify', [
      { name: 'quote', value: WORDS },
      { name: 'speaker', value: 'harriet example' },
    ]),
  );
  const more = customIds(verify.body.data).find((id) => id.startsWith('vmore:'))!;
  const other = await h.answer(click(more, messageFromCallback(verify), { userId: IDS.other }));
  expect(other.ack.body.type).toBe(5);
  expect(other.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
  expect(alsoIn(visibleText(other.body.data))).toEqual([2012, 2013, 2014]);
});
