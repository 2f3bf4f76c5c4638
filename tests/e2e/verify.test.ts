/**
 * /verify and the "Verify quote" message command, end to end: the real discord.js client logged
 * into the local stand-in, answering from the seed articles; assertions on what the bot sent.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Harness } from './harness.js';
import { botUser, click, IDS, messageObject, slash, snowflake, user, userMessage } from './payloads.js';
import { useSeedHarness } from './seed-harness.js';
import { claimReviewOf } from '../../src/render/claimreview.js';
import type { Call } from './standin.js';
import { customIds, EPHEMERAL, messageFromCallback, visibleText } from './util.js';

vi.setConfig({ testTimeout: 15_000 });

let h: Harness;
useSeedHarness((started) => {
  h = started;
});

/** INTERACTION_CREATE for a message context-menu command (type 2, data.type 3) on a user's message. */
function messageCommand(name: string, content: string) {
  const target = messageObject(IDS.channel, { content }, user(IDS.other, 'colleague'));
  const base = slash(name);
  return {
    ...base,
    data: { id: `${IDS.command}2`, name, type: 3, target_id: target.id, resolved: { messages: { [target.id]: { ...target, guild_id: IDS.guild } } } },
  };
}

const sentTo = (channel: string) => (c: { method: string; path: string }) => c.method === 'POST' && c.path === `/channels/${channel}/messages`;

describe('/verify', () => {
  it('says a misquote is altered, shows the missing negation and cites the real words with Context and Cite', async () => {
    const call = await h.answer(
      slash('verify', [
        { name: 'quote', value: 'We regard China as an adversary' },
        { name: 'speaker', value: 'stoltenberg' },
      ]),
    );
    const data = call.body.data;
    expect(data.flags & EPHEMERAL).toBe(0);
    expect(data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(data.content.split('\n')[0]).toMatch(/^\*\*⚠️ Altered/);
    expect(data.content).toMatch(/Negation differs[^\n]*\*\*−don’t\*\*/);
    expect(data.content).toMatch(/Differences: We \*\*−don’t\*\* regard China as an adversary/);
    const text = visibleText(data);
    expect(text).toContain('We don’t regard China as an adversary.');
    expect(text).toContain('Jens Stoltenberg');
    expect(text).toMatch(/24 March 2021/);
    expect(customIds(data).some((id) => id.startsWith('ctx:'))).toBe(true);
    expect(customIds(data).some((id) => id.startsWith('cite:'))).toBe(true);
    expect(text).not.toMatch(/\bfalse\b/i);
  });

  it('the Cite button gives the citation of the real words', async () => {
    const call = await h.answer(
      slash('verify', [
        { name: 'quote', value: 'We regard China as an adversary' },
        { name: 'speaker', value: 'stoltenberg' },
      ]),
    );
    const cite = customIds(call.body.data).find((id) => id.startsWith('cite:'))!;
    const clicked = await h.answer(click(cite, messageFromCallback(call)));
    expect(clicked.body.data.content).toContain('Jens Stoltenberg: “');
    expect(clicked.body.data.content).toContain('We don’t regard China as an adversary.');
    expect(clicked.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
  });

  it("a claim too long to replay in a button still gets Cite (the excerpt's place in its paragraph)", async () => {
    const quote = 'NATO takes protection of classified information, very, very seriously, and we fully support the efforts by Bulgaria';
    const call = await h.answer(
      slash('verify', [
        { name: 'quote', value: quote },
        { name: 'speaker', value: 'borissov' },
      ]),
    );
    const cite = customIds(call.body.data).find((id) => id.startsWith('vcite:'))!;
    expect(cite).toBeDefined();
    expect(cite.length).toBeLessThanOrEqual(100);
    const clicked = await h.answer(click(cite, messageFromCallback(call)));
    expect(clicked.body.data.content).toContain('Jens Stoltenberg: “');
    expect(clicked.body.data.content).toContain('NATO takes protection of classified information, very, very seriously');
    // A forged range is refused, not guessed at.
    const forged = cite.replace(/:(\d+)-(\d+):/, (_, a, b) => `:${Number(a) + 1}-${b}:`);
    const refused = await h.answer(click(forged, messageFromCallback(call)));
    expect(refused.body.data.content).toMatch(/sources changed|not one I made/);
  });

  it('verbatim, reported and misattributed each get their verdict line', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['Russia has increased its pattern of repressive behaviour', 'stoltenberg', /^\*\*✅ Verbatim/],
      ['ready to declare Russian diplomats personae non-gratae', 'borissov', /^\*\*ℹ️ Reported, not quoted/],
      ['NATO takes protection of classified information, very, very seriously', 'borissov', /^\*\*❌ Misattributed[^\n]*Jens Stoltenberg/],
      ['NATO takes protection of classified information, very, very seriously', 'putin', /^\*\*❔ Not found for putin: [^\n]*Jens Stoltenberg/],
    ];
    for (const [quote, speaker, line] of cases) {
      const call = await h.answer(
        slash('verify', [
          { name: 'quote', value: quote },
          { name: 'speaker', value: speaker },
        ]),
      );
      expect(call.body.data.content, quote).toMatch(line);
      expect(call.body.data.embeds.length).toBeGreaterThan(0);
    }
  });

  it('words cut from a sentence that negates them are "Verbatim words, cut", with the left-out words marked', async () => {
    const call = await h.answer(
      slash('verify', [
        { name: 'quote', value: 'regard China as an adversary' },
        { name: 'speaker', value: 'stoltenberg' },
      ]),
    );
    const content: string = call.body.data.content;
    expect(content).toMatch(/^\*\*⚠️ Verbatim words, cut[^\n]*Jens Stoltenberg/);
    expect(content).toContain('Cut from: “**⟦We don’t⟧** regard China as an adversary.”');
    expect(content).toMatch(/Left out: “don’t” \(negation\)/);
    expect(content).not.toMatch(/✅ Verbatim/);
    expect(visibleText(call.body.data)).toContain('We don’t regard China as an adversary.');
  });

  it('two sentences from different places joined are "Spliced", each piece cited', async () => {
    const call = await h.answer(
      slash('verify', [
        { name: 'quote', value: 'Russia undermines and destabilizes its neighbours. NATO’s response is firm and consistent.' },
        { name: 'speaker', value: 'stoltenberg' },
      ]),
    );
    const data = call.body.data;
    expect(data.content).toMatch(/^\*\*✂️ Spliced[^\n]*Jens Stoltenberg/);
    expect(data.content).toMatch(
      /Piece 1 \(source 1\): “Russia undermines and destabilizes its neighbours”; then \d+ words stand between them, 9 whole sentences/,
    );
    expect(data.embeds).toHaveLength(2);
    expect(visibleText(data)).toContain('Abroad, Russia undermines and destabilizes its neighbours');
    expect(visibleText(data)).toContain('NATO’s response is firm and consistent.');
  });

  it('"do not" for "don’t" stays verbatim, the other form named', async () => {
    const call = await h.answer(
      slash('verify', [
        { name: 'quote', value: 'We do not regard China as an adversary' },
        { name: 'speaker', value: 'stoltenberg' },
      ]),
    );
    expect(call.body.data.content).toMatch(/^\*\*✅ Verbatim/);
    expect(call.body.data.content).toContain('Same words, written another way: “don’t” in the source, “do not” in the claim');
    expect(call.body.data.content).not.toMatch(/Negation differs/);
  });

  it('answers "not found in these sources" privately, never "false"', async () => {
    const call = await h.answer(slash('verify', [{ name: 'quote', value: 'we will rebuild the middle class one paycheck at a time' }]));
    const data = call.body.data;
    expect(data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(data.content).toMatch(/Not found in these sources/);
    expect(data.content).not.toMatch(/\bfalse\b/i);
  });

  it('escapes what the user typed', async () => {
    const call = await h.answer(
      slash('verify', [
        { name: 'quote', value: '@everyone **We regard China** as an <@123> adversary' },
        { name: 'speaker', value: 'stoltenberg' },
      ]),
    );
    const content: string = call.body.data.content;
    expect(content).not.toMatch(/(^|[^\\])@everyone/);
    expect(content).toContain('\\*\\*We regard China\\*\\*');
    expect(content).not.toMatch(/(^|[^\\])<@123>/);
  });
});

describe('"Verify quote" on a message', () => {
  it('checks the quoted words and the speaker the message names, privately', async () => {
    const call = await h.answer(messageCommand('Verify quote', 'Wow, Stoltenberg said “NATO’s response is weak and inconsistent” today!'));
    const data = call.body.data;
    expect(call.body.type).toBe(4);
    expect(data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(data.content).toMatch(/^\*\*⚠️ Altered/);
    expect(data.content).toMatch(/attributed to Jens Stoltenberg/);
    expect(data.content).toContain('**−firm**');
    expect(data.content).toContain('**+weak**');
    expect(visibleText(data)).toContain('NATO’s response is firm and consistent.');
  });

  it('reads the speaker from an attribution line, as people paste quotes', async () => {
    const words = 'Russia has increased its pattern of repressive behaviour at home and aggressive behaviour abroad';
    for (const message of [
      `"${words}" - Stoltenberg, March 2021`,
      `“${words}” — Jens Stoltenberg, NATO Secretary General, 24 March 2021`,
      `"${words}" - Stoltenberg (2021)`,
      `"${words}"\nJens Stoltenberg`,
      `Stoltenberg: '${words}'`,
      `“${words}” —Jens Stoltenberg, 24 March 2021`,
    ]) {
      const call = await h.answer(messageCommand('Verify quote', message));
      expect(call.body.data.content, message).toMatch(/^\*\*✅ Verbatim[^\n]*Jens Stoltenberg/);
      expect(call.body.data.content, message).toContain('attributed to Jens Stoltenberg');
    }
  });

  it('a name no source knows is "not found for" it, never misattributed', async () => {
    const call = await h.answer(
      messageCommand('Verify quote', '"Russia has increased its pattern of repressive behaviour at home" ~ Angela Merkel, 2019'),
    );
    expect(call.body.data.content).toMatch(/^\*\*❔ Not found for Angela Merkel: [^\n]*Jens Stoltenberg/);
    expect(call.body.data.content).not.toMatch(/Misattributed/);
  });

  it('checks a message that is only the words, against anyone', async () => {
    const call = await h.answer(messageCommand('Verify quote', 'we still see violent oppression of political dissent'));
    expect(call.body.data.content).toMatch(/^\*\*✅ Verbatim[^\n]*Jens Stoltenberg/);
  });
});

describe('free text', () => {
  it('a DM "did X say …?" gets the verify answer', async () => {
    const from = h.standin.calls.length;
    h.standin.dispatch('MESSAGE_CREATE', userMessage('did Stoltenberg say "We regard China as an adversary"?', { dm: true }));
    const reply = await h.next(sentTo(IDS.dmChannel), from);
    expect(reply.body.content).toMatch(/^\*\*⚠️ Altered/);
    expect(visibleText(reply.body)).toContain('We don’t regard China as an adversary.');
  });

  it('a DM claiming Stoltenberg’s words, negation dropped, for Borissov is altered against his line, never misattributed', async () => {
    const from = h.standin.calls.length;
    h.standin.dispatch('MESSAGE_CREATE', userMessage('did Borissov say "We regard China as an adversary"?', { dm: true }));
    const reply = await h.next(sentTo(IDS.dmChannel), from);
    expect(reply.body.content).toMatch(/^\*\*⚠️ Altered: nobody in these sources said these words[^\n]*Jens Stoltenberg/);
    expect(reply.body.content).not.toMatch(/Misattributed/);
  });
});

void botUser;
void snowflake;

describe('the ClaimReview button of a /verify Cite reply', () => {
  /** /verify, then Cite on the first source, then ClaimReview on that Cite reply: each reply, and the JSON it gives. */
  async function claimReview(quote: string, speaker: string, cite: RegExp) {
    const verify = await h.answer(
      slash('verify', [
        { name: 'quote', value: quote },
        { name: 'speaker', value: speaker },
      ]),
    );
    const citeId = customIds(verify.body.data).find((id) => cite.test(id))!;
    expect(citeId).toBeDefined();
    const citeReply = await h.answer(click(citeId, messageFromCallback(verify)));
    const reviewId = customIds(citeReply.body.data).find((id) => id.startsWith('crev:'))!;
    expect(reviewId, 'the Cite reply has a ClaimReview button').toBeDefined();
    const reviewed = await h.answer(click(reviewId, messageFromCallback(citeReply)));
    const json = /```json\n([\s\S]*)\n```/.exec(reviewed.body.data.content)?.[1];
    return { citeReply, reviewed, review: JSON.parse(json ?? 'null') };
  }

  it('gives the schema.org ClaimReview of a short claim, the same JSON as ask --json --claimreview, privately', async () => {
    const { citeReply, reviewed, review } = await claimReview('We regard China as an adversary', 'stoltenberg', /^cite:0:/);
    expect(citeReply.body.data.content.split('\n')[0]).toBe('Claim: “We regard China as an adversary” — attributed to Jens Stoltenberg');
    expect(citeReply.body.data.content).toContain('Citation to copy:');
    expect(reviewed.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(reviewed.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const expected = claimReviewOf(
      h.bot.ctx.core.answer({ command: 'verify', claim: 'We regard China as an adversary', speaker: 'stoltenberg', offset: 0 }),
    );
    expect(review).toEqual(expected);
    expect(review).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: 'We regard China as an adversary',
      itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'Jens Stoltenberg' }, datePublished: '2021-03-24' },
      reviewRating: { '@type': 'Rating', alternateName: 'Altered' },
    });
  });

  it('reads a claim too long for a button back from the message, and names the true speaker of a misattribution', async () => {
    const quote = 'NATO takes protection of classified information, very, very seriously, and we fully support the efforts by Bulgaria';
    const { review } = await claimReview(quote, 'borissov', /^vcite:0:/);
    expect(review).toEqual(claimReviewOf(h.bot.ctx.core.answer({ command: 'verify', claim: quote, speaker: 'borissov', offset: 0 })));
    expect(review.claimReviewed).toBe(quote);
    expect(review.reviewRating.alternateName).toBe('Misattributed');
  });

  it('is refused on a message that holds no claim, and when the cited source no longer matches', async () => {
    const quote = await h.answer(slash('quote', [{ name: 'speaker', value: 'stoltenberg' }]));
    const noClaim: Call = await h.answer(click('crev:0:abc', messageFromCallback(quote)));
    expect(noClaim.body.data.content).toMatch(/cannot read the claim back/);
    const { citeReply } = await claimReview('We regard China as an adversary', 'stoltenberg', /^cite:0:/);
    const stale = await h.answer(click('crev:0:zzzzz', messageFromCallback(citeReply)));
    expect(stale.body.data.content).toMatch(/sources changed/);
  });
});
