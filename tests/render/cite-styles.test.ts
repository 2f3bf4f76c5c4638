import { describe, expect, it } from 'vitest';
import type { Citation } from '../../src/answer/types.js';
import { formatApa, formatChicago, formatChicagoNote, formatCitation, formatMla, sourceKind } from '../../src/render/cite-styles.js';

/**
 * Golden reference entries. The news article reproduces the examples the manuals publish
 * (APA Style "newspaper article" — Carey 2019; MLA Handbook 9 news article pattern; Chicago 17
 * §14.191 — Manjoo 2017) with the same fields; the speech follows APA §10.14 "speech transcript",
 * MLA 9 "speech" and Chicago 17 §14.218 patterns.
 */
const base: Omit<Citation, 'title' | 'publisher' | 'date' | 'url'> = {
  kind: 'quote',
  speaker: null,
  excerpt: 'x',
  sourceId: 's',
  alsoIn: [],
  passageKey: 's#0',
  section: null,
  author: null,
};
const news: Citation = {
  ...base,
  title: 'Snap Makes a Bet on the Cultural Supremacy of the Camera',
  author: 'Farhad Manjoo',
  publisher: 'New York Times',
  date: '2017-03-08',
  url: 'https://www.nytimes.com/2017/03/08/technology/snap-makes-a-bet-on-the-cultural-supremacy-of-the-camera.html',
};
const apaNews: Citation = {
  ...base,
  title: 'Can we get better at forgetting?',
  author: 'Benedict Carey',
  publisher: 'The New York Times',
  date: '2019-03-22',
  url: 'https://www.nytimes.com/2019/03/22/health/memory-forgetting-psychology.html',
};
const speech: Citation = {
  ...base,
  kind: 'quote',
  speaker: 'Barack Obama',
  title: 'Inaugural Address',
  publisher: 'The White House',
  date: '2009-01-20',
  url: 'https://obamawhitehouse.archives.gov/blog/2009/01/21/president-barack-obamas-inaugural-address',
};

describe('APA 7', () => {
  it('news article (APA Style example)', () => {
    expect(formatApa(apaNews)).toBe(
      'Carey, B. (2019, March 22). Can we get better at forgetting? The New York Times. https://www.nytimes.com/2019/03/22/health/memory-forgetting-psychology.html',
    );
  });
  it('speech transcript', () => {
    expect(formatApa(speech)).toBe(
      'Obama, B. (2009, January 20). Inaugural Address [Speech transcript]. The White House. https://obamawhitehouse.archives.gov/blog/2009/01/21/president-barack-obamas-inaugural-address',
    );
  });
  it('no author, year-only, and no date', () => {
    expect(formatApa({ ...news, author: null, date: '2017', url: null })).toBe(
      'Snap Makes a Bet on the Cultural Supremacy of the Camera. (2017). New York Times.',
    );
    expect(formatApa({ ...apaNews, date: '' })).toMatch(/^Carey, B\. \(n\.d\.\)\. /);
  });
});

describe('MLA 9', () => {
  it('news article', () => {
    expect(formatMla(news)).toBe(
      'Manjoo, Farhad. “Snap Makes a Bet on the Cultural Supremacy of the Camera.” New York Times, 8 Mar. 2017, www.nytimes.com/2017/03/08/technology/snap-makes-a-bet-on-the-cultural-supremacy-of-the-camera.html.',
    );
  });
  it('speech', () => {
    expect(formatMla(speech)).toBe(
      'Obama, Barack. “Inaugural Address.” The White House, 20 Jan. 2009, obamawhitehouse.archives.gov/blog/2009/01/21/president-barack-obamas-inaugural-address. Speech.',
    );
  });
  it('year-only; no "n.d." in MLA', () => {
    expect(formatMla({ ...news, date: '2017', url: null })).toBe(
      'Manjoo, Farhad. “Snap Makes a Bet on the Cultural Supremacy of the Camera.” New York Times, 2017.',
    );
    expect(formatMla({ ...news, date: '', url: null })).not.toMatch(/n\.d\./);
  });
});

describe('Chicago 17 (notes and bibliography)', () => {
  it('news article, bibliography (CMOS §14.191 example)', () => {
    expect(formatChicago(news)).toBe(
      'Manjoo, Farhad. “Snap Makes a Bet on the Cultural Supremacy of the Camera.” New York Times, March 8, 2017. https://www.nytimes.com/2017/03/08/technology/snap-makes-a-bet-on-the-cultural-supremacy-of-the-camera.html.',
    );
  });
  it('news article, note (CMOS §14.191 example)', () => {
    expect(formatChicagoNote(news)).toBe(
      'Farhad Manjoo, “Snap Makes a Bet on the Cultural Supremacy of the Camera,” New York Times, March 8, 2017, https://www.nytimes.com/2017/03/08/technology/snap-makes-a-bet-on-the-cultural-supremacy-of-the-camera.html.',
    );
  });
  it('speech, bibliography and note', () => {
    expect(formatChicago(speech)).toBe(
      'Obama, Barack. “Inaugural Address.” Speech, The White House, January 20, 2009. https://obamawhitehouse.archives.gov/blog/2009/01/21/president-barack-obamas-inaugural-address.',
    );
    expect(formatChicagoNote(speech)).toBe(
      'Barack Obama, “Inaugural Address” (speech, The White House, January 20, 2009), https://obamawhitehouse.archives.gov/blog/2009/01/21/president-barack-obamas-inaugural-address.',
    );
  });
  it('"n.d." and year-only', () => {
    expect(formatChicago({ ...news, date: '', url: null })).toBe(
      'Manjoo, Farhad. “Snap Makes a Bet on the Cultural Supremacy of the Camera.” New York Times, n.d.',
    );
    expect(formatChicagoNote({ ...news, date: '2017', url: null })).toBe(
      'Farhad Manjoo, “Snap Makes a Bet on the Cultural Supremacy of the Camera,” New York Times, 2017.',
    );
  });
});

describe('story headline and source kind', () => {
  it('cites the story headline when the file holds several stories', () => {
    const c: Citation = { ...news, title: 'Front page', section: 'NATO “Closely Following” Bulgarian Investigation', url: null };
    expect(formatChicago(c)).toContain('“NATO “Closely Following” Bulgarian Investigation.”');
    expect(formatApa(c)).toContain('NATO “Closely Following” Bulgarian Investigation.');
    expect(formatCitation(c, 'plain')).toContain('Bulgarian Investigation');
  });
  it('a statement by its title is a speech; a bylined story is an article', () => {
    expect(sourceKind({ ...news, title: 'Statement on the harbour plan', speaker: 'Maria Lindqvist', author: null })).toBe('speech');
    expect(sourceKind(news)).toBe('article');
  });
});

describe('an organisation as author', () => {
  // A ministry's PDF: its metadata names the ministry, the minister is quoted inside it.
  const ministry: Citation = {
    ...base,
    speaker: 'Elena Rossi',
    title: 'Statement by the Minister of Transport on ferry safety',
    author: 'Ministry of Transport',
    publisher: null,
    date: '2024-06-03',
    url: 'https://transport.example/statements/ferries.pdf',
  };
  it('a ministry’s statement is the ministry’s, in every style (never the minister’s speech, never an inverted name)', () => {
    expect(sourceKind(ministry)).toBe('statement');
    expect(formatApa(ministry)).toBe(
      'Ministry of Transport. (2024, June 3). Statement by the Minister of Transport on ferry safety [Press release]. https://transport.example/statements/ferries.pdf',
    );
    expect(formatMla(ministry)).toBe(
      '“Statement by the Minister of Transport on ferry safety.” Ministry of Transport, 3 June 2024, transport.example/statements/ferries.pdf. Press release.',
    );
    expect(formatChicago(ministry)).toBe(
      'Ministry of Transport. “Statement by the Minister of Transport on ferry safety.” Press release, June 3, 2024. https://transport.example/statements/ferries.pdf.',
    );
    expect(formatChicagoNote(ministry)).toBe(
      'Ministry of Transport, “Statement by the Minister of Transport on ferry safety” (press release, June 3, 2024), https://transport.example/statements/ferries.pdf.',
    );
  });
  it('the organisation that also published it is named once; a multi-word name is never split at "and"', () => {
    const who: Citation = {
      ...base,
      title: 'Statement on the second meeting of the Emergency Committee',
      author: 'World Health Organization',
      publisher: 'World Health Organization',
      date: '2020-01-30',
      url: null,
    };
    expect(formatApa(who)).toBe(
      'World Health Organization. (2020, January 30). Statement on the second meeting of the Emergency Committee [Press release].',
    );
    expect(formatMla(who)).toBe(
      '“Statement on the second meeting of the Emergency Committee.” World Health Organization, 30 Jan. 2020. Press release.',
    );
    const infra = { ...ministry, author: 'Ministry of Infrastructure and Transport', url: null };
    expect(formatApa(infra)).toMatch(/^Ministry of Infrastructure and Transport\. \(2024, June 3\)\./);
    expect(formatChicago(infra)).toMatch(/^Ministry of Infrastructure and Transport\. “/);
  });
  it('an agency’s story in a newspaper is an article by the agency', () => {
    const wire: Citation = {
      ...base,
      title: 'Harbour deal reached after night of talks',
      author: 'Reuters',
      publisher: 'The Guardian',
      date: '2024-05-14',
      url: null,
    };
    expect(sourceKind(wire)).toBe('article');
    expect(formatApa(wire)).toBe('Reuters. (2024, May 14). Harbour deal reached after night of talks. The Guardian.');
    expect(formatMla(wire)).toBe('Reuters. “Harbour deal reached after night of talks.” The Guardian, 14 May 2024.');
    expect(formatChicagoNote(wire)).toBe('Reuters, “Harbour deal reached after night of talks,” The Guardian, May 14, 2024.');
  });
  it('a transcript of a speech stays the speaker’s, with the organisation as publisher; a person named like a company stays a person', () => {
    const remarks: Citation = { ...ministry, title: 'Remarks by the Minister at the port conference', url: null };
    expect(sourceKind(remarks)).toBe('speech');
    expect(formatApa(remarks)).toBe(
      'Rossi, E. (2024, June 3). Remarks by the Minister at the port conference [Speech transcript]. Ministry of Transport.',
    );
    expect(formatApa({ ...apaNews, author: 'Margaret Court' })).toMatch(/^Court, M\. \(2019, March 22\)\./);
  });
});
