/**
 * Scopes in the core (docs/scopes.md): a source under `added/<server id>/` answers in that server
 * (and in the servers its provenance records additions from) and nowhere else, whatever the
 * command, the autocomplete or the button; one index serves every scope.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withScope } from '../../src/answer/scope.js';
import type { Core, Scope } from '../../src/answer/types.js';
import { loadCore } from '../../src/load-core.js';
import { KNOWLEDGE } from '../helpers.js';

const B = '1100000000000000777';
const C = '1100000000000000888';
const OTHER = '1100000000000000999';
const WORDS = 'The night ferry will run every hour from Monday';
const STATEMENT = `---\ntitle: Statement on the ferry timetable\ndate: 2023-06-01\npublisher: Harbour Authority\n---\n“${WORDS},” said Tomas Berg, the ferry operator.\n`;

let dir: string;
let core: Core;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verbatim-scope-'));
  await cp(KNOWLEDGE, dir, { recursive: true });
  await mkdir(join(dir, 'added', B), { recursive: true });
  await writeFile(join(dir, 'added', B, 'ferry.md'), STATEMENT);
  // Server C added the same page afterwards: stored once, in B's folder, answered in both.
  await writeFile(
    join(dir, 'added', B, 'ferry.md.source.yaml'),
    `file: ferry.md\nadded:\n  - server: "${B}"\n    user: "42"\n    at: 2026-12-01T10:00:00.000Z\n  - server: "${C}"\n    user: "43"\n    at: 2026-12-02T10:00:00.000Z\n`,
  );
  ({ core } = await loadCore(dir, { cacheDir: null, progress: null }));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const ferryQuote = (scope?: Scope) =>
  core.answer({ command: 'quote', speaker: 'Tomas Berg', topic: 'ferry', offset: 0, ...(scope ? { scope } : {}) });
const shown = (scope?: Scope) => JSON.stringify(ferryQuote(scope).citations);

describe('a server’s own source', () => {
  it('answers /quote, /summary, /timeline, /verify and free text in its servers only', () => {
    for (const scope of [{ server: B }, { server: C }]) {
      const s = withScope(core, scope);
      expect(shown(scope)).toContain(WORDS);
      expect(
        s.answer({ command: 'summary', topic: 'night ferry timetable', offset: 0 }).citations.some((c) => c.excerpt.includes('night ferry')),
      ).toBe(true);
      expect(s.answer({ command: 'timeline', topic: 'ferry', speaker: '', offset: 0 }).found).toBe(true);
      expect(s.answer({ command: 'verify', claim: WORDS, speaker: '', offset: 0 }).verify?.verdict).toBe('verbatim');
      expect(
        s
          .ask('what did Tomas Berg say about the ferry')
          .citations.map((c) => c.excerpt)
          .join(),
      ).toContain('night ferry');
    }
    for (const scope of [{ server: OTHER }, 'global' as const, undefined]) {
      const s = scope ? withScope(core, scope) : core;
      const quote = s.answer({ command: 'quote', speaker: 'Tomas Berg', topic: 'ferry', offset: 0 });
      expect(quote.found).toBe(false);
      expect(quote.heading).toMatch(/No speaker called/);
      expect(JSON.stringify(s.answer({ command: 'summary', topic: 'night ferry timetable', offset: 0 }))).not.toContain('night ferry will run');
      expect(s.answer({ command: 'timeline', topic: 'ferry', speaker: '', offset: 0 }).found).toBe(false);
      expect(s.answer({ command: 'verify', claim: WORDS, speaker: '', offset: 0 }).verify?.verdict).toBe('not-found');
      expect(JSON.stringify(s.ask('what did Tomas Berg say about the ferry'))).not.toContain('night ferry will run');
      expect(JSON.stringify(s.answer({ command: 'search', query: '"night ferry"', offset: 0 }))).not.toContain('night ferry will run');
    }
  });

  it('is suggested (speakers, topics) only where it answers', () => {
    const names = (scope: Scope) =>
      withScope(core, scope)
        .suggestSpeakers('berg', 25)
        .map((s) => s.name);
    expect(names({ server: B })).toContain('Tomas Berg');
    expect(names({ server: OTHER })).not.toContain('Tomas Berg');
    expect(names('global')).not.toContain('Tomas Berg');
    expect(withScope(core, { server: B }).suggestTopics('ferr', undefined, 25).join()).toMatch(/ferry/i);
    expect(withScope(core, { server: OTHER }).suggestTopics('ferr', undefined, 25).join()).not.toMatch(/ferry/i);
    // The global speakers are suggested everywhere, with the same counts.
    const global = withScope(core, 'global').suggestSpeakers('', 25);
    expect(withScope(core, { server: OTHER }).suggestSpeakers('', 25)).toEqual(global);
    expect(withScope(core, { server: B }).suggestSpeakers('', 25)).toEqual(expect.arrayContaining([...global, { name: 'Tomas Berg', quotes: 1 }]));
  });

  it('refuses its passages to a Context or Cite button pressed in another server', () => {
    const citation = ferryQuote({ server: B }).citations[0]!;
    expect(core.context(citation.passageKey, { server: B })?.text).toContain(WORDS);
    expect(core.context(citation.passageKey, { server: OTHER })).toBeNull();
    expect(core.context(citation.passageKey)).toBeNull();
    expect(core.cite?.(citation.passageKey, 0, 1000, { server: C })).not.toBeNull();
    expect(core.cite?.(citation.passageKey, 0, 1000, { server: OTHER })).toBeNull();
  });

  it('says who added it in the asker’s server, in the citation and in /sources, and lists it nowhere else', () => {
    expect(ferryQuote({ server: B }).citations[0]?.addedHere).toEqual({ server: B, user: '42', at: '2026-12-01T10:00:00.000Z' });
    expect(ferryQuote({ server: C }).citations[0]?.addedHere).toEqual({ server: C, user: '43', at: '2026-12-02T10:00:00.000Z' });
    const inB = core.answer({ command: 'sources', offset: 0, scope: { server: B } });
    expect(inB.sources?.find((s) => s.title === 'Statement on the ferry timetable')?.own).toEqual({
      added: { server: B, user: '42', at: '2026-12-01T10:00:00.000Z' },
    });
    expect(inB.text).toContain(`[this server's own, added 2026-12-01 by user 42; id added/${B}/ferry]`);
    expect(inB.sources?.filter((s) => s.own)).toHaveLength(1);
    const elsewhere = core.answer({ command: 'sources', offset: 0, scope: { server: OTHER } });
    expect(elsewhere.sources?.map((s) => s.title)).not.toContain('Statement on the ferry timetable');
    expect(elsewhere.total).toBe(inB.total! - 1);
  });
});
