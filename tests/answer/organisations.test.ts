import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCore } from '../../src/load-core.js';
import { loadSeeds } from '../helpers.js';

/** Organisations: they speak through their named officials, and an acronym is the name it spells out. */
describe('an organisation and its officials', async () => {
  const { core } = await loadSeeds();

  it('"Did NATO say anything about Navalny?" answers with its Secretary General\'s words, labelled as his', () => {
    const a = core.ask('Did NATO say anything about Navalny?');
    expect(a.found).toBe(true);
    expect(a.text).toMatch(/^NATO, through its Secretary General Jens Stoltenberg/);
    expect(a.citations.length).toBeGreaterThan(0);
    for (const c of a.citations) {
      expect(c.speaker).toBe('Jens Stoltenberg');
      expect(c.excerpt).toMatch(/Navalny/);
    }
  });

  it('a word that is no organisation in any role is not answered through officials', () => {
    expect(core.ask('/quote secretary').text).not.toMatch(/through its/);
  });
});

describe('an acronym and its full name are one organisation', () => {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-org-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(
    join(dir, 'a.txt'),
    '---\ntitle: Vote count delayed\ndate: 2008-04-02\n---\nOpposition leader Morgan Tsvangirai leads the Movement for Democratic Change (MDC).\n\n"The election was stolen from the people of this country," the MDC said in a statement.\n',
  );

  it('/quote mdc and /quote movement for democratic change find the same quotation', async () => {
    const { core } = await loadCore(dir, { cacheDir: null, progress: null });
    for (const q of ['/quote mdc', '/quote movement for democratic change']) {
      const a = core.ask(q);
      expect(a.found, q).toBe(true);
      expect(a.citations.map((c) => [c.speaker, c.excerpt])).toEqual([['MDC', 'The election was stolen from the people of this country']]);
    }
  });
});

describe('an agency or a ministry that says something is the speaker (issue 25, item 3)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-agency-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(
    join(dir, 'missiles.txt'),
    '---\ntitle: Missiles fired\ndate: 2024-03-10\n---\nNorth Korea fired two missiles on Sunday. The state news agency KCNA said: "The test was a success and a warning."\n\nXinhua news agency said the talks in Beijing were useful. "Both sides agreed to meet again," Xinhua said.\n',
  );
  writeFileSync(
    join(dir, 'masks.txt'),
    '---\ntitle: Masks stay on trains\ndate: 2024-03-11\n---\nThe Ministry of Health announced new rules on Monday. "Masks remain required on trains," the ministry said in a statement.\n',
  );

  it('/quote finds the agency’s and the ministry’s words under their names', async () => {
    const { core } = await loadCore(dir, { cacheDir: null, progress: null });
    const found = (q: string) => core.ask(q).citations.map((c) => [c.speaker, c.excerpt]);
    expect(found('/quote kcna')).toEqual([['KCNA', 'The test was a success and a warning.']]);
    expect(found('/quote xinhua')).toEqual([['Xinhua', 'Both sides agreed to meet again']]);
    expect(found('/quote ministry of health')).toEqual([['Ministry of Health', 'Masks remain required on trains']]);
  });
});
