import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/answer/core.js';
import type { Core } from '../../src/answer/types.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { FIXTURES, loadSeeds } from '../helpers.js';

/** A typed name: joining words inside it are skipped like the index skips them, never at its ends. */
describe('speaker names with joining words', () => {
  let core: Core;
  beforeAll(async () => {
    const { articles } = await loadKnowledge(join(FIXTURES, 'org-names'));
    core = createCore(articles);
  });

  it('finds an organisation by the words of its name, "of" included', () => {
    const a = core.ask('/quote Department of Agriculture');
    expect(a.found).toBe(true);
    expect(a.citations[0]?.speaker).toBe('U.S. Department of Agriculture');
    expect(a.citations[0]?.excerpt).toContain('Ground-level ozone causes more damage');
  });

  it("never gives one department's words to another", () => {
    const a = core.ask('/quote State Department');
    expect(a.citations.map((c) => c.speaker)).not.toContain('U.S. Department of Agriculture');
  });

  it('reads a period after a name as the period, not as part of the name', async () => {
    const { core: seeds } = await loadSeeds();
    const a = seeds.ask('/quote stoltenberg in 2021');
    expect(a.found).toBe(true);
    expect(a.request).toMatchObject({ command: 'quote', speaker: 'Jens Stoltenberg', topic: 'in 2021' });
    expect(a.citations.every((c) => c.date.startsWith('2021'))).toBe(true);
    expect(a.citations.length).toBeGreaterThan(0);
  });
});
