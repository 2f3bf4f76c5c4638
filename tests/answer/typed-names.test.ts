import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/answer/core.js';
import { parseArticle } from '../../src/knowledge/parse.js';

const article = (id: string, date: string, body: string) =>
  parseArticle(`---\ntitle: "Harbour ${id}"\ndate: ${date}\n---\n${body}\n`, id, `${id}.txt`);

// A name typed in full names the people it is the name of, even when several have it, never
// someone whose surname is one of its words (issue 22: "/quote robert mugabe" had answered
// with Lorin Robert, "not quoted").
describe('a typed full name', () => {
  const core = createCore([
    article('a', '2024-05-01', 'The council met.\n\n"We will rebuild the north pier before the summer season," Robert Mugabe said.'),
    article('b', '2024-05-02', 'The council met.\n\n"This is the best deal any crew has had in a decade," Lorin Robert said.'),
    article('c', '2024-05-03', 'The council met.\n\n"Nobody in this town should wait three years for a school," Robert Gabriel Mugabe said.'),
  ]);

  it('shared by two spellings of one name is not taken for a shorter name that is someone else’s surname', () => {
    const a = core.ask('/quote Robert Mugabe rebuild the north pier');
    expect(a.citations[0]).toMatchObject({ kind: 'quote', speaker: 'Robert Mugabe' });
    expect(a.citations.map((c) => c.speaker)).not.toContain('Lorin Robert');
    const which = core.ask('/quote robert mugabe');
    expect(which.found).toBe(false);
    expect(which.suggestions.sort()).toEqual(['Robert Gabriel Mugabe', 'Robert Mugabe']);
    expect(core.ask('/quote robert crew').citations[0]).toMatchObject({ speaker: 'Lorin Robert' });
  });
});

// Issue 22, item 5: an acronym and the full name are one organisation.
describe('an organisation under its name and its acronym', () => {
  const core = createCore([
    article('w', '2024-05-01', 'The World Health Organization (WHO) said the risk was low. “There is no need for panic,” the WHO said.'),
  ]);

  it('answers to either, with its quotation, and asks no "which one"', () => {
    for (const typed of ['/quote world health organization', '/quote WHO', '/quote world health organization panic']) {
      const a = core.ask(typed);
      expect(a.found, typed).toBe(true);
      expect(a.citations[0], typed).toMatchObject({ kind: 'quote', excerpt: expect.stringContaining('There is no need for panic') });
    }
  });
});
