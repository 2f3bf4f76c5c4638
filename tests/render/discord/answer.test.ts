import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../../src/answer/types.js';
import { answerButtons } from '../../../src/render/discord/buttons.js';
import { embedLength } from '../../../src/render/discord/message.js';
import { discordEmbedCharacters } from '../../property/checks.js';
import { renderAnswer } from '../../../src/render/discord/answer.js';
import { renderMiss } from '../../../src/render/discord/notice.js';
import { citationLine, renderCite } from '../../../src/render/discord/cite.js';
import { renderContext } from '../../../src/render/discord/context.js';
import { decodeButton } from '../../../src/render/discord/custom-ids.js';
import { CITATIONS, makeAnswer } from '../../discord/fake-core.js';

const ASKER = '1100000000000000005';
const quote = (offset = 0): Answer => makeAnswer({ command: 'quote', speaker: 'Jens Stoltenberg', topic: 'china', offset }, CITATIONS);

function checkLimits(messages: ReturnType<typeof renderAnswer>) {
  for (const m of messages) {
    expect((m.content ?? '').length).toBeLessThanOrEqual(2000);
    expect(m.embeds.length).toBeLessThanOrEqual(10);
    expect(discordEmbedCharacters(m.embeds)).toBeLessThanOrEqual(6000);
    // The renderers budget with embedLength: it must count what Discord counts.
    for (const e of m.embeds) expect(embedLength(e)).toBe(discordEmbedCharacters([e]));
    for (const e of m.embeds) {
      expect((e.title ?? '').length).toBeLessThanOrEqual(256);
      expect((e.description ?? '').length).toBeLessThanOrEqual(4096);
      expect((e.fields ?? []).length).toBeLessThanOrEqual(25);
      for (const f of e.fields ?? []) {
        expect(f.name.length).toBeLessThanOrEqual(256);
        expect(f.value.length).toBeLessThanOrEqual(1024);
        expect(f.value.length).toBeGreaterThan(0);
      }
    }
    expect(m.components.length).toBeLessThanOrEqual(5);
    const ids = m.components.flatMap((r) => r.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of m.components) expect(r.components.length).toBeLessThanOrEqual(5);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(100);
  }
}

describe('renderAnswer', () => {
  it('shows speaker, source title, publisher, date and link with every excerpt', () => {
    const [m] = renderAnswer(quote(), { askerId: ASKER });
    const e = m!.embeds[0]!;
    expect(e.title).toBe('1. Jens Stoltenberg');
    expect(e.description).toBe('“We don’t regard China as an adversary.”');
    expect(e.url).toBe('https://example.org/nato?id=1');
    expect(e.fields).toEqual([
      { name: 'Source', value: '[NATO Allies Meet To Discuss Deterrence](https://example.org/nato?id=1)', inline: true },
      { name: 'Publisher', value: 'Diplomatic Times', inline: true },
      { name: 'Date', value: '24 March 2021 (2021-03-24)', inline: true },
    ]);
  });

  it('labels reported speech and does not put it in quotation marks', () => {
    const [m] = renderAnswer(quote(), { askerId: ASKER });
    const e = m!.embeds[1]!;
    expect(e.title).toMatch(/reported speech, not a direct quote/);
    expect(e.description).not.toMatch(/^“/);
  });

  it('escapes source text so it cannot mention or format', () => {
    const a = makeAnswer({ command: 'quote', speaker: 'x', topic: '', offset: 0 }, [CITATIONS[2]!]);
    const [m] = renderAnswer(a, { askerId: ASKER });
    expect(m!.embeds[0]!.description).toBe('“Hello \\@everyone, this is \\<@123\\> and \\*bold\\* text.”');
  });

  it('gives Context and Cite per excerpt and More when there is a next page', () => {
    const rows = answerButtons(quote(), ASKER);
    const actions = rows.flatMap((r) => r.components.map((c) => decodeButton('custom_id' in c ? c.custom_id : '')));
    expect(actions.map((a) => a?.kind)).toEqual(['context', 'context', 'cite', 'cite', 'more']);
    expect(actions[4]).toMatchObject({ kind: 'more', askerId: ASKER, request: { offset: 2 } });
    expect(
      answerButtons(quote(2), ASKER)
        .flatMap((r) => r.components)
        .map((c) => ('label' in c ? c.label : '')),
    ).toEqual(['Context', 'Cite']);
  });

  it('stays within every Discord limit for huge answers, spilling into more messages', () => {
    const huge: Citation[] = Array.from({ length: 14 }, (_, i) => ({
      ...CITATIONS[0]!,
      speaker: `Speaker ${'x'.repeat(300)} ${i}`,
      title: `Title ${'t'.repeat(2000)}`,
      publisher: 'P'.repeat(1500),
      url: 'not a url',
      excerpt: Array.from({ length: 200 }, (_, j) => `Sentence ${j} with *markup* and @everyone.`).join(' '),
      alsoIn: Array.from({ length: 60 }, (_, j) => ({
        sourceId: `s${j}`,
        title: `Other ${j} ${'o'.repeat(50)}`,
        publisher: 'Pub',
        date: '2020',
        url: null,
      })),
      passageKey: `p${i}`,
    }));
    const messages = renderAnswer(makeAnswer({ command: 'summary', topic: 't', offset: 0 }, huge, 14), { askerId: ASKER });
    expect(messages.length).toBeGreaterThan(1);
    checkLimits(messages);
    expect(messages.flatMap((m) => m.embeds)).toHaveLength(14);
    for (const e of messages.flatMap((m) => m.embeds)) {
      expect(e.url).toBeUndefined(); // an invalid URL would make Discord reject the message
      expect(e.description).toMatch(/\. …”$/); // cut after a whole sentence, inside the quotation marks
    }
    expect(messages.at(-1)!.components.length).toBeGreaterThan(0);
    expect(messages[0]!.components).toHaveLength(0);
  });

  it('splits a long plain-text answer into messages of at most 2000 characters', () => {
    const a: Answer = { ...quote(), citations: [], text: Array.from({ length: 400 }, (_, i) => `Line ${i} of the help.`).join('\n') };
    const messages = renderAnswer(a, { askerId: ASKER });
    expect(messages.length).toBeGreaterThan(1);
    checkLimits(messages);
  });

  it('renders a miss as one line of text with the suggestions', () => {
    const miss = makeAnswer({ command: 'quote', speaker: 'stoltenbrg', topic: '', offset: 0 }, []);
    expect(renderMiss(miss).content).toBe('No quotes found for “nobody”.\nDid you mean: Jens Stoltenberg?');
    // "Which one?" is asked as choices: one button per suggested speaker, asking that speaker.
    const [row] = renderAnswer(miss, { askerId: ASKER })[0]!.components;
    expect(row?.components.map((b) => ('label' in b ? b.label : ''))).toEqual(['Jens Stoltenberg']);
    expect(renderAnswer({ ...miss, request: { command: 'summary', topic: 'x', offset: 0 } }, { askerId: ASKER })[0]!.components).toEqual([]);
  });
});

describe('Cite and Context', () => {
  it('pins the citation line a journalist copies', () => {
    expect(citationLine(CITATIONS[0]!)).toBe(
      'Jens Stoltenberg: “We don’t regard China as an adversary.” (Diplomatic Times, “NATO Allies Meet To Discuss Deterrence”, 24 March 2021) https://example.org/nato?id=1',
    );
    expect(citationLine(CITATIONS[1]!)).toMatch(/^Jens Stoltenberg \(reported speech, not a direct quote\): He said/);
  });

  it('puts the citation in a code block so it is copied verbatim, unescaped', () => {
    const m = renderCite(CITATIONS[2]!);
    expect(m.content).toContain('```\nJens Stoltenberg: “Hello @everyone, this is <@123> and *bold* text.”');
  });

  it('shows the whole paragraph with the excerpt in bold', () => {
    const m = renderContext(
      { source: CITATIONS[0]!, section: 'China', text: 'Before. We don’t regard China as an adversary. After *x*.' },
      'We don’t regard China as an adversary.',
    );
    expect(m.embeds[0]!.description).toBe('Before. **We don’t regard China as an adversary.** After \\*x\\*.');
    expect(m.embeds[0]!.fields!.map((f) => f.name)).toEqual(['Source', 'Publisher', 'Date', 'Section']);
  });

  it('marks every uncut run of an excerpt, and nothing when a run is not in the paragraph', () => {
    const text = 'One two. Three four. Five six. Seven.';
    const ctx = { source: CITATIONS[0]!, section: null, text };
    expect(renderContext(ctx, '… Three four. … Seven. …').embeds[0]!.description).toBe('One two. **Three four.** Five six. **Seven.**');
    expect(renderContext(ctx, 'Three four. … Eight.').embeds[0]!.description).toBe(text);
  });

  it('puts up to five buttons in one row, and one row per kind beyond that', () => {
    expect(answerButtons(quote(), ASKER)).toHaveLength(1);
    const many = makeAnswer({ command: 'summary', topic: 't', offset: 0 }, [...CITATIONS, ...CITATIONS], 4);
    expect(answerButtons(many, ASKER).map((r) => r.components.length)).toEqual([4, 4, 1]);
  });
});
