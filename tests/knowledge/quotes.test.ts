import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { Article, Segment } from '../../src/knowledge/types.js';
import { FIXTURES, loadSeeds } from '../helpers.js';

function segmentsOf(articles: Article[]): Array<Segment & { text: string; file: string }> {
  return articles.flatMap((a) => a.paragraphs.flatMap((p) => p.segments.map((s) => ({ ...s, text: p.text.slice(s.start, s.end), file: a.file }))));
}

describe('quotes in the seeds', async () => {
  const { articles } = await loadSeeds();
  const segs = segmentsOf(articles);
  /** The segments starting with these words; at least one, so a loop over them always checks something. */
  const find = (start: string) => {
    const found = segs.filter((s) => s.text.startsWith(start));
    expect(found.length, start).toBeGreaterThan(0);
    return found;
  };

  it('attributes every direct quote in the seeds to Jens Stoltenberg, in every attribution form', () => {
    const quotes = segs.filter((s) => s.kind === 'quote');
    expect(quotes.length).toBeGreaterThan(30);
    for (const q of quotes) expect(q.speaker, q.text).toBe('Jens Stoltenberg');
    // “…,” said NATO Secretary General Jens Stoltenberg.
    expect(find('Russia has increased its pattern')[0]?.kind).toBe('quote');
    // “…,” Stoltenberg said of the NATO meeting.
    expect(find('We were joined by our close partners')[0]?.kind).toBe('quote');
    // a quoted paragraph followed by "-NATO Secretary General Jens Stoltenberg."
    expect(find('From the Baltic to the Black Sea.')[0]?.kind).toBe('quote');
    // an opening mark never closed, then "-NATO Secretary General Stoltenberg"
    expect(find('First of all, I think that the message')[0]?.kind).toBe('quote');
    // quote continued in the next paragraph, attributed after it
    expect(find('We don’t regard China as an adversary.')[0]?.kind).toBe('quote');
  });

  it('cuts the attribution and quotation marks out of quote text', () => {
    const q = find('Russia has increased its pattern')[0]!;
    expect(q.text).toBe('Russia has increased its pattern of repressive behaviour at home and aggressive behaviour abroad');
  });

  it('labels reported speech as reported, with its speaker, and never as a quote', () => {
    const reported: Array<[string, string]> = [
      ['Stoltenberg stressed that NATO’s dual-track approach', 'Jens Stoltenberg'],
      ['Stoltenberg underlined that all Allies welcome', 'Jens Stoltenberg'],
      ['He said all Allies remain firmly committed', 'Jens Stoltenberg'],
      ['He said Russia continues to deploy', 'Jens Stoltenberg'],
      ['Stoltenberg said Allies agree the alliance', 'Jens Stoltenberg'],
      ['NATO is closely following an investigation', 'Jens Stoltenberg'],
      ['Bulgarian Prime Minister Boyko Borissov said that his country', 'Boyko Borissov'],
    ];
    for (const [start, speaker] of reported) {
      for (const s of find(start)) expect({ kind: s.kind, speaker: s.speaker }, start).toEqual({ kind: 'reported', speaker });
    }
  });

  it('keeps narration unattributed and scare quotes out of the quotes', () => {
    for (const start of ['The NATO chief made the remarks', 'Authorities in the NATO member country', 'The EU imposed further sanctions']) {
      for (const s of find(start)) expect({ kind: s.kind, speaker: s.speaker }, start).toEqual({ kind: 'narration', speaker: null });
    }
    // An organisation speaks too: "the Bulgarian Prosecutor’s Office said it brought charges".
    for (const s of find('Earlier this month, the Bulgarian Prosecutor’s Office'))
      expect({ kind: s.kind, speaker: s.speaker }).toEqual({ kind: 'reported', speaker: 'Bulgarian Prosecutor’s Office' });
    // Quoted words inside Stoltenberg's reported sentence are his words, marked partial.
    expect(segs.filter((s) => s.text.startsWith('the growing Russian missile threat')).map((s) => [s.kind, s.speaker, s.embedded])).toContainEqual([
      'quote',
      'Jens Stoltenberg',
      true,
    ]);
    for (const fragment of ['Russian spy ring', 'Closely Following']) {
      expect(
        segs.some((s) => s.kind === 'quote' && s.text === fragment),
        fragment,
      ).toBe(false);
    }
  });

  it('never gives Borissov’s reported words to Stoltenberg', () => {
    const borissov = segs.filter((x) => x.text.includes('personae non-gratae'));
    expect(borissov.length).toBeGreaterThan(0);
    for (const s of borissov) expect(s.speaker).toBe('Boyko Borissov');
  });

  it('learns roles from the text', () => {
    const roles = articles.flatMap((a) => a.roles);
    expect(roles).toContainEqual({ speaker: 'Jens Stoltenberg', role: 'NATO Secretary General' });
    expect(roles).toContainEqual({ speaker: 'Boyko Borissov', role: 'Bulgarian Prime Minister' });
  });
});

describe('quotes with two speakers', async () => {
  const { articles } = await loadKnowledge(join(FIXTURES, 'good'));
  const segs = segmentsOf(articles.filter((a) => a.id === 'two-speakers'));
  const speakerOf = (start: string) => segs.find((s) => s.text.startsWith(start))?.speaker;

  it('resolves surnames, roles with portfolio words, and he/she to the right person', () => {
    expect(speakerOf('We will not accept any quota')).toBe('Maria Lindqvist');
    expect(speakerOf('Lindqvist added that')).toBe('Maria Lindqvist');
    expect(speakerOf('The science is clear')).toBe('Tomas Berg');
    expect(speakerOf('He said the cuts were overdue')).toBe('Tomas Berg');
    // "she said" right after Berg was called "he": not Berg.
    expect(speakerOf('Our fleets have already cut')).toBe('Maria Lindqvist');
    expect(speakerOf('Berg warned that stocks')).toBe('Tomas Berg');
    // a second, unattributed quote in a paragraph whose other quote is Lindqvist's
    expect(speakerOf('But the burden must be shared')).toBe('Maria Lindqvist');
  });
});
