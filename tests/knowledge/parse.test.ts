import { describe, expect, it } from 'vitest';
import { loadSeeds, SEED_2021_03_22, SEED_2021_03_24 } from '../helpers.js';

describe('parsing the seed articles', async () => {
  const { articles } = await loadSeeds();
  const a24 = articles.find((a) => a.file === SEED_2021_03_24)!;
  const a22 = articles.find((a) => a.file === SEED_2021_03_22)!;

  it('finds title, publication date, publisher, author and photo credit in the raw text', () => {
    expect(a24).toMatchObject({
      title: 'NATO Allies Meet To Discuss Deterrence of RUSSIA’s Increased “Aggressive Behaviour”',
      date: '2021-03-24',
      datePrecision: 'day',
      publisher: 'DIPLOMATIC TIMES',
      author: 'Gary Raynaldo',
      photoCredit: 'nato.int',
    });
    expect(a22).toMatchObject({ date: '2021-03-22', publisher: 'DIPLOMATIC TIMES', author: 'Gary Raynaldo', photoCredit: 'nato.int' });
  });

  it('strips page boilerplate and keeps no byline or attribution line as a paragraph', () => {
    const texts = articles.flatMap((a) => a.paragraphs.map((p) => p.text));
    for (const junk of [
      'Browse By',
      'print',
      'Print Friendly, PDF & Email',
      'By Gary Raynaldo DIPLOMATIC TIMES',
      '-NATO Secretary General Jens Stoltenberg',
    ]) {
      expect(texts).not.toContain(junk);
    }
    expect(texts.some((t) => t.includes('(credit:'))).toBe(false);
  });

  it('files paragraphs under their section headings', () => {
    const china = a24.paragraphs.find((p) => p.text.includes('South China Sea'))!;
    expect(china.section).toBe('NATO Allies support sanctions on China: Stoltenberg');
    const spy = a24.paragraphs.find((p) => p.text.startsWith('NATO is closely following'))!;
    expect(spy.section).toBe('NATO “Closely Following” Bulgarian Investigation into Alleged Russian Spy Ring');
  });

  it('collapses runs of spaces but keeps every word', () => {
    const first = a24.paragraphs.find((p) => p.text.includes('Russia has increased'))!;
    expect(first.text).not.toMatch(/ {2}/);
    expect(first.text).toContain(
      '“Russia has increased its pattern of repressive behaviour at home and aggressive behaviour abroad,” said NATO Secretary General Jens Stoltenberg.',
    );
  });
});
